#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Amiens {

/// A Content-Type or Content-Disposition value: its token ("text/plain", "attachment") and its
/// parameters, read in one linear pass: RFC 2045 quoting and comments, RFC 2231 continuations
/// (sections joined by number, percent-decoded, converted once from the charset of section 0),
/// RFC 2047 words inside quoted values (Outlook, Gmail) and raw UTF-8 or Latin-1 names. At most
/// MimeLimits::kMaxParameters parameters and kMaxParameterSections sections of one are kept.
class ContentField
{
public:
    [[nodiscard]] static ContentField parse(QByteArrayView value);

    /// Lower case, trimmed: "multipart/mixed", "attachment"; empty when absent.
    [[nodiscard]] const QByteArray &token() const { return m_token; }
    /// The part before '/' and after it ("text", "plain"); empty when there is no '/'.
    [[nodiscard]] QByteArray type() const;
    [[nodiscard]] QByteArray subtype() const;
    /// The decoded value of parameter @p name (lower case, without '*'); empty when absent.
    [[nodiscard]] QString parameter(QByteArrayView name) const;
    [[nodiscard]] bool hasParameter(QByteArrayView name) const;
    /// The bytes of parameter @p name as written (sections joined, percent escapes decoded), not
    /// converted: a boundary is compared with the lines as bytes, never decoded (RFC 2047 §5).
    [[nodiscard]] QByteArray rawParameter(QByteArrayView name) const;
    /// Whether parameters or sections were dropped past the limits.
    [[nodiscard]] bool limitReached() const { return m_limitReached; }

private:
    QByteArray m_token;
    struct Parameter
    {
        QByteArray name;
        QString value;
        QByteArray raw;
    };
    QList<Parameter> m_parameters;
    bool m_limitReached = false;
};

} // namespace Amiens
