#include "ImapCommandChannel.h"

#include "FolderList.h"
#include "ImapAclParser.h"
#include "ImapConnection.h"
#include "ImapFetchParser.h"
#include "ImapListStatusParser.h"
#include "ImapPendingFetch.h"
#include "ImapSearchParser.h"
#include "ImapSelectParser.h"
#include "util/Logging.h"

#include <algorithm>
#include <exception>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vmime/exception.hpp>
#include <vmime/net/imap/IMAPCommand.hpp>
#include <vmime/net/imap/IMAPTag.hpp>
#include <vmime/net/imap/IMAPUtils.hpp>
#include <vmime/net/socket.hpp>
#include <vmime/net/timeoutHandler.hpp>
#include <vmime/net/tracer.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Parser = vmime::net::imap::IMAPParser;

template <typename Visitor>
void forEachResponseData(const Parser::response &response, Visitor &&visit)
{
    for (const auto *item : response.continue_req_or_response_data()) {
        if (item->response_data())
            visit(*item->response_data());
    }
}

} // namespace

ImapCommandChannel::ImapCommandChannel(ImapConnection &connection)
    : m_connection(connection.store()->getConnection())
    , m_capabilities(connection.capabilities())
{
}

ImapCommandChannel::Response ImapCommandChannel::execute(const std::string &command)
{
    send(command);
    Response response = readReply(command);
    // Remembered on the connection (which outlives this channel): listStatus() must know.
    if (command.rfind("SELECT ", 0) == 0 || command.rfind("EXAMINE ", 0) == 0)
        m_connection->setState(vmime::net::imap::IMAPConnection::STATE_SELECTED);
    return response;
}

void ImapCommandChannel::readOldestPending()
{
    if (m_inFlight.oldest().kind != ImapCommandsInFlight::Kind::Fetch) {
        const ImapCommandsInFlight::Command command = m_inFlight.takeOldest();
        RawReply reply;
        if (command.completion) {
            // Answered while an earlier command's reply was read: nothing more to read.
            const auto [status, text] = ImapResponse::taggedStatus(*command.completion, command.tag);
            if (status != "OK")
                reply.refusal = text.empty() ? command.completion->toStdString() : text;
        } else {
            reply = readRawReplyKeepingRefusal(command.tag, command.verb);
        }
        m_inFlight.keepReply(command, std::move(reply));
        return;
    }
    // A FETCH nobody reads any more (the caller stopped between the two steps): read to keep the
    // connection in step; its outcome no longer matters.
    try {
        readFetchReply({});
    } catch (const vmime::exceptions::command_error &) {
    }
}

void ImapCommandChannel::settlePending()
{
    while (!m_inFlight.isEmpty())
        readOldestPending();
    if (m_rawLines.pending() > 0) {
        // Bytes a raw read took past its reply: nothing follows a tagged reply but unsolicited
        // data, which the next reply would carry anyway; VMime's parser must start clean.
        m_rawLines = ImapLineAssembler();
    }
}

void ImapCommandChannel::send(const std::string &command)
{
    settlePending();
    m_connection->sendCommand(vmime::net::imap::IMAPCommand::createCommand(command));
}

std::string ImapCommandChannel::serverText(const Parser::response &response)
{
    // "a7 NO [OVERQUOTA] Quota exceeded": what the server says, for the user and the logs.
    const auto *done = response.response_done();
    const auto *tagged = done ? done->response_tagged() : nullptr;
    if (!tagged || !tagged->resp_cond_state() || !tagged->resp_cond_state()->resp_text())
        return response.getErrorLog();
    const auto *text = tagged->resp_cond_state()->resp_text();
    // VMime keeps the response code apart; callers need it ([OVERQUOTA], [TRYCREATE]) to tell a
    // full mailbox from a missing folder.
    std::string code;
    if (const auto *responseCode = text->resp_text_code()) {
        if (responseCode->type() == Parser::resp_text_code::TRYCREATE)
            code = "[TRYCREATE] ";
        else if (responseCode->type() == Parser::resp_text_code::OTHER && responseCode->atom())
            code = "[" + responseCode->atom()->value() + "] ";
    }
    return code + text->text();
}

