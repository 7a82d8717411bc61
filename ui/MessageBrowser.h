#pragma once

#include <QHash>
#include <QTextBrowser>

namespace Amiens {

/// The message body. QTextBrowser runs no script; on top of that it never loads anything from
/// the network: cid: images come from the message itself and every other resource is refused
/// (remote images were already removed by HtmlSanitizer unless the user allowed them, and then
/// they are shown as their alt text rather than fetched behind the user's back).
class MessageBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit MessageBrowser(QWidget *parent = nullptr);

    void setInlineImages(QHash<QString, QByteArray> images);
    /// How many resources were asked for and refused since the last setInlineImages().
    [[nodiscard]] int refusedResources() const { return m_refused; }

    QVariant loadResource(int type, const QUrl &url) override;

private:
    QHash<QString, QByteArray> m_images;
    int m_refused = 0;
};

} // namespace Amiens
