#include "ReadReceiptHandler.h"

#include "ReadReceiptQueue.h"
#include "ReadReceiptReport.h"
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "cache/MailCache.h"
#include "session/AccountSession.h"
#include "settings/ReadReceiptPolicy.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Amiens {

ReadReceiptHandler::ReadReceiptHandler(MailCache &cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
{
}

void ReadReceiptHandler::setSession(AccountSession *session)
{
    m_session = session;
}

void ReadReceiptHandler::setProfileDirectory(const QString &directory)
{
    m_profileDirectory = directory;
}

QString ReadReceiptHandler::status(const CachedMessage &message, const QByteArray &raw, bool ownFolder) const
{
    const QLocale locale;
    if (const auto report = ReadReceiptReport::parse(raw)) {
        const QString reader = report->finalRecipient.isEmpty() ? message.headers.from.toDisplayString()
                                                                : report->finalRecipient;
        const QString when = locale.toString(message.headers.date.toLocalTime(), QLocale::ShortFormat);
        const QList<CachedMessage> originals =
            m_cache.messageStore().messagesWithMessageId(report->originalMessageId);
        if (originals.isEmpty())
            return tr("Read receipt: a message that is not on this computer was read by %1 on %2.")
                .arg(reader, when);
        return tr("Read receipt: \"%1\" was read by %2 on %3.")
            .arg(originals.first().headers.subject, reader, when);
    }
    // Our own sent mail: the receipts that answer it (received receipts cite it in References).
    if (!ownFolder || message.headers.messageId.isEmpty())
        return {};
    QStringList readers;
    for (const CachedMessage &answer : m_cache.messageStore().answersTo(message.headers.messageId, 50)) {
        const auto body = m_cache.messageStore().body(answer.folderId, answer.uid);
        const auto report = body ? ReadReceiptReport::parse(*body) : std::nullopt;
        if (report && report->originalMessageId == message.headers.messageId) {
            readers.append(
                tr("%1 on %2")
                    .arg(report->finalRecipient.isEmpty() ? answer.headers.from.address
                                                          : report->finalRecipient,
                         locale.toString(answer.headers.date.toLocalTime(), QLocale::ShortFormat)));
        }
    }
    return readers.isEmpty() ? QString() : tr("Read by %1.").arg(readers.join(u", "_s));
}

void ReadReceiptHandler::consider(const CachedMessage &message, const QByteArray &raw, bool ownFolder)
{
    m_request.reset();
    if (!m_session || m_profileDirectory.isEmpty() || m_answered.contains(message.rowId))
        return;
    const ReadReceiptPolicy policy =
        ReadReceiptPolicy::load(Profile(m_profileDirectory), m_session->account().id);
    const auto decision = ReadReceiptQueue::decide(policy, m_session->account(), message, raw, ownFolder);
    if (decision.action == ReadReceiptRules::Action::Ignore)
        return;
    m_request = std::make_pair(message, raw);
    if (decision.action == ReadReceiptRules::Action::Ask)
        Q_EMIT answerNeeded();
    else
        respond(true, true);
}

void ReadReceiptHandler::answer(bool send)
{
    respond(send, false);
}

void ReadReceiptHandler::respond(bool send, bool automatic)
{
    if (!m_request || !m_session)
        return;
    const auto [message, raw] = *std::exchange(m_request, std::nullopt);
    const Account &account = m_session->account();
    if (send) {
        QString error;
        const QString outbox = AccountPaths(m_profileDirectory, account.id).outboxDirectory();
        if (!ReadReceiptQueue::queue(
                account, outbox, message, raw,
                automatic ? ReadReceiptBuilder::Mode::Automatic : ReadReceiptBuilder::Mode::Manual, &error)) {
            Q_EMIT failed(error);
            return;
        }
        if (automatic)
            Q_EMIT sentAutomatically();
    }
    // $MDNSent also when the user declines (RFC 3503): never asked twice, here or in another client.
    m_answered.insert(message.rowId);
    const auto folder = m_cache.folderStore().folderById(message.folderId);
    m_session->changeFlags(folder ? folder->info.path() : QString(), {message.uid}, {u"$MDNSent"_s}, {},
                           [self = QPointer(this)](const QString &error) {
                               if (self)
                                   Q_EMIT self->localChangeFinished(error);
                           });
    if (send)
        Q_EMIT queued(ReadReceiptBuilder::messageIdFor(message.headers.messageId, account.address));
}

} // namespace Amiens
