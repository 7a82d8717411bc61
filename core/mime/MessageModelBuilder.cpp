#include "MessageModelBuilder.h"

#include "CalendarSummary.h"
#include "CharsetDecoder.h"
#include "FlowedText.h"
#include "HeaderDecoder.h"
#include "HtmlTextConverter.h"
#include "MimeLimits.h"
#include "PlainTextFormatter.h"
#include "TnefDecoder.h"
#include "TransferDecoder.h"
#include "util/Logging.h"

#include <QLocale>
#include <QMimeDatabase>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// Bytes of one text part decoded for reading; a longer part is cut (and the notice shown).
constexpr qsizetype kMaxTextPartBytes = 8 * 1024 * 1024;
/// An invitation is a few kilobytes; CalendarSummary reads no more than this anyway.
constexpr qsizetype kMaxCalendarBytes = 1024 * 1024;

bool isReadableText(const QByteArray &token)
{
    return token == "text/plain" || token == "text/enriched" || token == "text/richtext" ||
           token == "message/delivery-status" || token == "message/global-delivery-status" ||
           token == "message/disposition-notification" || token == "message/feedback-report" ||
           token == "text/rfc822-headers" || token == "text/x-moz-deleted";
}

bool isCalendar(const QByteArray &token)
{
    return token == "text/calendar" || token == "application/ics" || token == "text/x-vcalendar";
}

bool isTnef(const QByteArray &token)
{
    return token == "application/ms-tnef" || token == "application/vnd.ms-tnef";
}

/// The charset an HTML part names in a <meta> when its Content-Type does not.
QByteArray metaCharset(QByteArrayView html)
{
    const QByteArray head = html.first(std::min<qsizetype>(html.size(), 2048)).toByteArray().toLower();
    const qsizetype at = head.indexOf("charset=");
    if (at < 0)
        return {};
    qsizetype start = at + 8;
    while (start < head.size() && (head[start] == '"' || head[start] == '\''))
        ++start;
    qsizetype end = start;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
                                 head[end] == '_' || head[end] == '.' || head[end] == ':'))
        ++end;
    return head.mid(start, end - start);
}

/// A name from the sender: its last path component, without control characters, trimmed of the
/// dots and spaces that hide an extension. Bidirectional overrides and zero-width characters are
/// kept: the attachment checks judge them and the view shows them (AttachmentName).
QString cleanedName(QString name)
{
    name = name.section(u'/', -1).section(u'\\', -1);
    QString kept;
    kept.reserve(name.size());
    for (const QChar c : std::as_const(name)) {
        if (c.category() != QChar::Other_Control)
            kept.append(c);
    }
    while (!kept.isEmpty() && (kept.endsWith(u' ') || kept.endsWith(u'.')))
        kept.chop(1);
    return kept.trimmed().left(255);
}

QString withoutNul(QString text)
{
    text.replace(QChar(u'\0'), QChar(QChar::ReplacementCharacter));
    return text;
}

} // namespace

MessageModelBuilder::MessageModelBuilder(QByteArrayView rawMessage, const MessageContent::Options &options)
    : m_raw(rawMessage)
    , m_options(options)
    , m_tree(MimeTree::parse(rawMessage))
{
}

QString MessageModelBuilder::tooComplexNotice()
{
    return tr("This message is too complex to be shown in full: it is shown as far as it could be read "
              "safely. It may be malicious.");
}

