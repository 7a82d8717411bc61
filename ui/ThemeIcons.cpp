#include "ThemeIcons.h"

#include <QApplication>
#include <QHash>
#include <QString>

namespace Amiens {

QIcon ThemeIcons::themed(const QString &themeName, QStyle::StandardPixmap fallback)
{
    static QHash<QString, QIcon> made;
    const QString key = themeName + u'/' + QString::number(static_cast<int>(fallback));
    auto found = made.constFind(key);
    if (found == made.cend()) {
        // The fallback only when the theme lacks the icon: decoding it is the cost.
        found = made.insert(key, QIcon::hasThemeIcon(themeName) ? QIcon::fromTheme(themeName)
                                                                : standard(fallback));
    }
    return *found;
}

QIcon ThemeIcons::standard(QStyle::StandardPixmap pixmap)
{
    static QHash<int, QIcon> made;
    auto found = made.constFind(static_cast<int>(pixmap));
    if (found == made.cend())
        found = made.insert(static_cast<int>(pixmap), QApplication::style()->standardIcon(pixmap));
    return *found;
}

} // namespace Amiens
