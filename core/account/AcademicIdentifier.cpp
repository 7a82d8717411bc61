#include "AcademicIdentifier.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

// Letters that Unicode decomposition leaves alone but that French names do use.
QString expandLetter(char16_t c)
{
    switch (c) {
    case u'œ':
    case u'Œ':
        return u"oe"_s;
    case u'æ':
    case u'Æ':
        return u"ae"_s;
    case u'ß':
        return u"ss"_s;
    case u'ø':
    case u'Ø':
        return u"o"_s;
    case u'ł':
    case u'Ł':
        return u"l"_s;
    case u'đ':
    case u'Đ':
    case u'ð':
    case u'Ð':
        return u"d"_s;
    case u'þ':
    case u'Þ':
        return u"th"_s;
    case u'ı':
        return u"i"_s;
    default:
        return {};
    }
}

bool isApostrophe(char16_t c)
{
    return c == u'\'' || c == u'\u2019' || c == u'\u2018' || c == u'\u02bc' || c == u'\u00b4' || c == u'`';
}

bool isHyphen(char16_t c)
{
    return c == u'-' || (c >= u'\u2010' && c <= u'\u2014') || c == u'\u2212';
}

bool isParticle(const QString &token)
{
    return token == "de"_L1 || token == "d'"_L1 || token == "du"_L1 || token == "des"_L1;
}

bool isArticle(const QString &token)
{
    return token == "le"_L1 || token == "la"_L1 || token == "les"_L1 || token == "l'"_L1;
}

/// The surname's words: "d'almeida" gives "d'" and "almeida"; hyphenated parts stay together.
QStringList surnameTokens(const QString &folded)
{
    QStringList tokens;
    const QStringList words = folded.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        qsizetype start = 0;
        for (qsizetype i = 0; i < word.size(); ++i) {
            if (word.at(i) == u'\'') {
                if (i > start)
                    tokens.append(word.mid(start, i - start + 1));
                start = i + 1;
            }
        }
        if (start < word.size())
            tokens.append(word.mid(start));
    }
    return tokens;
}

QString lettersOnly(const QString &text)
{
    QString result;
    for (const QChar c : text) {
        if (c >= u'a' && c <= u'z')
            result.append(c);
    }
    return result;
}

} // namespace

QString AcademicIdentifier::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString result;
    result.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const char16_t u = c.unicode();
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isSpace()) {
            if (!result.isEmpty() && !result.endsWith(u' '))
                result.append(u' ');
        } else if (isApostrophe(u)) {
            result.append(u'\'');
        } else if (isHyphen(u)) {
            result.append(u'-');
        } else if (const QString expanded = expandLetter(u); !expanded.isEmpty()) {
            result.append(expanded);
        } else if (u < 0x80 && c.isLetter()) {
            result.append(c.toLower());
        }
    }
    return result.trimmed();
}

QString AcademicIdentifier::propose(const QString &firstName, const QString &lastName)
{
    const QString first = lettersOnly(fold(firstName));
    if (first.isEmpty())
        return {};

    const QStringList tokens = surnameTokens(fold(lastName));
    auto hasNameAfter = [&tokens](qsizetype index) {
        for (qsizetype j = index + 1; j < tokens.size(); ++j) {
            if (!isParticle(tokens.at(j)) && !isArticle(tokens.at(j)) && !lettersOnly(tokens.at(j)).isEmpty())
                return true;
        }
        return false;
    };
    QString surname;
    bool afterParticle = false;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &token = tokens.at(i);
        if (isParticle(token) && hasNameAfter(i)) {
            afterParticle = true;
            continue;
        }
        if (afterParticle && isArticle(token) && hasNameAfter(i))
            continue;
        afterParticle = false;
        surname += lettersOnly(token);
    }
    if (surname.isEmpty())
        return {};
    return first.left(1) + surname;
}

QString AcademicIdentifier::proposeAddress(const QString &firstName, const QString &lastName,
                                           const QString &domain)
{
    const QString identifier = propose(firstName, lastName);
    if (identifier.isEmpty() || domain.trimmed().isEmpty())
        return {};
    return identifier + u'@' + domain.trimmed().toLower();
}

QString AcademicIdentifier::proposeDotted(const QString &firstName, const QString &lastName)
{
    auto hyphenated = [](const QString &name) {
        QString text = fold(name);
        text.remove(u'\'');
        text.replace(u' ', u'-');
        static const QRegularExpression repeatedHyphens(u"-{2,}"_s);
        text.replace(repeatedHyphens, u"-"_s);
        while (text.startsWith(u'-'))
            text.remove(0, 1);
        while (text.endsWith(u'-'))
            text.chop(1);
        return text;
    };
    const QString first = hyphenated(firstName);
    const QString last = hyphenated(lastName);
    if (first.isEmpty() || last.isEmpty())
        return {};
    return first + u'.' + last;
}

bool AcademicIdentifier::isWellFormed(const QString &identifier)
{
    static const QRegularExpression pattern(u"^[a-z][a-z0-9.-]*$"_s);
    return pattern.match(identifier).hasMatch();
}

} // namespace Amiens