void MessageModelBuilder::assignRoles()
{
    const QList<MimePart> &parts = m_tree.parts();
    m_roles.fill(PartRole{}, parts.size());
    if (parts.isEmpty())
        return;
    m_roles[0] = {Role::Body, true, true};
    for (int i = 0; i < parts.size(); ++i) {
        const MimePart &part = parts.at(i);
        const PartRole role = m_roles.at(i);
        if (part.children.isEmpty())
            continue;
        if (role.role != Role::Body)
            continue; // the children of anything not shown stay hidden
        const QByteArray subtype = part.contentType.subtype();
        if (part.isEmbeddedMessage()) {
            m_roles[part.children.first()] = role;
        } else if (subtype == "alternative") {
            int displayChild = -1;
            int textChild = -1;
            for (const int child : part.children) {
                const MimePart &candidate = parts.at(child);
                const QByteArray token = candidate.contentType.token();
                if (isCalendar(token)) {
                    m_roles[child] = {Role::Calendar, role.display, role.text};
                    continue;
                }
                if (isAttachmentLeaf(candidate))
                    continue;
                if (token == "text/plain" || token == "text/html" || token == "text/enriched" ||
                    candidate.isMultipart() || candidate.isEmbeddedMessage())
                    displayChild = child;
                if (textChild < 0 && token == "text/plain" &&
                    !MimeTree::bodyOf(m_raw, candidate).trimmed().isEmpty())
                    textChild = child;
            }
            if (textChild < 0)
                textChild = displayChild;
            for (const int child : part.children) {
                if (m_roles.at(child).role == Role::Calendar)
                    continue;
                const bool display = role.display && child == displayChild;
                const bool text = role.text && child == textChild;
                m_roles[child] = {display || text ? Role::Body : Role::Hidden, display, text};
            }
        } else if (subtype == "related") {
            QString start = part.contentType.parameter("start");
            if (start.startsWith(u'<') && start.endsWith(u'>'))
                start = start.mid(1, start.size() - 2);
            int root = part.children.first();
            for (const int child : part.children) {
                if (!start.isEmpty() && QString::fromUtf8(parts.at(child).contentId) == start)
                    root = child;
            }
            for (const int child : part.children)
                m_roles[child] = child == root ? role : PartRole{Role::RelatedResource, role.display, false};
        } else if (subtype == "signed") {
            m_content.isSigned = true;
            for (const int child : part.children)
                m_roles[child] =
                    child == part.children.first() ? role : PartRole{Role::Signature, false, false};
        } else if (subtype == "encrypted") {
            addNotice(tr("This message is encrypted; AmiensMail cannot decrypt it."));
        } else {
            if (subtype == "report" && m_content.reportType.isEmpty())
                m_content.reportType = part.contentType.parameter("report-type").toLower();
            for (const int child : part.children) {
                const QByteArray token = parts.at(child).contentType.token();
                const bool returned = subtype == "report" &&
                                      (parts.at(child).isEmbeddedMessage() || token == "text/rfc822-headers");
                m_roles[child] = returned ? PartRole{Role::AttachmentOnly, false, false} : role;
            }
        }
    }
}

bool MessageModelBuilder::isAttachmentLeaf(const MimePart &part) const
{
    if (part.disposition.token() == "attachment")
        return true;
    // A text part with a file name is a file (KMail's rule); list footers and bodies have none.
    return part.contentType.type() == "text" &&
           (part.disposition.hasParameter("filename") || part.contentType.hasParameter("name"));
}

QString MessageModelBuilder::decodedText(const MimePart &part, qsizetype maxBytes) const
{
    const QByteArrayView body = MimeTree::bodyOf(m_raw, part);
    const QByteArray bytes =
        TransferDecoder::decode(body, TransferDecoder::fromName(part.transferEncoding), maxBytes);
    QByteArray charset = part.contentType.parameter("charset").toLatin1();
    if (charset.isEmpty() && part.contentType.subtype() == "html")
        charset = metaCharset(bytes);
    return withoutNul(CharsetDecoder::toUnicode(bytes, charset));
}

QString MessageModelBuilder::attachmentName(const MimePart &part) const
{
    QString name = part.disposition.parameter("filename");
    if (name.trimmed().isEmpty())
        name = part.contentType.parameter("name");
    return cleanedName(name);
}

void MessageModelBuilder::addNotice(const QString &notice)
{
    if (!m_content.notices.contains(notice))
        m_content.notices.append(notice);
}

QString MessageModelBuilder::withinLimits(const QString &text, TextBudget &budget)
{
    QString kept;
    kept.reserve(std::min(text.size(), MimeLimits::kMaxTextChars - budget.chars));
    int blankLines = 0;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        const bool lastLine = end < 0;
        if (lastLine)
            end = text.size();
        QStringView line = QStringView(text).sliced(start, end - start);
        start = end + 1;
        if (line.endsWith(u'\r')) // the server may send LF-only mail back with CRLF
            line.chop(1);
        // More than two blank lines in a row say nothing, and a million of them take the view
        // seconds to lay out.
        if (line.trimmed().isEmpty()) {
            if (++blankLines > 2)
                continue;
        } else {
            blankLines = 0;
        }
        if (budget.lines >= MimeLimits::kMaxTextLines ||
            budget.chars + kept.size() + line.size() > MimeLimits::kMaxTextChars) {
            kept += line.first(
                std::clamp<qsizetype>(MimeLimits::kMaxTextChars - budget.chars - kept.size(), 0,
                                      budget.lines >= MimeLimits::kMaxTextLines ? 0 : line.size()));
            m_content.incomplete = true;
            addNotice(tooComplexNotice());
            break;
        }
        kept += line;
        if (!lastLine)
            kept += u'\n';
        ++budget.lines;
    }
    budget.chars += kept.size();
    return kept;
}

