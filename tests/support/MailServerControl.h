#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Amiens::Test {

/// Server-side changes for sync tests, made with doveadm on the test Dovecot exactly as other
/// clients or the server itself would make them (new mail, flags, expunges, UIDVALIDITY).
class MailServerControl
{
public:
    explicit MailServerControl(QString user);

    /// Empties every mailbox of the user (tests/servers/reset-mail.sh).
    bool reset() const;
    /// Delivers @p message into @p folder; returns its UID (0 on failure).
    quint32 save(const QString &folder, const QByteArray &message) const;
    [[nodiscard]] QStringList flags(const QString &folder, quint32 uid) const;
    bool addFlags(const QString &folder, quint32 uid, const QString &flags) const;
    bool expunge(const QString &folder, quint32 uid) const;
    [[nodiscard]] QList<quint32> uids(const QString &folder) const;
    [[nodiscard]] quint32 uidValidity(const QString &folder) const;
    bool setUidValidity(const QString &folder, quint32 uidValidity) const;
    bool createFolder(const QString &folder) const;
    bool deleteFolder(const QString &folder) const;
    /// Gives @p grantee the RFC 4314 @p rights on this user's @p folder (doveadm acl set, rights
    /// named as doveadm names them: "lookup", "read", "write-seen", "insert", "expunge"…). The
    /// folder then appears to @p grantee as shared/<this user>/<folder>.
    bool shareFolder(const QString &folder, const QString &grantee, const QStringList &rights) const;
    /// How many messages of @p folder match the doveadm search @p query
    /// (e.g. {"header", "Message-ID", id}).
    [[nodiscard]] int count(const QString &folder, const QStringList &query) const;
    /// Waits until @p expected messages of @p folder match @p query (or 20 s), then until the SMTP
    /// server's queue is empty, so that a duplicate still on its way shows too; returns the count.
    /// The client under test must be done sending.
    [[nodiscard]] int awaitCount(const QString &folder, const QStringList &query, int expected) const;
    /// Waits (30 s at most) until the test SMTP server's queue is empty: whatever it accepted is
    /// in the mailboxes. False on time-out.
    static bool awaitIdleMailServer();
    /// awaitCount() of one Message-ID in the inbox.
    [[nodiscard]] int deliveredCopies(const QString &messageId, int expected = 1) const;
    /// The doveadm search query for one Message-ID.
    [[nodiscard]] static QStringList withMessageId(const QString &messageId);
    /// One field ("text", "hdr", "hdr.subject"…) of the messages of @p folder matching @p query,
    /// as doveadm prints it, without its leading "field:" line.
    [[nodiscard]] QByteArray fetch(const QString &field, const QString &folder,
                                   const QStringList &query) const;

    /// A small valid message with a unique Message-ID.
    [[nodiscard]] static QByteArray
    message(const QString &subject, const QString &body = {},
            const QString &from = QStringLiteral("Élodie Lefèvre <elodie.lefevre@ac-amiens.fr>"));

private:
    bool doveadm(const QStringList &arguments, const QByteArray &input = {},
                 QByteArray *output = nullptr) const;

    QString m_user;
};

} // namespace Amiens::Test
