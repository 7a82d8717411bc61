#include "SieveScriptEditor.h"

#include "SieveParser.h"
#include "SieveScriptBuilder.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

qsizetype lineStart(const QByteArray &script, qsizetype position)
{
    if (position == 0)
        return 0; // lastIndexOf(…, -1) would search from the end
    const qsizetype newline = script.lastIndexOf('\n', position - 1);
    return newline < 0 ? 0 : newline + 1;
}

qsizetype afterLine(const QByteArray &script, qsizetype position)
{
    const qsizetype newline = script.indexOf('\n', position);
    return newline < 0 ? script.size() : newline + 1;
}

bool isBlank(const QByteArray &text)
{
    return text.trimmed().isEmpty();
}

/// Where our block starts: the BEGIN marker's line, unless the user wrote something before the
/// marker on that line ("keep; # BEGIN …"), which stays theirs.
qsizetype blockBegin(const QByteArray &script, qsizetype marker)
{
    const qsizetype start = lineStart(script, marker);
    return isBlank(script.mid(start, marker - start)) ? start : marker;
}

/// One past our block: the END marker's line break, unless the user wrote something after the
/// marker on that line ("/* END … */ keep;"), which stays theirs.
qsizetype blockEnd(const QByteArray &script, qsizetype markerEnd)
{
    const qsizetype next = afterLine(script, markerEnd);
    return isBlank(script.mid(markerEnd, next - markerEnd)) ? next : markerEnd;
}

QByteArray newlineOf(const QByteArray &script)
{
    const qsizetype newline = script.indexOf('\n');
    if (newline < 0)
        return "\r\n"; // RFC 5228's line ending for a new script
    return newline > 0 && script.at(newline - 1) == '\r' ? QByteArray("\r\n") : QByteArray("\n");
}

} // namespace

std::optional<SieveScriptEditor::BlockSpan> SieveScriptEditor::findBlock(const QByteArray &script,
                                                                         QString *error)
{
    QString parseError;
    const auto parsed = SieveParser::parse(script, &parseError);
    if (!parsed) {
        if (error)
            *error = u"the script cannot be parsed: "_s + parseError;
        return std::nullopt;
    }
    const SieveComment *begin = nullptr;
    const SieveComment *end = nullptr;
    for (const SieveComment &comment : parsed->comments) {
        const QString text = comment.text.trimmed();
        if (!begin && text.startsWith(SieveScriptBuilder::kBeginMarker))
            begin = &comment;
        else if (begin && !end && text.startsWith(SieveScriptBuilder::kEndMarker))
            end = &comment;
    }
    if (error)
        error->clear();
    if (!begin && !end)
        return std::nullopt;
    if (!begin || !end) {
        if (error)
            *error = u"the AmiensMail block of the script has lost one of its markers"_s;
        return std::nullopt;
    }
    return BlockSpan{blockBegin(script, begin->begin), blockEnd(script, end->end)};
}

std::optional<QByteArray> SieveScriptEditor::apply(const QByteArray &script, const VacationSettings &vacation,
                                                   const ForwardSettings &forward, QString *error)
{
    QString findError;
    const auto span = findBlock(script, &findError);
    if (!findError.isEmpty()) {
        if (error)
            *error = findError;
        return std::nullopt;
    }
    QByteArray before;
    QByteArray after;
    if (span) {
        before = script.left(span->begin);
        after = script.mid(span->end);
    } else {
        const auto parsed = SieveParser::parse(script);
        qsizetype insertAt = 0;
        for (const SieveCommand &command : parsed->commands) {
            if (command.name != u"require"_s)
                break;
            insertAt = afterLine(script, command.end);
        }
        before = script.left(insertAt);
        after = script.mid(insertAt);
    }
    if (SieveScriptBuilder::isEmpty(vacation, forward))
        return before + after;

    const QByteArray newline = newlineOf(script);
    if (!before.isEmpty() && !before.endsWith('\n'))
        before += newline;
    // Only what the rest of the script already requires at its top counts as required.
    const auto outside = SieveParser::parse(before + after);
    const QStringList required = outside ? outside->leadingRequires() : QStringList();
    return before + SieveScriptBuilder::buildBlock(vacation, forward, required, newline) + after;
}

std::optional<QByteArray> SieveScriptEditor::removeBlock(const QByteArray &script, QString *error)
{
    return apply(script, VacationSettings(), ForwardSettings(), error);
}

} // namespace Amiens
