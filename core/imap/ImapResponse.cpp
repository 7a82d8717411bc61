#include "ImapResponse.h"

namespace Amiens {

QByteArray ImapResponse::inlined() const
{
    if (literals.isEmpty())
        return text;
    qsizetype size = text.size();
    for (const QByteArray &literal : literals)
        size += literal.size();
    QByteArray line;
    line.reserve(size);
    qsizetype from = 0;
    for (qsizetype i = 0; i < literals.size(); ++i) {
        line.append(text.constData() + from, literalOffsets.at(i) - from);
        line.append(literals.at(i));
        from = literalOffsets.at(i);
    }
    line.append(text.constData() + from, text.size() - from);
    return line;
}

bool ImapResponse::isTagged(const QByteArray &line, const std::string &tag)
{
    return line.size() > static_cast<qsizetype>(tag.size()) && line.startsWith(QByteArrayView(tag)) &&
           line.at(static_cast<qsizetype>(tag.size())) == ' ';
}

std::pair<QByteArray, std::string> ImapResponse::taggedStatus(const QByteArray &line, const std::string &tag)
{
    const QByteArray rest = line.mid(static_cast<qsizetype>(tag.size()) + 1);
    const qsizetype space = rest.indexOf(' ');
    return {(space < 0 ? rest : rest.left(space)).toUpper(),
            space < 0 ? std::string() : rest.mid(space + 1).toStdString()};
}

} // namespace Amiens
