#include "CharsetDecoder.h"

#include "MimeLimits.h"

#include <QStringDecoder>

namespace Amiens {

namespace {

bool hasEightBit(QByteArrayView bytes)
{
    return std::any_of(bytes.cbegin(), bytes.cend(), [](char c) { return c & 0x80; });
}

QString fromWindows1252(QByteArrayView bytes)
{
    QStringDecoder decoder("windows-1252", QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        return QString::fromLatin1(bytes);
    return decoder.decode(bytes);
}

/// UTF-8 when it is, else Windows-1252: what 8-bit text without a usable label most often is.
QString guessed(QByteArrayView bytes)
{
    if (!hasEightBit(bytes))
        return QString::fromLatin1(bytes);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = utf8.decode(bytes);
    if (!utf8.hasError())
        return decoded;
    return fromWindows1252(bytes);
}

QByteArray normalisedLabel(QByteArrayView charset)
{
    QByteArray label = charset.trimmed().toByteArray().toLower();
    if (label.size() >= 2 && label.startsWith('"') && label.endsWith('"'))
        label = label.mid(1, label.size() - 2).trimmed();
    return label;
}

} // namespace

QString CharsetDecoder::toUnicode(QByteArrayView bytes, QByteArrayView charset)
{
    if (charset.size() > MimeLimits::kMaxCharsetNameBytes)
        return guessed(bytes);
    const QByteArray label = normalisedLabel(charset);
    if (label.isEmpty() || label == "us-ascii" || label == "ascii" || label == "unknown" ||
        label == "unknown-8bit" || label == "x-unknown" || label == "default" || label == "x-user-defined")
        return guessed(bytes);
    if (label == "utf-8" || label == "utf8") {
        // Valid UTF-8 is the common case; a mailer that lies gets the Windows-1252 reading.
        return guessed(bytes);
    }
    if (label == "iso-8859-1" || label == "latin1" || label == "latin-1" || label == "iso8859-1" ||
        label == "iso_8859-1" || label == "windows-1252" || label == "cp1252" || label == "x-cp1252")
        return hasEightBit(bytes) ? fromWindows1252(bytes) : QString::fromLatin1(bytes);
    QStringDecoder decoder(label.constData(), QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        return guessed(bytes);
    // Bytes the charset does not define become replacement characters: falling back to another
    // reading for one bad byte would garble a whole Japanese or Cyrillic text.
    return decoder.decode(bytes);
}

} // namespace Amiens