ImapCommandChannel::Response ImapCommandChannel::readReply(const std::string &command)
{
    Response response(m_connection->readResponse());
    const auto *done = response->response_done();
    if (response->isBad() || !done || !done->response_tagged() ||
        done->response_tagged()->resp_cond_state()->status() != Parser::resp_cond_state::OK) {
        throw vmime::exceptions::command_error(command.substr(0, command.find(' ')), serverText(*response));
    }
    return response;
}

bool ImapCommandChannel::hasCapability(const std::string &capability) const
{
    if (m_capabilities.empty())
        return m_connection->hasCapability(capability);
    const QByteArray wanted = QByteArray::fromStdString(capability).toUpper();
    return std::any_of(m_capabilities.cbegin(), m_capabilities.cend(),
                       [&](const std::string &known) { return QByteArrayView(known) == wanted; });
}

std::string ImapCommandChannel::mailboxArgument(const QString &path) const
{
    const char separator = m_connection->hierarchySeparator() ? m_connection->hierarchySeparator() : '/';
    vmime::net::folder::path folderPath;
    for (const QString &part : path.split(QChar::fromLatin1(separator)))
        folderPath /= vmime::net::folder::path::component(part.toStdString(), vmime::charsets::UTF_8);
    return vmime::net::imap::IMAPUtils::quoteString(
        vmime::net::imap::IMAPUtils::pathToString(separator, folderPath));
}

std::string ImapCommandChannel::examineCommand(const QString &path) const
{
    std::string command = "EXAMINE " + mailboxArgument(path);
    if (hasCapability("CONDSTORE"))
        command += " (CONDSTORE)";
    return command;
}

ImapCommandChannel::MailboxState ImapCommandChannel::examine(const QString &path, const FetchRequest &fetch)
{
    settlePending();
    sendExamine(path, fetch);
    return readExamined();
}

void ImapCommandChannel::sendKept(const std::string &command, const std::string &verb,
                                  ImapCommandsInFlight::Kind kind)
{
    // Behind whatever is in flight: no reply is read first.
    m_connection->sendCommand(vmime::net::imap::IMAPCommand::createCommand(command));
    m_inFlight.addKept(static_cast<std::string>(*m_connection->getTag()), verb, kind);
}

std::optional<ImapCommandChannel::RawReply> ImapCommandChannel::takeKeptReply(ImapCommandsInFlight::Kind kind)
{
    // The replies before it are read first: a FETCH's dropped, as any other command would.
    while (m_inFlight.contains(kind))
        readOldestPending();
    return m_inFlight.takeReply(kind);
}

void ImapCommandChannel::sendExamine(const QString &path, const FetchRequest &fetch)
{
    sendKept(examineCommand(path), "EXAMINE", ImapCommandsInFlight::Kind::Examine);
    sendFetch(fetch.uidSet, fetch.attributes); // leaves with the EXAMINE
}

ImapCommandChannel::MailboxState ImapCommandChannel::readExamined()
{
    const std::optional<RawReply> kept = takeKeptReply(ImapCommandsInFlight::Kind::Examine);
    if (!kept)
        throw std::logic_error("readExamined() without an EXAMINE sent");
    const RawReply &reply = *kept;
    if (reply.refusal)
        throw vmime::exceptions::command_error("EXAMINE", *reply.refusal);
    m_connection->setState(vmime::net::imap::IMAPConnection::STATE_SELECTED);
    QString error;
    const std::optional<MailboxState> state = ImapSelectParser::parse(reply.untagged, &error);
    if (!state)
        throw vmime::exceptions::invalid_response("EXAMINE", error.toStdString());
    return *state;
}

ImapCommandChannel::MailboxState ImapCommandChannel::examine(const QString &path)
{
    const Response response = execute(examineCommand(path));
    MailboxState state;
    const auto readCode = [&state](const Parser::resp_text_code *code) {
        if (!code)
            return;
        switch (code->type()) {
        case Parser::resp_text_code::UIDVALIDITY:
            state.uidValidity = static_cast<quint32>(code->nz_number()->value());
            break;
        case Parser::resp_text_code::UIDNEXT:
            state.uidNext = static_cast<quint32>(code->nz_number()->value());
            break;
        case Parser::resp_text_code::HIGHESTMODSEQ:
            state.highestModSeq = code->mod_sequence_value()->value();
            break;
        default:
            break;
        }
    };
    forEachResponseData(*response, [&](const Parser::response_data &data) {
        if (data.resp_cond_state())
            readCode(data.resp_cond_state()->resp_text()->resp_text_code());
        if (data.mailbox_data() && data.mailbox_data()->type() == Parser::mailbox_data::EXISTS)
            state.exists = static_cast<quint32>(data.mailbox_data()->number()->value());
    });
    return state;
}

