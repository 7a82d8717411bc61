#include "ShowCommand.h"

#include "CommandContext.h"
#include "MessageFormat.h"
#include "cache/MailCache.h"
#include "mime/MessageContent.h"
#include "security/AttachmentName.h"
#include "security/PhishingAnalyzer.h"
#include "security/SafeMessage.h"
#include "services/AccountServices.h"
#include "session/AccountSession.h"
#include "session/jobs/FetchBodyJob.h"
#include "settings/PhishingSettings.h"
#include "settings/SitePolicy.h"
#include "util/TerminalText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Amiens {

QString ShowCommand::name() const
{
    return u"show"_s;
}

QString ShowCommand::usage() const
{
    return u"  show FOLDER UID             one message (from the cache)\n"_s;
}

int ShowCommand::run(CommandContext &context)
{
    const QStringList &arguments = context.arguments();
    const std::optional<quint32> uid = context.uidArgument(2);
    if (arguments.size() != 3 || !uid)
        return context.usageError(tr("show needs a folder and a UID, e.g. show INBOX 42."));
    const std::optional<Account> account = context.selectedAccount();
    if (!account)
        return CommandContext::Failure;
    QTextStream &out = CommandContext::out();
    QTextStream &err = CommandContext::err();
    const QString folderPath = arguments.at(1);
    std::optional<QByteArray> raw;
    std::optional<CachedMessage> summary;
    bool ownFolder = false;
    QStringList trustedDomains;
    QStringList colleagues;
    {
        MailCache cache;
        if (!context.openCache(*account, cache))
            return CommandContext::Failure;
        const auto folder = cache.folderStore().folder(folderPath);
        summary = folder ? cache.messageStore().message(folder->id, *uid) : std::nullopt;
        ownFolder = folder && (folder->info.role == FolderInfo::Role::Sent ||
                               folder->info.role == FolderInfo::Role::Drafts);
        trustedDomains = PhishingSettings::trustedDomains(SitePolicy::load(), context.profile());
        colleagues = PhishingSettings::colleagueNames(cache.addressBook().knownAddresses(), trustedDomains);
        if (!summary) {
            err << tr("Error: no message %1 in %2 in the local copy.").arg(*uid).arg(folderPath) << '\n';
            return CommandContext::Failure;
        }
        raw = cache.messageStore().body(folder->id, *uid);
    }
    if (!raw) {
        // Not downloaded for offline reading yet: fetch it now if the server can be reached.
        err << tr("The message was not downloaded yet; fetching it from the server.") << '\n';
        const int fetched = context.withSession(
            *account, true, [&](AccountServices &services, const CommandContext::Finish &finish) {
                auto job = std::make_shared<FetchBodyJob>(folderPath, *uid);
                services.session()->submit(job, [&context, finish](const std::optional<ServiceError> &error) {
                    finish(error ? context.reportError(*error) : CommandContext::Success);
                });
            });
        if (fetched != CommandContext::Success)
            return fetched;
        MailCache cache;
        if (!context.openCache(*account, cache))
            return CommandContext::Failure;
        raw = cache.messageStore().body(cache.folderStore().folder(folderPath)->id, *uid);
        if (!raw) {
            err << tr("Error: the server no longer has this message.") << '\n';
            return CommandContext::Failure;
        }
    }
    const MessageContent content = MessageContent::parse(*raw);
    const PhishingAnalyzer::Input checked = SafeMessage::analyzerInput(*raw, content, ownFolder);
    const QList<MessageWarning> warnings = PhishingAnalyzer(trustedDomains, colleagues).analyse(checked);
    if (context.json()) {
        QJsonArray warningArray;
        for (const MessageWarning &warning : warnings)
            warningArray.append(QJsonObject{{u"code"_s, warning.code}, {u"text"_s, warning.text}});
        QJsonArray attachments;
        for (qsizetype index = 0; index < content.attachments.size(); ++index) {
            const AttachmentInfo &attachment = content.attachments.at(index);
            const bool dangerous =
                index < checked.attachments.size() && checked.attachments.at(index).refusesOpening();
            attachments.append(QJsonObject{{u"name"_s, AttachmentName::visible(attachment.name)},
                                           {u"mimeType"_s, attachment.mimeType},
                                           {u"size"_s, attachment.size},
                                           {u"inline"_s, attachment.inlinePart},
                                           {u"opens"_s, !dangerous}});
        }
        const QJsonObject object{{u"uid"_s, static_cast<qint64>(*uid)},
                                 {u"subject"_s, content.headers.subject},
                                 {u"from"_s, MessageFormat::addressJson(content.headers.from)},
                                 {u"to"_s, MessageFormat::addressesJson(content.headers.to)},
                                 {u"cc"_s, MessageFormat::addressesJson(content.headers.cc)},
                                 {u"date"_s, summary->headers.date.toString(Qt::ISODate)},
                                 {u"messageId"_s, content.headers.messageId},
                                 {u"flags"_s, QJsonArray::fromStringList(summary->flags)},
                                 {u"text"_s, content.text},
                                 {u"html"_s, !content.html.isEmpty()},
                                 {u"attachments"_s, attachments},
                                 {u"calendar"_s, content.calendarSummary},
                                 {u"reportType"_s, content.reportType},
                                 {u"signed"_s, content.isSigned},
                                 {u"incomplete"_s, content.incomplete},
                                 {u"notices"_s, QJsonArray::fromStringList(content.notices)},
                                 {u"warnings"_s, warningArray}};
        out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return CommandContext::Success;
    }
    for (const QString &notice : content.notices)
        out << tr("Note: %1").arg(notice) << '\n';
    for (const MessageWarning &warning : warnings)
        out << tr("Warning: %1").arg(TerminalText::visible(warning.text)) << '\n';
    // Everything below comes from the sender: shown, never interpreted by the terminal.
    out << tr("From: %1").arg(TerminalText::visible(content.headers.from.toDisplayString())) << '\n';
    QStringList to;
    for (const MailAddress &address : content.headers.to)
        to.append(address.toDisplayString());
    out << tr("To: %1").arg(TerminalText::visible(to.join(u", "_s))) << '\n';
    out << tr("Date: %1").arg(QLocale().toString(summary->headers.date.toLocalTime(), QLocale::LongFormat))
        << '\n';
    out << tr("Subject: %1").arg(TerminalText::visible(content.headers.subject)) << "\n\n"
        << TerminalText::visible(content.text, true) << '\n';
    for (const AttachmentInfo &attachment : content.attachments)
        out << tr("Attachment: %1 (%2, %3)")
                   .arg(TerminalText::visible(AttachmentName::visible(attachment.name)),
                        TerminalText::visible(attachment.mimeType),
                        QLocale().formattedDataSize(attachment.size))
            << '\n';
    return CommandContext::Success;
}

} // namespace Amiens
