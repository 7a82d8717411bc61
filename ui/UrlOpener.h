#pragma once

#include <QUrl>
#include <functional>

namespace Amiens {

/// Opens web pages (password reset, help) in the user's browser. Tests install a handler so
/// that nothing is launched and the URL can be checked.
class UrlOpener
{
public:
    using Handler = std::function<void(const QUrl &)>;

    static bool open(const QUrl &url);
    /// Replaces the browser for tests; an empty handler restores it.
    static void setHandlerForTests(Handler handler);
};

} // namespace Amiens
