#include "PlainTextFormatter.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// Longer lines are shown in pieces of this length, each searched for links alone (the search is
/// not linear in the line): Qt lays out one paragraph in time that grows faster than
/// its length (a 1 MB line took half a minute). RFC 5322 lines are at most 998 characters.
constexpr qsizetype kMaxLinkifiedLine = 4096;

QString linkified(const QString &line)
{
    static const QRegularExpression links(
        u"\\b((?:https?://|www\\.)[^\\s<>\"]+[^\\s<>\".,;:!?)\\]]|mailto:[^\\s<>\"]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    QString result;
    qsizetype position = 0;
    auto matches = links.globalMatch(line);
    while (matches.hasNext()) {
        const auto match = matches.next();
        result += line.mid(position, match.capturedStart() - position).toHtmlEscaped();
        const QString text = match.captured(1);
        QString target = text;
        if (target.startsWith(u"www."_s))
            target.prepend(u"https://"_s);
        else if (!target.contains(u':') && target.contains(u'@'))
            target.prepend(u"mailto:"_s);
        result += u"<a href=\""_s + target.toHtmlEscaped() + u"\">"_s + text.toHtmlEscaped() + u"</a>"_s;
        position = match.capturedEnd();
    }
    result += line.mid(position).toHtmlEscaped();
    return result;
}

} // namespace

QString PlainTextFormatter::toHtml(const QString &text)
{
    QStringList lines = QString(text).replace(u"\r\n"_s, u"\n"_s).split(u'\n');
    QString html = u"<div style=\"white-space: pre-wrap; font-family: monospace\">"_s;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const bool quoted = line.startsWith(u'>');
        if (quoted)
            html += u"<span style=\"color: #1d5c8a\">"_s;
        for (qsizetype start = 0; start == 0 || start < line.size(); start += kMaxLinkifiedLine) {
            if (start > 0)
                html += u"<br>"_s;
            html += linkified(line.mid(start, kMaxLinkifiedLine));
        }
        if (quoted)
            html += u"</span>"_s;
        if (i + 1 < lines.size())
            html += u"<br>"_s;
    }
    return html + u"</div>"_s;
}

} // namespace Amiens
