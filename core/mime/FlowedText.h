#pragma once

#include <QString>
#include <QStringView>

namespace Amiens {

/// format=flowed (RFC 3676 §4.1–4.5) for reading and for the reply quote. decode() rebuilds the
/// paragraphs a sender soft-wrapped: each one on a single line, its quote depth written as ">"
/// marks and one space. quoteForReply() quotes such text one level deeper without rewrapping it,
/// so the composer can reflow it at the new depth instead of joining onto ">"-prefixed lines.
class FlowedText
{
public:
    /// \a text is transfer- and charset-decoded already (quoted-printable first, then unflow),
    /// with LF or CRLF line ends. The result uses LF.
    [[nodiscard]] static QString decode(QStringView text, bool delSp);
    /// Every line one level deeper: "> text", ">> text" from "> text", ">" for an empty line.
    [[nodiscard]] static QString quoteForReply(QStringView displayText);
};

} // namespace Amiens
