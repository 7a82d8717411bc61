#include "ThemeColours.h"

#include <QPalette>
#include <QtMath>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QColor accent(ThemeColours::Tone tone)
{
    switch (tone) {
    case ThemeColours::Tone::Error:
        return QColor(0xdc, 0x35, 0x45);
    case ThemeColours::Tone::Warning:
        return QColor(0xff, 0xc1, 0x07);
    case ThemeColours::Tone::Information:
        break;
    }
    return QColor(0x17, 0xa2, 0xb8);
}

QColor mix(const QColor &base, const QColor &other, qreal amount)
{
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - amount) + other.redF() * amount),
                            static_cast<float>(base.greenF() * (1 - amount) + other.greenF() * amount),
                            static_cast<float>(base.blueF() * (1 - amount) + other.blueF() * amount));
}

qreal luminance(const QColor &colour)
{
    const auto channel = [](qreal value) {
        return value <= 0.04045 ? value / 12.92 : qPow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) +
           0.0722 * channel(colour.blueF());
}

} // namespace

QColor ThemeColours::background(const QPalette &palette, Tone tone)
{
    // A light tint on a light window, a dark one on a dark window: the palette's text stays
    // readable on it.
    return mix(palette.color(QPalette::Window), accent(tone), 0.2);
}

QColor ThemeColours::text(const QPalette &palette, Tone tone)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor textColour = palette.color(QPalette::WindowText);
    // The tone, moved towards the palette's own text colour until it reads well on the window.
    for (qreal amount = 0.0; amount <= 1.0; amount += 0.1) {
        const QColor candidate = mix(accent(tone), textColour, amount);
        if (contrast(candidate, window) >= 4.5)
            return candidate;
    }
    return textColour;
}

QString ThemeColours::textStyleSheet(const QPalette &palette, Tone tone)
{
    return u"color: %1;"_s.arg(text(palette, tone).name());
}

qreal ThemeColours::contrast(const QColor &first, const QColor &second)
{
    const qreal a = luminance(first) + 0.05;
    const qreal b = luminance(second) + 0.05;
    return a > b ? a / b : b / a;
}

} // namespace Amiens
