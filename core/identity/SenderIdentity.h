#pragma once

#include "account/Account.h"
#include "mime/MessageHeaders.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Amiens {

/// Who a message goes out as: one of an account's addresses (its own or an alias) with the
/// account's name. The composer's « De » lists all() of them; a reply starts from forReply(), so
/// that mail sent to the school's functional mailbox is answered from it and never reveals the
/// personal address of whoever answers.
class SenderIdentity
{
public:
    SenderIdentity() = default;
    SenderIdentity(QString accountId, MailAddress from);

    [[nodiscard]] const QString &accountId() const { return m_accountId; }
    [[nodiscard]] const MailAddress &from() const { return m_from; }
    [[nodiscard]] bool isValid() const { return !m_accountId.isEmpty() && !m_from.address.isEmpty(); }

    /// Every identity of @p accounts, in their order: each account's address, then its aliases.
    [[nodiscard]] static QList<SenderIdentity> all(const QList<Account> &accounts);

    /// The identity to answer a message of @p receiving with: the first of the account's
    /// addresses found in To, then Cc, then @p deliveredTo (where the server says it delivered
    /// it: mail reaching an alias through a list or a Bcc); else the account's own address. Never
    /// an address of another account, whatever the message says.
    [[nodiscard]] static SenderIdentity forReply(const Account &receiving, const MessageHeaders &original,
                                                 const QStringList &deliveredTo = {});

    /// The addresses of the X-Original-To fields of @p raw (the address the sender used, an alias),
    /// then of its Delivered-To fields (the mailbox), each once. Only the header is read, at most
    /// 256 KiB of it.
    [[nodiscard]] static QStringList deliveredTo(const QByteArray &raw);

    friend bool operator==(const SenderIdentity &, const SenderIdentity &) = default;

private:
    QString m_accountId;
    MailAddress m_from;
};

} // namespace Amiens
