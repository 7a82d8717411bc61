#pragma once

#include <QColor>
#include <QString>

class QPalette;

namespace Amiens {

/// Colours that follow the desktop's palette, so that text stays readable in a dark or
/// high-contrast theme (issue 20): tints of the window colour rather than fixed light shades.
class ThemeColours
{
public:
    enum class Tone
    {
        Error,
        Warning,
        Information,
    };

    /// The background of a message bar of @p tone: the palette's window colour, tinted.
    [[nodiscard]] static QColor background(const QPalette &palette, Tone tone);
    /// Text that says something is wrong (a field's error), readable on the palette's window colour.
    [[nodiscard]] static QColor text(const QPalette &palette, Tone tone);
    /// « color: … » for a label of @p tone.
    [[nodiscard]] static QString textStyleSheet(const QPalette &palette, Tone tone);
    /// WCAG 2 contrast ratio of two colours (1 to 21; 4.5 is the minimum for text).
    [[nodiscard]] static qreal contrast(const QColor &first, const QColor &second);
};

} // namespace Amiens
