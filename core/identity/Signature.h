#pragma once

#include <QString>

namespace Amiens {

/// One signature of an identity, as the Signatures page edits it and the composer inserts it.
struct Signature
{
    enum class Format
    {
        PlainText, ///< inserted after the standard "-- " separator line (RFC 3676 §4.3)
        Html,      ///< simple rich text; sanitised like received mail before it is inserted
    };

    QString id;   ///< stable key, referenced by the defaults for new mail and replies
    QString name; ///< shown in the lists ("Signature académique", "Courte")
    Format format = Format::PlainText;
    QString text; ///< without the separator, which is added when inserted

    friend bool operator==(const Signature &, const Signature &) = default;
};

} // namespace Amiens
