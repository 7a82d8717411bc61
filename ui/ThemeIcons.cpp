#include "ThemeIcons.h"

#include <QApplication>
#include <QHash>
#include <QString>
#include <utility>

namespace Amiens {

namespace {

struct MadeIcons
{
    QHash<std::pair<QString, int>, QIcon> themed; ///< by theme name and fallback
    QHash<int, QIcon> standard;
};

MadeIcons &madeIcons()
{
    // Released while the application still exists (its post routines run in its destructor),
    // not among the static destructors, after the icon engines' own globals may be gone.
    static MadeIcons made = [] {
        qAddPostRoutine([] {
            madeIcons().themed.clear();
            madeIcons().standard.clear();
        });
        return MadeIcons{};
    }();
    return made;
}

} // namespace

QIcon ThemeIcons::themed(const QString &themeName, QStyle::StandardPixmap fallback)
{
    QHash<std::pair<QString, int>, QIcon> &made = madeIcons().themed;
    const std::pair<QString, int> key(themeName, static_cast<int>(fallback));
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
    QHash<int, QIcon> &made = madeIcons().standard;
    auto found = made.constFind(static_cast<int>(pixmap));
    if (found == made.cend())
        found = made.insert(static_cast<int>(pixmap), QApplication::style()->standardIcon(pixmap));
    return *found;
}

} // namespace Amiens