std::optional<ImapCommandChannel::MailboxListing>
ImapCommandChannel::listMailboxes(bool askNamespaces, const QString &examineFirst,
                                  const std::optional<FetchRequest> &fetchAfterExamine)
{
    if (!hasCapability("LIST-STATUS") || !hasCapability("CONDSTORE"))
        return std::nullopt;
    QList<std::string> commands;
    const bool selected = m_connection->state() == vmime::net::imap::IMAPConnection::STATE_SELECTED;
    const bool unselect = selected && examineFirst.isEmpty();
    if (unselect) {
        if (!hasCapability("UNSELECT"))
            return std::nullopt;
        commands.append("UNSELECT");
    }
    const bool namespaces = askNamespaces && (hasCapability("NAMESPACE") || hasCapability("IMAP4REV2"));
    if (namespaces)
        commands.append("NAMESPACE");
    if (!examineFirst.isEmpty())
        commands.append("EXAMINE " + mailboxArgument(examineFirst) + " (CONDSTORE)");
    // RETURN (SPECIAL-USE) is only valid where the server announced it (RFC 6154 §2); CHILDREN
    // comes with LIST-EXTENDED, which LIST-STATUS requires (RFC 5819 §1).
    commands.append(std::string(R"(LIST "" "*" RETURN ()") +
                    (hasCapability("SPECIAL-USE") ? "SPECIAL-USE " : "") +
                    "CHILDREN STATUS (MESSAGES UIDNEXT UIDVALIDITY HIGHESTMODSEQ))");
    QList<RawReply> replies;
    if (fetchAfterExamine && !examineFirst.isEmpty()) {
        // The FETCH right behind the EXAMINE, in the same write; the replies before and after it
        // are read here (its responses routed to it, its tagged reply kept), its own later.
        settlePending();
        QList<std::string> tags;
        {
            const SendTogether together(*this);
            for (const std::string &command : std::as_const(commands)) {
                m_connection->sendCommand(vmime::net::imap::IMAPCommand::createCommand(command));
                tags.append(static_cast<std::string>(*m_connection->getTag()));
                if (command.starts_with("EXAMINE "))
                    sendFetch(fetchAfterExamine->uidSet, fetchAfterExamine->attributes);
            }
        }
        replies = readRawReplies(commands, tags);
    } else {
        replies = executeRawPipelined(commands);
    }
    qsizetype next = 0;
    if (unselect) {
        const RawReply &reply = replies.at(next++);
        if (reply.refusal)
            throw vmime::exceptions::command_error("UNSELECT", *reply.refusal);
        m_connection->setState(vmime::net::imap::IMAPConnection::STATE_AUTHENTICATED);
    }
    MailboxListing listing;
    if (namespaces) {
        const RawReply &reply = replies.at(next++);
        QString error;
        if (!reply.refusal)
            listing.namespaces = ImapNamespaceParser::parse(reply.untagged, &error);
        if (!listing.namespaces) // asked again on its own by the caller, which reports it
            qCWarning(lcImap).noquote() << "NAMESPACE along the LIST:"
                                        << (reply.refusal ? QString::fromStdString(*reply.refusal) : error);
    }
    if (!examineFirst.isEmpty()) {
        // A refused EXAMINE leaves no mailbox selected (RFC 3501 §6.3.1); the caller examines the
        // folder on its own, which reports the refusal.
        const RawReply &reply = replies.at(next++);
        QString error;
        if (!reply.refusal)
            listing.examined = ImapSelectParser::parse(reply.untagged, &error);
        m_connection->setState(reply.refusal ? vmime::net::imap::IMAPConnection::STATE_AUTHENTICATED
                                             : vmime::net::imap::IMAPConnection::STATE_SELECTED);
        if (!listing.examined)
            qCWarning(lcImap).noquote() << "EXAMINE along the LIST:"
                                        << (reply.refusal ? QString::fromStdString(*reply.refusal) : error);
    }
    const RawReply &list = replies.at(next);
    if (list.refusal)
        throw vmime::exceptions::command_error("LIST", *list.refusal);
    QString error;
    const char separator = m_connection->hierarchySeparator() ? m_connection->hierarchySeparator() : '/';
    auto folders = FolderList::fromListResponses(list.untagged, QChar::fromLatin1(separator),
                                                 hasCapability("CHILDREN"), &error);
    if (!folders)
        throw vmime::exceptions::invalid_response("LIST", error.toStdString());
    listing.folders = std::move(*folders);
    const auto statuses = ImapListStatusParser::parse(list.untagged, &error);
    if (!statuses)
        throw vmime::exceptions::invalid_response("LIST", error.toStdString());
    for (const ImapListStatusParser::Status &status : *statuses)
        listing.states.insert(status.mailbox,
                              {status.uidValidity, status.uidNext, status.highestModSeq, status.messages});
    return listing;
}

