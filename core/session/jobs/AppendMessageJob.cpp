#include "AppendMessageJob.h"

#include "FindMessageJob.h"
#include "cache/MailCache.h"
#include "imap/ImapCommandChannel.h"
#include "imap/ImapConnection.h"
#include "util/Logging.h"

#include <memory>
#include <vmime/exception.hpp>
#include <vmime/net/imap/IMAPCommand.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Parser = vmime::net::imap::IMAPParser;
constexpr qsizetype kBlock = 64 * 1024;

} // namespace

AppendMessageJob::AppendMessageJob(QString folderPath, QByteArray bytes, QString messageId, QStringList flags)
    : m_folderPath(std::move(folderPath))
    , m_bytes(std::move(bytes))
    , m_messageId(std::move(messageId))
    , m_flags(std::move(flags))
{
}

QString AppendMessageJob::name() const
{
    return u"APPEND"_s;
}

void AppendMessageJob::run(ImapConnection &connection, MailCache &cache)
{
    if (m_folderPath.isEmpty())
        m_folderPath = FindMessageJob::sentFolder(connection, cache);
    ImapCommandChannel channel(connection);
    if (!m_messageId.isEmpty()) {
        channel.examine(m_folderPath);
        const QList<quint32> found = FindMessageJob::search(channel, m_messageId);
        if (!found.isEmpty()) {
            m_uid = found.last();
            m_alreadyPresent = true;
            return;
        }
    }

    auto imap = connection.store()->getConnection();
    std::string command = "APPEND " + channel.mailboxArgument(m_folderPath);
    if (!m_flags.isEmpty())
        command += " (" + m_flags.join(u' ').toStdString() + ")";
    command += " {" + std::to_string(m_bytes.size()) + "}";
    imap->sendCommand(vmime::net::imap::IMAPCommand::createCommand(command));
    {
        // The reply stops at the "+" continuation, or is the tagged NO/BAD.
        const std::unique_ptr<Parser::response> ready(imap->readResponse());
        bool proceed = false;
        for (const auto *item : ready->continue_req_or_response_data())
            proceed = proceed || item->continue_req() != nullptr;
        if (!proceed)
            throw vmime::exceptions::command_error("APPEND", ready->getErrorLog(), "no continuation");
    }
    // Our socket coalesces writes anyway; 64 KiB blocks keep the TLS records large.
    for (qsizetype offset = 0; offset < m_bytes.size(); offset += kBlock) {
        const qsizetype length = std::min(kBlock, m_bytes.size() - offset);
        imap->sendRaw(reinterpret_cast<const vmime::byte_t *>(m_bytes.constData() + offset),
                      static_cast<size_t>(length));
    }
    imap->sendRaw(reinterpret_cast<const vmime::byte_t *>("\r\n"), 2);
    const std::unique_ptr<Parser::response> done(imap->readResponse());
    const auto *tagged = done->response_done() ? done->response_done()->response_tagged() : nullptr;
    if (done->isBad() || !tagged || tagged->resp_cond_state()->status() != Parser::resp_cond_state::OK)
        throw vmime::exceptions::command_error("APPEND", done->getErrorLog(), "refused");
    const auto *code = tagged->resp_cond_state()->resp_text()->resp_text_code();
    if (code && code->type() == Parser::resp_text_code::APPENDUID && code->uid_set()) {
        const auto *set = code->uid_set();
        if (set->uniqueid())
            m_uid = static_cast<quint32>(set->uniqueid()->value());
        else if (set->uid_range() && set->uid_range()->uniqueid1())
            m_uid = static_cast<quint32>(set->uid_range()->uniqueid1()->value());
    }
    qCInfo(lcImap).noquote() << "appended" << m_bytes.size() << "bytes to" << m_folderPath << "uid" << m_uid;

    // The cache gets the copy at once, so Sent shows it before the next sync; the folder's
    // sync state is left alone, so the next sync still checks everything from its UIDNEXT.
    if (m_uid == 0 || !cache.isOpen())
        return;
    const auto folder = cache.folder(m_folderPath);
    if (!folder)
        return;
    const qsizetype headerEnd = m_bytes.indexOf("\r\n\r\n");
    FetchedMessage message;
    message.uid = m_uid;
    message.flags = m_flags;
    message.size = m_bytes.size();
    message.rawHeader = headerEnd < 0 ? m_bytes : m_bytes.left(headerEnd + 4);
    // A cache that cannot be written must not turn a successful APPEND into a failure
    // (the outbox would append again): the next sync brings the message anyway.
    if (!cache.storeHeaders(folder->id, {message}) || !cache.storeBody(folder->id, m_uid, m_bytes))
        qCWarning(lcCache).noquote() << "sent copy not cached:" << cache.lastError();
}

} // namespace Amiens
