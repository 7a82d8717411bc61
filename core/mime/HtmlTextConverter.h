#pragma once

#include "MimeLimits.h"

#include <QString>
#include <QStringView>

namespace Amiens {

/// Turns a message's HTML into readable plain text for the view, the search index, the reply quote
/// and the list preview. A single forward pass over the markup with no DOM and no recursion, so the
/// cost stays linear whatever the nesting (Qt's QTextDocument takes seconds on 10,000 nested divs):
/// head, style, script, template and comments are dropped; every named and numeric entity becomes
/// Unicode (accents are never stripped); blocks, paragraphs, list markers, table rows and cells,
/// quotes and preformatted text are laid out; a link whose text differs from its target shows
/// both, for the reader and the phishing checks.
class HtmlTextConverter
{
public:
    /// Longer input is cut here before conversion; the caller shows a notice (see exceedsLimit).
    static constexpr qsizetype kMaxHtmlChars = MimeLimits::kMaxHtmlChars;
    /// Deeper blockquotes are written at this depth: a thousand ">" per line helps nobody.
    static constexpr int kMaxQuoteDepth = 16;
    /// Deeper lists are written at this indentation, with bullets.
    static constexpr int kMaxListDepth = 16;

    struct Options
    {
        bool skipQuotes = false;     ///< drop blockquote content (previews)
        bool showLinkTargets = true; ///< write "text <url>" when the url differs from the text
    };

    [[nodiscard]] static QString toText(QStringView html);
    /// For the message list: quoted replies and link targets left out.
    [[nodiscard]] static QString toPreviewText(QStringView html);
    [[nodiscard]] static QString convert(QStringView html, const Options &options);

    [[nodiscard]] static bool exceedsLimit(QStringView html) { return html.size() > kMaxHtmlChars; }
};

} // namespace Amiens