QList<quint32> ImapCommandChannel::searchUids(const std::string &range)
{
    sendUidSearch(range);
    return readUidSearch();
}

void ImapCommandChannel::sendUidSearch(const std::string &range)
{
    const std::string command =
        hasCapability("ESEARCH") ? "UID SEARCH RETURN (ALL) UID " + range : "UID SEARCH UID " + range;
    sendKept(command, "SEARCH", ImapCommandsInFlight::Kind::Search);
    pushSentCommands();
}

QList<quint32> ImapCommandChannel::readUidSearch()
{
    const std::optional<RawReply> kept = takeKeptReply(ImapCommandsInFlight::Kind::Search);
    if (!kept)
        throw std::logic_error("readUidSearch() without a UID SEARCH sent");
    if (kept->refusal)
        throw vmime::exceptions::command_error("SEARCH", *kept->refusal);
    QString error;
    const std::optional<QList<quint32>> uids =
        ImapSearchParser::parse(kept->untagged, QByteArray::fromStdString(m_inFlight.searchTag()), &error);
    if (!uids)
        throw vmime::exceptions::invalid_response("SEARCH", error.toStdString());
    return *uids;
}

QList<quint32> ImapCommandChannel::searchMatching(const std::string &criteria)
{
    const Response response = execute("UID SEARCH " + criteria);
    QList<quint32> uids;
    forEachResponseData(*response, [&](const Parser::response_data &data) {
        if (data.mailbox_data() && data.mailbox_data()->type() == Parser::mailbox_data::SEARCH) {
            for (const auto *number : data.mailbox_data()->search_nz_number_list())
                uids.append(static_cast<quint32>(number->value()));
        }
    });
    std::sort(uids.begin(), uids.end());
    return uids;
}

void ImapCommandChannel::fetch(const std::string &uidSet, const std::string &attributes,
                               const std::function<void(FetchedMessage &&, QByteArray &&)> &onMessage)
{
    sendFetch(uidSet, attributes);
    readFetch(onMessage);
}

void ImapCommandChannel::sendFetch(const std::string &uidSet, const std::string &attributes)
{
    // Nothing is read first: the commands before it may still be in flight (a pipelined batch).
    m_connection->sendCommand(
        vmime::net::imap::IMAPCommand::createCommand("UID FETCH " + uidSet + " " + attributes));
    m_inFlight.addFetch(static_cast<std::string>(*m_connection->getTag()), uidSet, attributes);
    pushSentCommands();
}

ImapCommandChannel::SendTogether::SendTogether(ImapCommandChannel &channel)
    : m_channel(channel)
    , m_exceptions(std::uncaught_exceptions())
{
    ++m_channel.m_sendsHeld;
}

ImapCommandChannel::SendTogether::~SendTogether()
{
    if (--m_channel.m_sendsHeld > 0 || std::uncaught_exceptions() > m_exceptions)
        return;
    try {
        m_channel.pushSentCommands();
    } catch (...) {
        // The next read fails the same way and reports it.
    }
}

void ImapCommandChannel::pushSentCommands()
{
    if (m_sendsHeld > 0)
        return;
    // The socket keeps what is written until the next read (QtSslSocket: one TLS record for a
    // pipelined batch); a command whose reply is read later must leave now, or the server would
    // only start on it then.
    if (const auto socket = vmime::constCast<vmime::net::socket>(m_connection->getSocket()))
        socket->waitForWrite();
}

