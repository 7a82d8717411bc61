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

} // namespace Amiens
