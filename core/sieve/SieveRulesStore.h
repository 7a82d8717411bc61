#pragma once

#include "ForwardSettings.h"
#include "ManageSieveClient.h"
#include "SieveScriptReader.h"
#include "VacationSettings.h"

#include <QCoreApplication>
#include <QTimeZone>
#include <optional>

namespace Amiens {

/// The Absence and Transfert settings kept on a ManageSieve server, over an authenticated
/// ManageSieveClient (blocking: run it on a worker thread or from the CLI).
///
/// Saving edits the ACTIVE script in place (only our block changes), so the user's other rules
/// keep running and nothing is ever deactivated. Without an active script it writes and
/// activates a script of its own ("amiensmail"). The edited script is checked with CHECKSCRIPT
/// before it replaces anything.
class SieveRulesStore
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::SieveRulesStore)

public:
    static constexpr QLatin1StringView kScriptName{"amiensmail"};

    struct State
    {
        SieveScriptReader::Result rules;
        QString scriptName; ///< the script our block is (or would be) in
        bool scriptActive = false;
        QByteArray script; ///< its current text, empty when it does not exist yet
    };

    explicit SieveRulesStore(ManageSieveClient &client);

    /// Reads the settings from the active script (or from ours when none is active).
    [[nodiscard]] std::optional<State> load(const QTimeZone &userZone);

    /// Writes the settings. Refused (Configuration error) when the server lacks an extension
    /// they need, or when another client's vacation rule is in the script and ours would be on:
    /// two vacation actions make Pigeonhole fail the whole script at delivery.
    [[nodiscard]] bool save(const VacationSettings &vacation, const ForwardSettings &forward);

    [[nodiscard]] const ServiceError &lastError() const { return m_error; }

private:
    bool fail(ServiceError::Kind kind, const QString &message, const QString &technical);

    ManageSieveClient &m_client;
    ServiceError m_error;
};

} // namespace Amiens