void ImapCommandChannel::readFetch(const MessageHandler &onMessage)
{
    // Replies come in the order the commands went: a GETQUOTAROOT sent before is read and kept.
    while (!m_inFlight.isEmpty() && m_inFlight.oldest().kind != ImapCommandsInFlight::Kind::Fetch)
        readOldestPending();
    if (m_inFlight.isEmpty())
        throw std::logic_error("readFetch() without a FETCH sent");
    // With batches in flight the reply is often whole in the buffer and no read waits, which is
    // where the timeout handler sees a cancellation: a cancelled sync stops here, between batches.
    const auto socket = vmime::constCast<vmime::net::socket>(m_connection->getSocket());
    if (const auto timeouts = socket ? socket->getTimeoutHandler() : nullptr;
        timeouts && timeouts->isTimeOut() && !timeouts->handleTimeOut())
        throw vmime::exceptions::operation_timed_out();
    readFetchReply(onMessage);
}

void ImapCommandChannel::readFetchReply(const MessageHandler &onMessage)
{
    const auto deliverKept = [&] {
        ImapPendingFetch &current = *m_inFlight.oldest().fetch;
        for (ImapFetchParser::Fetched &fetched : current.takeKept()) {
            if (onMessage && !current.malformed())
                onMessage(std::move(fetched.message), std::move(fetched.body));
        }
    };
    const auto finish = [&](const QByteArray &taggedLine) {
        const auto [status, text] = ImapResponse::taggedStatus(taggedLine, m_inFlight.oldest().tag);
        const ImapCommandsInFlight::Command done = m_inFlight.takeOldest();
        if (status != "OK")
            throw vmime::exceptions::command_error(done.verb, text.empty() ? taggedLine.toStdString() : text);
        if (done.fetch->malformed())
            throw vmime::exceptions::invalid_response(done.verb, done.fetch->malformed()->toStdString());
    };
    deliverKept();
    if (const std::optional<QByteArray> completed = m_inFlight.oldest().completion)
        return finish(*completed); // its tagged reply came while an earlier command's was read
    for (;;) {
        ImapResponse response = *readRawResponse(std::nullopt);
        if (ImapResponse::isTagged(response.text, m_inFlight.oldest().tag))
            return finish(response.text);
        if (ImapFetchParser::isFetch(response.text)) {
            // After a malformed response the rest is still read up to the tagged reply, so the
            // connection stays in step for the next folder.
            m_inFlight.routeFetch(std::move(response));
            deliverKept();
            continue;
        }
        if (response.text.left(5).toUpper() == "* BYE")
            throw vmime::exceptions::socket_exception("connection lost: the server said " +
                                                      response.text.left(200).toStdString());
        if (m_inFlight.keepLine(response.text, m_inFlight.oldest().tag))
            continue;
        if (!response.text.startsWith("* "))
            m_inFlight.oldest().fetch->setMalformed(u"unexpected line: "_s +
                                                    QString::fromLatin1(response.text.left(200)));
        // "* 12 EXPUNGE", "* 40 EXISTS", "* OK …": news for the next sync, not for this reply.
    }
}

quint32 ImapCommandChannel::append(const QString &path, const QByteArray &message, const QStringList &flags)
{
    settlePending();
    constexpr qsizetype kBlock = 64 * 1024;
    quint32 uid = 0;
    std::string command = "APPEND " + mailboxArgument(path);
    if (!flags.isEmpty())
        command += " (" + flags.join(u' ').toStdString() + ")";
    command += " {" + std::to_string(message.size()) + "}";
    m_connection->sendCommand(vmime::net::imap::IMAPCommand::createCommand(command));
    {
        // The reply stops at the "+" continuation, or is the tagged NO/BAD.
        const std::unique_ptr<Parser::response> ready(m_connection->readResponse());
        bool proceed = false;
        for (const auto *item : ready->continue_req_or_response_data())
            proceed = proceed || item->continue_req() != nullptr;
        if (!proceed)
            throw vmime::exceptions::command_error("APPEND", serverText(*ready), "no continuation");
    }
    // Our socket coalesces writes anyway; 64 KiB blocks keep the TLS records large.
    for (qsizetype offset = 0; offset < message.size(); offset += kBlock) {
        const qsizetype length = std::min(kBlock, message.size() - offset);
        m_connection->sendRaw(reinterpret_cast<const vmime::byte_t *>(message.constData() + offset),
                              static_cast<size_t>(length));
    }
    m_connection->sendRaw(reinterpret_cast<const vmime::byte_t *>("\r\n"), 2);
    const std::unique_ptr<Parser::response> done(m_connection->readResponse());
    const auto *tagged = done->response_done() ? done->response_done()->response_tagged() : nullptr;
    if (done->isBad() || !tagged || tagged->resp_cond_state()->status() != Parser::resp_cond_state::OK)
        throw vmime::exceptions::command_error("APPEND", serverText(*done), "refused");
    const auto *code = tagged->resp_cond_state()->resp_text()->resp_text_code();
    if (code && code->type() == Parser::resp_text_code::APPENDUID && code->uid_set()) {
        const auto *set = code->uid_set();
        if (set->uniqueid())
            uid = static_cast<quint32>(set->uniqueid()->value());
        else if (set->uid_range() && set->uid_range()->uniqueid1())
            uid = static_cast<quint32>(set->uid_range()->uniqueid1()->value());
    }
    return uid;
}

