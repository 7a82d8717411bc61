#include "ImapCommandChannel.h"

#include "ImapConnection.h"

#include <algorithm>
#include <memory>
#include <vmime/exception.hpp>
#include <vmime/net/imap/IMAPCommand.hpp>
#include <vmime/net/imap/IMAPUtils.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Parser = vmime::net::imap::IMAPParser;

QString flagName(const Parser::flag &flag)
{
    switch (flag.type()) {
    case Parser::flag::ANSWERED:
        return u"\\Answered"_s;
    case Parser::flag::FLAGGED:
        return u"\\Flagged"_s;
    case Parser::flag::DELETED:
        return u"\\Deleted"_s;
    case Parser::flag::SEEN:
        return u"\\Seen"_s;
    case Parser::flag::DRAFT:
        return u"\\Draft"_s;
    case Parser::flag::KEYWORD_OR_EXTENSION:
        return flag.flag_keyword() ? QString::fromStdString(flag.flag_keyword()->value()) : QString();
    case Parser::flag::UNKNOWN: {
        // VMime lower-cases unknown system flags ("\recent"); keep the standard spelling.
        QString name = QString::fromStdString(flag.name());
        if (!name.isEmpty())
            name[0] = name.at(0).toUpper();
        return u'\\' + name;
    }
    case Parser::flag::STAR:
        break;
    }
    return {};
}

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
{
}

ImapCommandChannel::Response ImapCommandChannel::execute(const std::string &command)
{
    send(command);
    return readReply();
}

void ImapCommandChannel::readPendingReply()
{
    if (m_unreadCommand.empty())
        return;
    // A reply nobody reads any more (the caller stopped between the two steps): read to keep
    // the connection in step; its outcome no longer matters.
    try {
        readReply();
    } catch (const vmime::exceptions::command_error &) {
    }
}

void ImapCommandChannel::send(const std::string &command)
{
    readPendingReply();
    m_connection->sendCommand(vmime::net::imap::IMAPCommand::createCommand(command));
    m_unreadCommand = command;
}

std::string ImapCommandChannel::serverText(const Parser::response &response)
{
    // "a7 NO [OVERQUOTA] Quota exceeded": what the server says, for the user and the logs.
    const auto *done = response.response_done();
    const auto *tagged = done ? done->response_tagged() : nullptr;
    if (tagged && tagged->resp_cond_state() && tagged->resp_cond_state()->resp_text())
        return tagged->resp_cond_state()->resp_text()->text();
    return response.getErrorLog();
}

ImapCommandChannel::Response ImapCommandChannel::readReply()
{
    const std::string command = std::move(m_unreadCommand);
    m_unreadCommand.clear();
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
    return m_connection->hasCapability(capability);
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

ImapCommandChannel::MailboxState ImapCommandChannel::examine(const QString &path)
{
    std::string command = "EXAMINE " + mailboxArgument(path);
    if (hasCapability("CONDSTORE"))
        command += " (CONDSTORE)";
    const Response response = execute(command);
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

QList<quint32> ImapCommandChannel::searchUids(const std::string &range)
{
    return searchMatching("UID " + range);
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
    send("UID FETCH " + uidSet + " " + attributes);
}

void ImapCommandChannel::readFetch(const std::function<void(FetchedMessage &&, QByteArray &&)> &onMessage)
{
    const Response response = readReply();
    forEachResponseData(*response, [&](const Parser::response_data &data) {
        const auto *messageData = data.message_data();
        if (!messageData || messageData->type() != Parser::message_data::FETCH || !messageData->msg_att())
            return;
        FetchedMessage message;
        QByteArray body;
        for (auto *item : messageData->msg_att()->items()) {
            switch (item->type()) {
            case Parser::msg_att_item::UID:
                message.uid = static_cast<quint32>(item->unique_id()->value());
                break;
            case Parser::msg_att_item::MODSEQ:
                message.modSeq = item->mod_sequence_value()->value();
                break;
            case Parser::msg_att_item::FLAGS:
                for (const auto *flag : item->flag_list()->flags()) {
                    const QString name = flagName(*flag);
                    if (!name.isEmpty())
                        message.flags.append(name);
                }
                break;
            case Parser::msg_att_item::RFC822_SIZE:
                message.size = static_cast<qint64>(item->number()->value());
                break;
            case Parser::msg_att_item::BODY_SECTION: {
                const std::string &value = item->nstring()->value();
                const auto *section = item->section();
                const bool headerOnly = section && section->section_text1() &&
                                        section->section_text1()->type() == Parser::section_text::HEADER;
                (headerOnly ? message.rawHeader : body) = QByteArray::fromStdString(value);
                break;
            }
            default:
                break;
            }
        }
        // A FETCH without UID is an unsolicited flag update for a message we did not ask about.
        if (message.uid != 0)
            onMessage(std::move(message), std::move(body));
    });
}

quint32 ImapCommandChannel::append(const QString &path, const QByteArray &message, const QStringList &flags)
{
    readPendingReply();
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