void MessageModelBuilder::addText(const PartRole &role, const QString &text)
{
    if (role.text)
        m_texts.append(withinLimits(text, m_textBudget));
    if (role.display)
        m_display.append({PieceKind::Text, withinLimits(text, m_displayBudget)});
}

void MessageModelBuilder::addTextLeaf(int index, const PartRole &role)
{
    const MimePart &part = m_tree.parts().at(index);
    if (MimeTree::bodyOf(m_raw, part).size() > kMaxTextPartBytes * 4) {
        m_content.incomplete = true;
        addNotice(tooComplexNotice());
    }
    QString text = decodedText(part, kMaxTextPartBytes);
    if (part.contentType.parameter("format").compare(u"flowed"_s, Qt::CaseInsensitive) == 0) {
        const bool delSp = part.contentType.parameter("delsp").compare(u"yes"_s, Qt::CaseInsensitive) == 0;
        text = FlowedText::decode(text, delSp);
    }
    addText(role, text);
}

void MessageModelBuilder::addHtmlLeaf(int index, const PartRole &role)
{
    const MimePart &part = m_tree.parts().at(index);
    QString html = decodedText(part, kMaxTextPartBytes);
    if (html.size() > MimeLimits::kMaxHtmlChars) {
        html.truncate(MimeLimits::kMaxHtmlChars);
        m_content.incomplete = true;
        addNotice(tooComplexNotice());
    }
    if (role.text)
        addText({Role::Body, false, true}, HtmlTextConverter::toText(html));
    if (role.display)
        m_display.append({PieceKind::Html, html});
}

void MessageModelBuilder::keepInlineImage(const MimePart &part, const QString &id)
{
    if (m_attachmentsOnly || !m_options.decodeInlineImages || m_content.inlineImages.contains(id))
        return;
    const QByteArrayView body = MimeTree::bodyOf(m_raw, part);
    const auto encoding = TransferDecoder::fromName(part.transferEncoding);
    const qsizetype size = TransferDecoder::decodedSize(body, encoding);
    if (m_inlineImageBytes + size > MimeLimits::kMaxInlineImageBytes)
        return; // the budget for images in one message is spent: the rest are not shown
    m_inlineImageBytes += size;
    m_content.inlineImages.insert(id, TransferDecoder::decode(body, encoding));
}

void MessageModelBuilder::addImage(int index, const PartRole &role)
{
    // Shown in place, it is body, not a file (Apple Mail's pictures between text pieces).
    if (!role.display)
        return;
    const MimePart &part = m_tree.parts().at(index);
    const QString id =
        part.contentId.isEmpty() ? u"amiens-part-%1"_s.arg(index) : QString::fromUtf8(part.contentId);
    keepInlineImage(part, id);
    m_display.append({PieceKind::Image, id});
}

void MessageModelBuilder::addEmbeddedMessageHeader(int index, const PartRole &role)
{
    const MimePart &part = m_tree.parts().at(index);
    if (part.children.isEmpty())
        return;
    const MessageHeaders inner = HeaderDecoder::decode(
        MimeTree::headerOf(m_raw, m_tree.parts().at(part.children.first())).toByteArray());
    QStringList lines{tr("-------- Attached message --------")};
    const auto line = [&lines](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines.append(label + u' ' + value);
    };
    QStringList to;
    for (const MailAddress &address : inner.to)
        to.append(address.toDisplayString());
    line(tr("From:"), inner.from.toDisplayString());
    if (inner.date.isValid())
        line(tr("Date:"), QLocale().toString(inner.date.toLocalTime(), QLocale::LongFormat));
    line(tr("Subject:"), inner.subject);
    line(tr("To:"), to.join(u", "_s));
    addText(role, lines.join(u'\n'));
}

QString MessageModelBuilder::embeddedMessageName(int index) const
{
    const MimePart &part = m_tree.parts().at(index);
    QString subject;
    if (!part.children.isEmpty())
        subject =
            cleanedName(HeaderDecoder::decode(
                            MimeTree::headerOf(m_raw, m_tree.parts().at(part.children.first())).toByteArray())
                            .subject);
    return (subject.isEmpty() ? tr("message") : subject.left(120)) + u".eml"_s;
}

void MessageModelBuilder::summariseCalendar(const MimePart &part)
{
    const QByteArray ics = TransferDecoder::decode(
        MimeTree::bodyOf(m_raw, part), TransferDecoder::fromName(part.transferEncoding), kMaxCalendarBytes);
    if (const auto event = CalendarSummary::parse(ics))
        m_content.calendarSummary = CalendarSummary::toText(*event, QTimeZone::systemTimeZone(), QLocale());
}