std::string ImapCommandChannel::sendTagged(const std::string &command)
{
    settlePending();
    m_connection->sendCommand(vmime::net::imap::IMAPCommand::createCommand(command));
    return static_cast<std::string>(*m_connection->getTag());
}

std::optional<QByteArray>
ImapCommandChannel::readRawLine(std::optional<std::chrono::steady_clock::time_point> deadline)
{
    std::optional<ImapResponse> response = readRawResponse(deadline);
    if (!response)
        return std::nullopt;
    return response->inlined();
}

std::optional<ImapResponse>
ImapCommandChannel::readRawResponse(std::optional<std::chrono::steady_clock::time_point> deadline)
{
    using Clock = std::chrono::steady_clock;
    const auto socket = vmime::constCast<vmime::net::socket>(m_connection->getSocket());
    if (!socket)
        throw vmime::exceptions::socket_not_connected_exception();
    const auto timeouts = socket->getTimeoutHandler();
    if (!deadline && timeouts)
        timeouts->resetTimeOut(); // a blocking read gets the whole inactivity limit, as VMime's
    for (;;) {
        if (auto response = m_rawLines.takeResponse()) {
            if (const auto tracer = m_connection->getTracer())
                tracer->traceReceive(response->text.left(300).toStdString());
            return response;
        }
        if (deadline) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now());
            if (left.count() <= 0)
                return std::nullopt;
            // Waits in slices and checks the timeout handler: cancellation throws from there.
            if (!socket->waitForRead(static_cast<int>(std::min<qint64>(left.count(), 1000))))
                continue;
        }
        // A closed connection throws socket_exception here. A literal's bytes (a body) are
        // received straight into its array, in reads no larger than the buffer's: reads of a
        // whole body at once made a resync over a slow link 2–4 round trips longer (bench/run,
        // rural link, 5 new messages: 12.1 round trips before, 14.5–16.3 with them, 12.1–13.3 now).
        size_t size = 0;
        if (const std::span<char> room = m_rawLines.literalRoom(); !room.empty()) {
            try {
                size = socket->receiveRaw(reinterpret_cast<vmime::byte_t *>(room.data()),
                                          std::min(room.size(), m_receiveBuffer.size()));
            } catch (...) {
                m_rawLines.literalReceived(0);
                throw;
            }
            m_rawLines.literalReceived(static_cast<qsizetype>(size));
        } else {
            size = socket->receiveRaw(m_receiveBuffer.data(), m_receiveBuffer.size());
            if (size > 0 && !m_rawLines.append(reinterpret_cast<const char *>(m_receiveBuffer.data()),
                                               static_cast<qsizetype>(size)))
                throw vmime::exceptions::invalid_response("", m_rawLines.error().toStdString());
        }
        if (size == 0 && timeouts && timeouts->isTimeOut() && !timeouts->handleTimeOut())
            throw vmime::exceptions::operation_timed_out();
    }
}

