#include "UrlOpener.h"

#include <QDesktopServices>

namespace Amiens {

namespace {
UrlOpener::Handler &testHandler()
{
    static UrlOpener::Handler handler;
    return handler;
}
} // namespace

bool UrlOpener::open(const QUrl &url)
{
    if (!url.isValid())
        return false;
    if (testHandler()) {
        testHandler()(url);
        return true;
    }
    return QDesktopServices::openUrl(url);
}

void UrlOpener::setHandlerForTests(Handler handler)
{
    testHandler() = std::move(handler);
}

} // namespace Amiens
