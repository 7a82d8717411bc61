#pragma once

#include <QByteArrayView>
#include <QString>

namespace Amiens {

/// Bytes in a declared charset as Unicode, the way mailers' labels really are: aliases
/// ("latin1", "utf8", "cp1252"), ISO-8859-1 read as its superset Windows-1252 (as browsers do:
/// Outlook's curly quotes and euro sign arrive labelled Latin-1), and 8-bit text with no label,
/// "us-ascii", an unknown or absurd label read as UTF-8 when it is valid UTF-8, else as
/// Windows-1252. Never fails, never throws.
class CharsetDecoder
{
public:
    [[nodiscard]] static QString toUnicode(QByteArrayView bytes, QByteArrayView charset);
};

} // namespace Amiens
