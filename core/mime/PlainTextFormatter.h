#pragma once

#include <QString>

namespace Amiens {

/// Plain-text mail as HTML for display: every character escaped, line breaks and spacing kept,
/// http(s), www. and mailto links made clickable, quoted lines ("> ") set apart.
class PlainTextFormatter
{
public:
    [[nodiscard]] static QString toHtml(const QString &text);
};

} // namespace Amiens
