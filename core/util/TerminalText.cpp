#include "TerminalText.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString TerminalText::visible(const QString &text, bool keepLineBreaks)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t code = c.unicode();
        if ((code == u'\n' || code == u'\t') && keepLineBreaks) {
            out += c;
        } else if (code < 0x20) {
            out += QChar(char16_t(0x2400 + code)); // ␀ … ␟, ␛ for ESC
        } else if (code == 0x7F) {
            out += QChar(char16_t(0x2421)); // ␡
        } else if ((code >= 0x80 && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) ||
                   (code >= 0x2066 && code <= 0x2069) || code == 0x200E || code == 0x200F) {
            out += u"<U+"_s + QString::number(code, 16).toUpper().rightJustified(4, u'0') + u'>';
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace Amiens
