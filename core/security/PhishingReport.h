#pragma once

#include "compose/BuiltMessage.h"
#include "mime/MessageHeaders.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <optional>

namespace Amiens {

struct CachedFolder;

/// "Signaler comme hameçonnage": the message goes to the account's Junk folder, and, when the
/// site names a security address ([phishing] reportAddress), a report goes there with the
/// original attached as message/rfc822, byte for byte, headers and all, so the security team
/// sees the real route (Received lines, authentication results) and not a retyped copy.
class PhishingReport
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::PhishingReport)

public:
    /// The report from @p reporter to @p securityAddress; nothing (and @p error) when the
    /// original is empty or the address is not one.
    [[nodiscard]] static std::optional<BuiltMessage> build(const MailAddress &reporter,
                                                           const QString &securityAddress,
                                                           const QByteArray &original, QString *error);

    /// The path of the folder with the \Junk role (RFC 6154), empty when the account has none.
    [[nodiscard]] static QString junkFolder(const QList<CachedFolder> &folders);
};

} // namespace Amiens
