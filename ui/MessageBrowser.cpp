#include "MessageBrowser.h"

#include <QImage>
#include <QTextDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Amiens {

MessageBrowser::MessageBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    // Read-only: an undo history would only keep a second copy of each long body appended in
    // pieces (MessageView).
    setUndoRedoEnabled(false);
}

void MessageBrowser::setInlineImages(QHash<QString, QByteArray> images)
{
    m_images = std::move(images);
    m_refused = 0;
}

QVariant MessageBrowser::loadResource(int type, const QUrl &url)
{
    if (url.scheme() == "cid"_L1) {
        const auto it = m_images.constFind(url.path());
        if (it != m_images.cend() && type == QTextDocument::ImageResource) {
            QImage image;
            if (image.loadFromData(*it))
                return image;
        }
        return {};
    }
    if (url.scheme() == "data"_L1)
        return QTextBrowser::loadResource(type, url);
    ++m_refused;
    return {};
}

} // namespace Amiens