QList<QByteArray> ImapCommandChannel::readRawReply(const std::string &tag, const std::string &verb)
{
    QList<QByteArray> untagged;
    qint64 total = 0;
    for (;;) {
        ImapResponse response = *readRawResponse(std::nullopt);
        // A FETCH in flight may answer while this reply is awaited (RFC 3501 §5.5).
        if (ImapFetchParser::isFetch(response.text) && m_inFlight.routeFetch(std::move(response)))
            continue;
        QByteArray line = response.inlined();
        if (m_inFlight.keepLine(line, tag))
            continue;
        if (ImapResponse::isTagged(line, tag)) {
            const auto [status, text] = ImapResponse::taggedStatus(line, tag);
            if (status != "OK")
                throw vmime::exceptions::command_error(verb, text.empty() ? line.toStdString() : text);
            return untagged;
        }
        if (!line.startsWith("* "))
            throw vmime::exceptions::invalid_response(verb,
                                                      "unexpected line: " + line.left(200).toStdString());
        total += line.size();
        if (total > kMaxRawReplyBytes)
            throw vmime::exceptions::invalid_response(verb, "a reply of more than " +
                                                                std::to_string(kMaxRawReplyBytes) + " bytes");
        untagged.append(std::move(line));
    }
}

QList<QByteArray> ImapCommandChannel::executeRaw(const std::string &command)
{
    const std::string tag = sendTagged(command);
    return readRawReply(tag, command.substr(0, command.find(' ')));
}

ImapCommandChannel::RawReply ImapCommandChannel::readRawReplyKeepingRefusal(const std::string &tag,
                                                                            const std::string &verb)
{
    RawReply reply;
    try {
        reply.untagged = readRawReply(tag, verb);
    } catch (const vmime::exceptions::command_error &refused) {
        // readRawReply() stops at the tagged NO or BAD: the stream is still in step.
        reply.refusal = refused.response();
    }
    return reply;
}

QList<ImapCommandChannel::RawReply>
ImapCommandChannel::executeRawPipelined(const QList<std::string> &commands)
{
    // The socket sends what was written when the first read starts (QtSslSocket::flushWrites):
    // the commands leave together.
    QList<std::string> tags;
    for (const std::string &command : commands)
        tags.append(sendTagged(command));
    return readRawReplies(commands, tags);
}

QList<ImapCommandChannel::RawReply> ImapCommandChannel::readRawReplies(const QList<std::string> &commands,
                                                                       const QList<std::string> &tags)
{
    QList<RawReply> replies;
    for (qsizetype i = 0; i < commands.size(); ++i)
        replies.append(
            readRawReplyKeepingRefusal(tags.at(i), commands.at(i).substr(0, commands.at(i).find(' '))));
    return replies;
}

std::optional<ImapNamespaceParser::Namespaces> ImapCommandChannel::namespaces()
{
    if (!hasCapability("NAMESPACE") && !hasCapability("IMAP4REV2"))
        return std::nullopt;
    QString error;
    auto result = ImapNamespaceParser::parse(executeRaw("NAMESPACE"), &error);
    if (!result)
        throw vmime::exceptions::invalid_response("NAMESPACE", error.toStdString());
    return result;
}

std::optional<ImapRights> ImapCommandChannel::myRights(const QString &path)
{
    if (!hasCapability("ACL"))
        return std::nullopt;
    QString error;
    const auto result = ImapAclParser::parseMyRights(executeRaw("MYRIGHTS " + mailboxArgument(path)), &error);
    if (!result)
        throw vmime::exceptions::invalid_response("MYRIGHTS", error.toStdString());
    return result->rights;
}

std::optional<QList<std::optional<ImapRights>>> ImapCommandChannel::myRights(const QStringList &paths)
{
    if (!hasCapability("ACL"))
        return std::nullopt;
    QList<std::string> commands;
    for (const QString &path : paths)
        commands.append("MYRIGHTS " + mailboxArgument(path));
    QList<std::optional<ImapRights>> rights;
    const QList<RawReply> replies = executeRawPipelined(commands);
    for (qsizetype i = 0; i < replies.size(); ++i) {
        if (replies.at(i).refusal) {
            qCWarning(lcImap).noquote()
                << "MYRIGHTS" << paths.at(i) << "refused:" << QString::fromStdString(*replies.at(i).refusal);
            rights.append(std::nullopt);
            continue;
        }
        QString error;
        const auto result = ImapAclParser::parseMyRights(replies.at(i).untagged, &error);
        if (!result)
            throw vmime::exceptions::invalid_response("MYRIGHTS", error.toStdString());
        rights.append(result->rights);
    }
    return rights;
}

