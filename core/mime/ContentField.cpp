#include "ContentField.h"

#include "CharsetDecoder.h"
#include "EncodedWordDecoder.h"
#include "HexDigit.h"
#include "MimeLimits.h"

#include <algorithm>

namespace Amiens {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// One "name=value" as written: name without its RFC 2231 suffix, the section number (-1 for
/// none), whether the value is extended (percent-encoded, with charset'language' on section 0).
struct RawParameter
{
    QByteArray name;
    int section = -1;
    bool extended = false;
    QByteArray value;
};

QByteArray percentDecoded(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] == '%' && i + 2 < value.size() && hexDigitValue(value[i + 1]) >= 0 &&
            hexDigitValue(value[i + 2]) >= 0) {
            out.append(static_cast<char>(hexDigitValue(value[i + 1]) * 16 + hexDigitValue(value[i + 2])));
            i += 2;
        } else {
            out.append(value[i]);
        }
    }
    return out;
}

/// Skips white space and (comments), which do not nest here: a nesting counter, never recursion.
qsizetype skipSpaceAndComments(QByteArrayView text, qsizetype position)
{
    while (position < text.size()) {
        if (isSpace(text[position])) {
            ++position;
        } else if (text[position] == '(') {
            int depth = 0;
            while (position < text.size()) {
                const char c = text[position++];
                if (c == '\\') {
                    ++position;
                } else if (c == '(') {
                    ++depth;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
        } else {
            break;
        }
    }
    return position;
}

void splitName(QByteArray name, RawParameter &parameter)
{
    if (name.endsWith('*')) {
        parameter.extended = true;
        name.chop(1);
    }
    const qsizetype star = name.lastIndexOf('*');
    if (star > 0) {
        bool ok = false;
        const int section = name.mid(star + 1).toInt(&ok);
        if (ok && section >= 0) {
            parameter.section = section;
            name.truncate(star);
        }
    }
    parameter.name = name.trimmed().toLower();
}

QString plainValue(const QByteArray &value)
{
    if (value.contains("=?"))
        return EncodedWordDecoder::decode(value);
    return CharsetDecoder::toUnicode(value, {});
}

} // namespace

QByteArray ContentField::type() const
{
    const qsizetype slash = m_token.indexOf('/');
    return slash < 0 ? QByteArray() : m_token.left(slash);
}

QByteArray ContentField::subtype() const
{
    const qsizetype slash = m_token.indexOf('/');
    return slash < 0 ? QByteArray() : m_token.mid(slash + 1);
}

QString ContentField::parameter(QByteArrayView name) const
{
    for (const Parameter &parameter : m_parameters) {
        if (parameter.name == name)
            return parameter.value;
    }
    return {};
}

QByteArray ContentField::rawParameter(QByteArrayView name) const
{
    for (const Parameter &parameter : m_parameters) {
        if (parameter.name == name)
            return parameter.raw;
    }
    return {};
}

bool ContentField::hasParameter(QByteArrayView name) const
{
    return std::any_of(m_parameters.cbegin(), m_parameters.cend(),
                       [name](const Parameter &parameter) { return parameter.name == name; });
}

ContentField ContentField::parse(QByteArrayView value)
{
    ContentField field;
    if (value.size() > MimeLimits::kMaxFieldBytes) {
        value = value.first(MimeLimits::kMaxFieldBytes);
        field.m_limitReached = true;
    }
    qsizetype position = skipSpaceAndComments(value, 0);
    qsizetype tokenEnd = position;
    while (tokenEnd < value.size() && value[tokenEnd] != ';' && value[tokenEnd] != '(')
        ++tokenEnd;
    QByteArray token = value.sliced(position, tokenEnd - position).trimmed().toByteArray().toLower();
    token.replace(' ', QByteArray()); // "text / plain"
    token.replace('\t', QByteArray());
    if (token.size() >= 2 && token.startsWith('"') && token.endsWith('"'))
        token = token.mid(1, token.size() - 2);
    field.m_token = token;
    position = tokenEnd;

    QList<RawParameter> raw;
    while (position < value.size()) {
        position = skipSpaceAndComments(value, position);
        if (position < value.size() && value[position] == ';') {
            ++position;
            continue;
        }
        const qsizetype nameStart = position;
        while (position < value.size() && value[position] != '=' && value[position] != ';')
            ++position;
        if (position >= value.size() || value[position] == ';')
            continue; // a word without '=': nothing to keep
        RawParameter parameter;
        splitName(value.sliced(nameStart, position - nameStart).toByteArray(), parameter);
        position = skipSpaceAndComments(value, position + 1);
        if (position < value.size() && value[position] == '"') {
            ++position;
            while (position < value.size() && value[position] != '"') {
                if (value[position] == '\\' && position + 1 < value.size())
                    ++position;
                if (value[position] != '\r' && value[position] != '\n')
                    parameter.value.append(value[position]);
                ++position;
            }
            ++position; // the closing quote
        } else {
            const qsizetype valueStart = position;
            while (position < value.size() && value[position] != ';')
                ++position;
            parameter.value = value.sliced(valueStart, position - valueStart).trimmed().toByteArray();
        }
        if (parameter.name.isEmpty())
            continue;
        if (raw.size() >= MimeLimits::kMaxParameters ||
            parameter.section >= MimeLimits::kMaxParameterSections) {
            field.m_limitReached = true;
            continue;
        }
        raw.append(std::move(parameter));
    }

    // Join the sections of each name (at most kMaxParameters names of kMaxParameterSections
    // sections: small), RFC 2231 §4.1; a name both plain and extended keeps the extended one.
    QList<QByteArray> names;
    for (const RawParameter &parameter : std::as_const(raw)) {
        if (!names.contains(parameter.name))
            names.append(parameter.name);
    }
    for (const QByteArray &name : std::as_const(names)) {
        QList<const RawParameter *> sections;
        const RawParameter *plain = nullptr;
        const RawParameter *extendedWhole = nullptr;
        for (const RawParameter &parameter : std::as_const(raw)) {
            if (parameter.name != name)
                continue;
            if (parameter.section >= 0)
                sections.append(&parameter);
            else if (parameter.extended)
                extendedWhole = &parameter;
            else if (!plain)
                plain = &parameter;
        }
        QString decoded;
        QByteArray rawValue;
        if (!sections.isEmpty()) {
            std::stable_sort(
                sections.begin(), sections.end(),
                [](const RawParameter *a, const RawParameter *b) { return a->section < b->section; });
            QByteArray bytes;
            QByteArray charset;
            bool anyExtended = false;
            for (const RawParameter *section : std::as_const(sections)) {
                QByteArray piece = section->value;
                if (section->extended) {
                    anyExtended = true;
                    if (section->section == 0) {
                        const qsizetype first = piece.indexOf('\'');
                        const qsizetype second = first < 0 ? -1 : piece.indexOf('\'', first + 1);
                        if (second > first) {
                            charset = piece.left(first);
                            piece = piece.mid(second + 1);
                        }
                    }
                    bytes += percentDecoded(piece);
                } else {
                    bytes += piece;
                }
            }
            decoded = anyExtended ? CharsetDecoder::toUnicode(bytes, charset) : plainValue(bytes);
            rawValue = bytes;
        } else if (extendedWhole) {
            QByteArray piece = extendedWhole->value;
            QByteArray charset;
            const qsizetype first = piece.indexOf('\'');
            const qsizetype second = first < 0 ? -1 : piece.indexOf('\'', first + 1);
            if (second > first) {
                charset = piece.left(first);
                piece = piece.mid(second + 1);
            }
            rawValue = percentDecoded(piece);
            decoded = CharsetDecoder::toUnicode(rawValue, charset);
        } else if (plain) {
            rawValue = plain->value;
            decoded = plainValue(rawValue);
        }
        field.m_parameters.append({name, decoded, rawValue});
    }
    return field;
}

} // namespace Amiens