void MessageModelBuilder::addTnef(int index, const PartRole &role)
{
    const MimePart &part = m_tree.parts().at(index);
    const TnefContent tnef = TnefDecoder::decode(
        TransferDecoder::decode(MimeTree::bodyOf(m_raw, part),
                                TransferDecoder::fromName(part.transferEncoding), TnefDecoder::kMaxInput));
    if (!tnef.ok) {
        addAttachment(index, u"winmail.dat"_s);
        return;
    }
    if (!m_attachmentsOnly) {
        if (!tnef.html.isEmpty()) {
            if (role.text)
                addText({Role::Body, false, true}, HtmlTextConverter::toText(tnef.html));
            if (role.display)
                m_display.append({PieceKind::Html, tnef.html.left(MimeLimits::kMaxHtmlChars)});
        } else if (!tnef.text.isEmpty()) {
            addText(role, tnef.text);
        }
    }
    for (int file = 0; file < tnef.files.size(); ++file) {
        AttachmentInfo info;
        info.name = cleanedName(tnef.files.at(file).name);
        if (info.name.isEmpty())
            info.name = tr("attachment %1").arg(file + 1);
        info.mimeType = tnef.files.at(file).mimeType.toLower();
        if (info.mimeType.isEmpty() || info.mimeType == u"application/octet-stream"_s)
            info.mimeType = QMimeDatabase().mimeTypeForFile(info.name, QMimeDatabase::MatchExtension).name();
        info.size = tnef.files.at(file).data.size();
        info.partIndex = index;
        info.tnefIndex = file;
        m_content.attachments.append(info);
    }
}

void MessageModelBuilder::addAttachment(int index, QString fallbackName)
{
    const MimePart &part = m_tree.parts().at(index);
    AttachmentInfo info;
    info.name = attachmentName(part);
    info.mimeType = QString::fromLatin1(part.contentType.token());
    if (info.name.isEmpty())
        info.name = cleanedName(fallbackName);
    if (info.name.isEmpty()) {
        const QString suffix = QMimeDatabase().mimeTypeForName(info.mimeType).preferredSuffix();
        info.name = tr("attachment %1").arg(m_content.attachments.size() + 1) +
                    (suffix.isEmpty() ? QString() : u'.' + suffix);
    }
    // Senders label PDFs and scans "application/octet-stream": the name says more.
    if (info.mimeType == u"application/octet-stream"_s || !info.mimeType.contains(u'/')) {
        const QMimeType guessed = QMimeDatabase().mimeTypeForFile(info.name, QMimeDatabase::MatchExtension);
        if (!guessed.isDefault())
            info.mimeType = guessed.name();
    }
    if (m_options.measureAttachments)
        info.size = TransferDecoder::decodedSize(MimeTree::bodyOf(m_raw, part),
                                                 TransferDecoder::fromName(part.transferEncoding));
    info.inlinePart = part.disposition.token() == "inline";
    info.contentId = QString::fromUtf8(part.contentId);
    info.partIndex = index;
    m_content.attachments.append(info);
}

void MessageModelBuilder::visit(int index)
{
    const MimePart &part = m_tree.parts().at(index);
    const PartRole role = m_roles.at(index);
    if (part.opaque) {
        m_content.incomplete = true;
        addNotice(tooComplexNotice());
        return;
    }
    if (role.role == Role::Hidden || role.role == Role::Signature)
        return;
    const QByteArray token = part.contentType.token();
    if (part.isEmbeddedMessage()) {
        if (role.role == Role::Body && !m_attachmentsOnly)
            addEmbeddedMessageHeader(index, role);
        addAttachment(index, embeddedMessageName(index));
        return;
    }
    if (part.isMultipart()) {
        // No boundary, or one never found: what it holds is kept as text (real-mail.md #31).
        if (part.children.isEmpty() && role.role == Role::Body && !m_attachmentsOnly)
            addTextLeaf(index, role);
        return;
    }
    switch (role.role) {
    case Role::Calendar:
        // An invitation in an alternative is shown as its summary, like Thunderbird; a calendar
        // file sent as an attachment is listed (below).
        if (!m_attachmentsOnly && m_content.calendarSummary.isEmpty())
            summariseCalendar(part);
        return;
    case Role::AttachmentOnly:
        addAttachment(index);
        return;
    case Role::RelatedResource:
        if (part.contentType.type() == "image" && !part.contentId.isEmpty()) {
            keepInlineImage(part, QString::fromUtf8(part.contentId));
            return;
        }
        addAttachment(index);
        return;
    default:
        break;
    }
    // Outlook marks winmail.dat and smime.p7m as attachments: they are opened all the same.
    if (token == "application/pkcs7-mime" || token == "application/x-pkcs7-mime") {
        const QString smimeType = part.contentType.parameter("smime-type").toLower();
        if (smimeType == u"signed-data"_s)
            m_content.isSigned = true;
        addAttachment(index, u"smime.p7m"_s);
        addNotice(smimeType == u"signed-data"_s
                      ? tr("This message is signed in a form (S/MIME) whose content AmiensMail cannot show "
                           "yet; it is kept as the attachment smime.p7m.")
                      : tr("This message is encrypted; AmiensMail cannot decrypt it."));
        return;
    }
    if (isTnef(token)) {
        addTnef(index, role);
        return;
    }
    if (isAttachmentLeaf(part)) {
        if (isCalendar(token) && !m_attachmentsOnly && m_content.calendarSummary.isEmpty())
            summariseCalendar(part);
        addAttachment(index);
        return;
    }
    if (isReadableText(token)) {
        if (!m_attachmentsOnly)
            addTextLeaf(index, role);
    } else if (token == "text/html") {
        if (!m_attachmentsOnly)
            addHtmlLeaf(index, role);
    } else if (isCalendar(token)) {
        if (!m_attachmentsOnly && m_content.calendarSummary.isEmpty())
            summariseCalendar(part);
    } else if (part.contentType.type() == "image" && part.disposition.token() != "attachment") {
        addImage(index, m_attachmentsOnly ? PartRole{} : role);
    } else {
        addAttachment(index);
    }
}

