#pragma once

#include <QIcon>
#include <QStyle>

class QString;

namespace Amiens {

/// Icons of the desktop's theme with the style's pixmap as fallback, made once per process. The
/// style decodes its fallback from PNG at every standardIcon() call: the models asked for it at
/// every data() call, a fifth of painting a page of the message list and 15 % of the time to the
/// window's first screen. Used from the GUI thread only.
class ThemeIcons
{
public:
    /// QIcon::fromTheme(@p themeName, the style's @p fallback).
    [[nodiscard]] static QIcon themed(const QString &themeName, QStyle::StandardPixmap fallback);
    /// The style's own icon @p pixmap.
    [[nodiscard]] static QIcon standard(QStyle::StandardPixmap pixmap);
};

} // namespace Amiens
