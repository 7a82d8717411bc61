#pragma once

#include "OutboxEntry.h"
#include "compose/BuiltMessage.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

namespace Amiens {

/// The outbox of one account on disk: <profile>/outbox/<key>/ (AccountPaths), with per message
/// <id>.eml (the exact bytes to send) and <id>.json (its OutboxEntry). Every write goes through
/// QSaveFile (fsync, rename) and then an fsync of the directory, so what a call reported as
/// written survives a crash or a power cut. The .eml is written before the .json and removed
/// after it: a message exists exactly when its .json does.
/// Not thread-safe; one Outbox object per account and process at a time.
class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::Outbox)

public:
    explicit Outbox(QString directory);
    [[nodiscard]] QString directory() const { return m_directory; }

    /// Writes the message durably as Queued, before any network step.
    std::optional<OutboxEntry> enqueue(const BuiltMessage &message, QString *error);
    /// Every message, oldest first. Leftovers of an interrupted enqueue or removal are dropped.
    [[nodiscard]] QList<OutboxEntry> entries() const;
    [[nodiscard]] std::optional<OutboxEntry> entry(const QString &id) const;
    [[nodiscard]] std::optional<QByteArray> bytes(const QString &id) const;
    /// Writes the entry's new state durably; returns false (and @p error) if it could not be.
    bool update(OutboxEntry entry, QString *error);
    /// Forgets a message once it is sent and copied to Sent (or the user deleted it).
    bool remove(const QString &id, QString *error);

private:
    [[nodiscard]] QString path(const QString &id, const char *suffix) const;
    bool writeDurably(const QString &path, const QByteArray &data, QString *error) const;
    bool syncDirectory(QString *error) const;

    QString m_directory;
};

} // namespace Amiens
