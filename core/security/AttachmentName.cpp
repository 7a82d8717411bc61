#include "AttachmentName.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// Cyrillic and Greek letters that look like the Latin letters of file extensions.
QChar latinTwin(QChar c)
{
    switch (c.unicode()) {
    case 0x0430:
        return u'a'; // а
    case 0x0441:
        return u'c'; // с
    case 0x0435:
        return u'e'; // е
    case 0x0456:
        return u'i'; // і
    case 0x0458:
        return u'j'; // ј
    case 0x043E:
        return u'o'; // о
    case 0x0440:
        return u'p'; // р
    case 0x0455:
        return u's'; // ѕ
    case 0x0445:
        return u'x'; // х
    case 0x0443:
        return u'y'; // у
    case 0x0501:
        return u'd'; // ԁ
    case 0x04BB:
        return u'h'; // һ
    case 0x03BF:
        return u'o'; // ο
    case 0x03B1:
        return u'a'; // α
    case 0x03BD:
        return u'v'; // ν
    case 0x0131:
        return u'i'; // ı
    default:
        return c;
    }
}

QString withoutHiddenCharacters(const QString &name)
{
    QString kept;
    kept.reserve(name.size());
    for (const QChar c : name) {
        if (!AttachmentName::isHiddenCharacter(c.unicode()) && c.category() != QChar::Other_Control)
            kept.append(c);
    }
    return kept;
}

QString trimmedOfDotsAndSpaces(QString name)
{
    // Windows drops trailing dots and spaces: "facture.exe. " runs as facture.exe.
    while (!name.isEmpty() && (name.back() == u'.' || name.back().isSpace()))
        name.chop(1);
    return name.trimmed();
}

} // namespace

bool AttachmentName::isHiddenCharacter(char16_t code)
{
    return (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) || code == 0x200E ||
           code == 0x200F || code == 0x061C || (code >= 0x200B && code <= 0x200D) || code == 0x2060 ||
           code == 0xFEFF || code == 0x180E || code == 0x00AD;
}

QString AttachmentName::visible(const QString &name)
{
    QString shown;
    shown.reserve(name.size());
    for (const QChar c : name) {
        const char16_t code = c.unicode();
        if (isHiddenCharacter(code) || c.category() == QChar::Other_Control)
            shown += u"<U+"_s + QString::number(code, 16).toUpper().rightJustified(4, u'0') + u'>';
        else
            shown += c;
    }
    return shown;
}

QString AttachmentName::normalised(const QString &name)
{
    QString plain = withoutHiddenCharacters(name).normalized(QString::NormalizationForm_KC);
    for (QChar &c : plain)
        c = latinTwin(c);
    return trimmedOfDotsAndSpaces(std::move(plain)).toLower();
}

QString AttachmentName::fileName(const QString &name)
{
    QString plain = withoutHiddenCharacters(name).section(u'/', -1).section(u'\\', -1);
    plain = trimmedOfDotsAndSpaces(std::move(plain));
    return plain.isEmpty() ? u"piece-jointe"_s : plain;
}

QString AttachmentName::extension(const QString &name)
{
    const QString plain = normalised(name);
    const qsizetype dot = plain.lastIndexOf(u'.');
    return dot < 0 ? QString() : plain.mid(dot + 1).trimmed();
}

QString AttachmentName::innerExtension(const QString &name)
{
    const QString plain = normalised(name);
    const qsizetype last = plain.lastIndexOf(u'.');
    if (last <= 0)
        return {};
    const qsizetype before = plain.lastIndexOf(u'.', last - 1);
    return before < 0 ? QString() : plain.mid(before + 1, last - before - 1).trimmed();
}

bool AttachmentName::isDeceptive(const QString &name)
{
    for (const QChar c : name) {
        if (isHiddenCharacter(c.unicode()))
            return true;
    }
    // Look-alike dots ("․", "．", "﹒"), and in the extension full-width ("ｅｘｅ") or Cyrillic
    // ("ехе") letters. A name from macOS in NFD (e + U+0301) is not deceptive: compared composed.
    const QString composed = name.normalized(QString::NormalizationForm_C);
    for (const QChar c : composed) {
        const char16_t code = c.unicode();
        if (code == 0x2024 || code == 0xFF0E || code == 0xFE52 || code == 0x0701 || code == 0x0702 ||
            code == 0xA60E)
            return true;
    }
    const qsizetype dot = composed.lastIndexOf(u'.');
    if (dot >= 0) {
        for (const QChar c : QStringView(composed).sliced(dot + 1)) {
            if (latinTwin(c) != c || (c.unicode() >= 0xFF01 && c.unicode() <= 0xFF5E))
                return true;
        }
    }
    // "Facture.pdf                                  .exe": the end falls out of the column.
    static const QRegularExpression hiddenBySpaces(u"[\\s_]{8,}\\.[^.]{1,12}$"_s);
    return hiddenBySpaces.match(composed).hasMatch();
}

} // namespace Amiens