void MessageModelBuilder::finish()
{
    QStringList texts;
    if (!m_content.calendarSummary.isEmpty())
        texts.append(m_content.calendarSummary);
    for (QString text : std::as_const(m_texts)) {
        while (text.endsWith(u'\n'))
            text.chop(1);
        if (!text.trimmed().isEmpty())
            texts.append(text);
    }
    m_content.text = texts.join(u"\n\n"_s);

    const bool needsHtml = std::any_of(m_display.cbegin(), m_display.cend(),
                                       [](const Piece &piece) { return piece.kind != PieceKind::Text; });
    if (needsHtml) {
        QStringList html;
        if (!m_content.calendarSummary.isEmpty())
            html.append(PlainTextFormatter::toHtml(m_content.calendarSummary) + u"<hr>"_s);
        for (const Piece &piece : std::as_const(m_display)) {
            switch (piece.kind) {
            case PieceKind::Text:
                html.append(PlainTextFormatter::toHtml(piece.content));
                break;
            case PieceKind::Html:
                html.append(piece.content);
                break;
            case PieceKind::Image:
                html.append(u"<p><img src=\"cid:%1\"></p>"_s.arg(piece.content.toHtmlEscaped()));
                break;
            }
        }
        m_content.html = html.join(u"\n"_s);
    }
    if (m_tree.limitReached()) {
        m_content.incomplete = true;
        addNotice(tooComplexNotice());
    }
    if (m_content.incomplete)
        qCWarning(lcMime) << "message shown in part: a limit was reached (depth, parts, size or header)";
    m_content.headers.likelyHasAttachments = !m_content.attachments.isEmpty();
}

MessageContent MessageModelBuilder::build()
{
    if (m_options.decodeHeaders && !m_tree.parts().isEmpty())
        m_content.headers =
            HeaderDecoder::decode(MimeTree::headerOf(m_raw, m_tree.parts().first()).toByteArray());
    assignRoles();
    for (int i = 0; i < m_tree.parts().size(); ++i)
        visit(i);
    finish();
    return std::move(m_content);
}

QList<AttachmentInfo> MessageModelBuilder::attachments()
{
    m_attachmentsOnly = true;
    assignRoles();
    for (int i = 0; i < m_tree.parts().size(); ++i)
        visit(i);
    return m_content.attachments;
}

QByteArray MessageModelBuilder::dataOf(QByteArrayView rawMessage, const MimeTree &tree,
                                       const AttachmentInfo &attachment)
{
    if (attachment.partIndex < 0 || attachment.partIndex >= tree.parts().size())
        return {};
    const MimePart &part = tree.parts().at(attachment.partIndex);
    const QByteArray bytes = TransferDecoder::decode(MimeTree::bodyOf(rawMessage, part),
                                                     TransferDecoder::fromName(part.transferEncoding));
    if (attachment.tnefIndex < 0)
        return bytes;
    const TnefContent tnef = TnefDecoder::decode(bytes);
    return attachment.tnefIndex < tnef.files.size() ? tnef.files.at(attachment.tnefIndex).data : QByteArray();
}

} // namespace Amiens