std::optional<ImapQuotaParser::QuotaRoots> ImapCommandChannel::quotaRoot(const QString &path)
{
    if (!sendQuotaRoot(path))
        return std::nullopt;
    return readQuotaRoot();
}

bool ImapCommandChannel::sendQuotaRoot(const QString &path)
{
    if (!hasCapability("QUOTA"))
        return false;
    // Behind whatever is in flight: Dovecot counts while the cache writes.
    sendKept("GETQUOTAROOT " + mailboxArgument(path), "GETQUOTAROOT", ImapCommandsInFlight::Kind::QuotaRoot);
    pushSentCommands();
    return true;
}

std::optional<ImapQuotaParser::QuotaRoots> ImapCommandChannel::readQuotaRoot()
{
    const std::optional<RawReply> kept = takeKeptReply(ImapCommandsInFlight::Kind::QuotaRoot);
    if (!kept)
        return std::nullopt;
    const RawReply &reply = *kept;
    if (reply.refusal)
        throw vmime::exceptions::command_error("GETQUOTAROOT", *reply.refusal);
    QString error;
    auto result = ImapQuotaParser::parseQuotaRoot(reply.untagged, &error);
    if (!result)
        throw vmime::exceptions::invalid_response("GETQUOTAROOT", error.toStdString());
    return result;
}

void ImapCommandChannel::startIdle()
{
    const std::string tag = sendTagged("IDLE");
    m_idleEarlyLines.clear();
    for (;;) {
        QByteArray line = *readRawLine(std::nullopt);
        if (line.startsWith('+')) {
            m_idleTag = tag;
            return;
        }
        if (ImapResponse::isTagged(line, tag)) {
            const auto [status, text] = ImapResponse::taggedStatus(line, tag);
            throw vmime::exceptions::command_error("IDLE", text.empty() ? line.toStdString() : text);
        }
        if (m_idleEarlyLines.size() >= 10000)
            throw vmime::exceptions::invalid_response("IDLE", "no continuation after 10000 lines");
        m_idleEarlyLines.append(std::move(line)); // "* 4 EXISTS" just before: a change all the same
    }
}

std::optional<QByteArray> ImapCommandChannel::readIdleLine(std::chrono::milliseconds wait)
{
    std::optional<QByteArray> line;
    if (!m_idleEarlyLines.isEmpty())
        line = m_idleEarlyLines.takeFirst();
    else
        line = readRawLine(std::chrono::steady_clock::now() + wait);
    if (!line)
        return std::nullopt;
    if (line->left(5).toUpper() == "* BYE") {
        // The server is going away (shutdown, idle limit): the connection is as good as lost.
        m_idleTag.clear();
        throw vmime::exceptions::socket_exception("connection lost: the server said " +
                                                  line->left(200).toStdString());
    }
    if (ImapResponse::isTagged(*line, m_idleTag)) {
        // The server ended IDLE by itself.
        const auto [status, text] = ImapResponse::taggedStatus(*line, m_idleTag);
        m_idleTag.clear();
        throw vmime::exceptions::command_error("IDLE", text.empty() ? line->toStdString() : text);
    }
    return line;
}

QList<QByteArray> ImapCommandChannel::stopIdle()
{
    const std::string tag = std::exchange(m_idleTag, std::string());
    QList<QByteArray> lines = std::exchange(m_idleEarlyLines, {});
    m_connection->sendRaw(reinterpret_cast<const vmime::byte_t *>("DONE\r\n"), 6);
    if (const auto tracer = m_connection->getTracer())
        tracer->traceSend("DONE");
    lines += readRawReply(tag, "IDLE");
    return lines;
}

std::string ImapCommandChannel::uidSet(QList<quint32> uids)
{
    std::sort(uids.begin(), uids.end());
    std::string set;
    for (qsizetype i = 0; i < uids.size();) {
        qsizetype j = i;
        while (j + 1 < uids.size() && uids[j + 1] == uids[j] + 1)
            ++j;
        if (!set.empty())
            set += ',';
        set += std::to_string(uids[i]);
        if (j > i)
            set += ':' + std::to_string(uids[j]);
        i = j + 1;
    }
    return set;
}

} // namespace Amiens
