#include "MessageView.h"

#include "MessageBrowser.h"
#include "NotificationBanner.h"
#include "ThemeIcons.h"
#include "security/AttachmentInspector.h"
#include "security/AttachmentName.h"
#include "security/SafeMessage.h"
#include "util/PrivateFiles.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeDatabase>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QString addressList(const QList<MailAddress> &addresses)
{
    QStringList parts;
    for (const MailAddress &address : addresses)
        parts.append(address.toDisplayString().toHtmlEscaped());
    return parts.join(u", "_s);
}

} // namespace

MessageView::MessageView(QWidget *parent)
    : QWidget(parent)
    , m_headers(new QLabel(this))
    , m_warningBar(new NotificationBanner(this))
    , m_remoteBar(new NotificationBanner(this))
    , m_receiptBar(new NotificationBanner(this))
    , m_receiptStatus(new QLabel(this))
    , m_browser(new MessageBrowser(this))
    , m_attachments(new QListWidget(this))
    , m_saveButton(new QPushButton(tr("&Save…"), this))
    , m_openButton(new QPushButton(tr("&Open"), this))
{
    setObjectName(u"messageView"_s);
    m_headers->setTextFormat(Qt::RichText);
    m_headers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headers->setWordWrap(true);
    m_browser->setAccessibleName(tr("Message"));
    // F6 and a click on the view put the keyboard in the message's text.
    setFocusProxy(m_browser);
    m_browser->setPlaceholderText(tr("Select a message to read it."));
    m_attachments->setAccessibleName(tr("Attachments"));
    // Four or five names, whatever the user's font size.
    m_attachments->setMaximumHeight(m_attachments->fontMetrics().lineSpacing() * 5 +
                                    2 * m_attachments->frameWidth());

    auto *attachmentButtons = new QHBoxLayout;
    attachmentButtons->addWidget(m_saveButton);
    attachmentButtons->addWidget(m_openButton);
    attachmentButtons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_headers);
    layout->addWidget(m_receiptStatus);
    layout->addWidget(m_warningBar);
    layout->addWidget(m_remoteBar);
    layout->addWidget(m_receiptBar);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_attachments);
    layout->addLayout(attachmentButtons);

    connect(m_browser, &QTextBrowser::anchorClicked, this, &MessageView::linkActivated);
    connect(m_remoteBar, &NotificationBanner::linkActivated, this, [this](const QString &link) {
        if (link == "amiens:trust-sender"_L1) {
            const QString sender = m_summary.headers.from.address.toLower();
            m_trustedSenders.insert(sender);
            Q_EMIT senderTrusted(sender);
        }
        render(true);
    });
    m_receiptBar->setObjectName(u"receiptBar"_s);
    m_receiptStatus->setObjectName(u"receiptStatus"_s);
    m_receiptStatus->setTextFormat(Qt::PlainText);
    m_receiptStatus->setWordWrap(true);
    m_receiptStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_receiptBar, &NotificationBanner::linkActivated, this, [this](const QString &link) {
        if (link != "amiens:mdn-send"_L1 && link != "amiens:mdn-ignore"_L1)
            return;
        m_receiptBar->hide();
        Q_EMIT readReceiptAnswered(link == "amiens:mdn-send"_L1);
    });
    connect(m_saveButton, &QPushButton::clicked, this, &MessageView::saveAttachmentInteractive);
    connect(m_openButton, &QPushButton::clicked, this, &MessageView::openAttachment);
    clear();
}

void MessageView::setTrustedSenders(const QSet<QString> &addresses)
{
    m_trustedSenders = addresses;
}

MessageView::Analysis MessageView::analyse(const QByteArray &raw, const MessageContent &content,
                                           const MessageHeaders &headers, bool ownFolder,
                                           const PhishingAnalyzer &analyzer)
{
    PhishingAnalyzer::Input input = SafeMessage::analyzerInput(raw, content, ownFolder);
    input.headers = headers;
    return {input.attachments, analyzer.analyse(input)};
}

void MessageView::applyAnalysis(quint64 generation, const Analysis &analysis)
{
    if (generation != m_analysisGeneration)
        return; // another message is shown now
    m_attachmentVerdicts = analysis.verdicts;
    QStringList texts;
    // What the message model could not show (a limit reached, an encrypted part) comes first.
    for (const QString &notice : std::as_const(m_content.notices))
        texts.append(notice.toHtmlEscaped());
    for (const MessageWarning &warning : analysis.warnings) {
        m_warningCodes.append(warning.code);
        texts.append(warning.text.toHtmlEscaped());
    }
    // A mere "external sender" is a discreet note; anything more is a warning.
    if (!texts.isEmpty()) {
        const bool onlyExternal =
            m_content.notices.isEmpty() && m_warningCodes == QStringList{u"external-sender"_s};
        m_warningBar->showMessage(onlyExternal ? NotificationBanner::Level::Information
                                               : NotificationBanner::Level::Warning,
                                  texts.join(u"<br>"_s));
    }
    for (int index = 0; index < m_attachments->count() && index < m_attachmentVerdicts.size(); ++index) {
        const AttachmentVerdict &verdict = m_attachmentVerdicts.at(index);
        if (!verdict.isSuspicious())
            continue;
        QListWidgetItem *item = m_attachments->item(index);
        item->setIcon(ThemeIcons::standard(QStyle::SP_MessageBoxWarning));
        item->setData(Qt::AccessibleDescriptionRole, tr("Dangerous attachment"));
        const QString refusal = AttachmentInspector::openingRefusal(verdict);
        if (!refusal.isEmpty())
            item->setToolTip(item->toolTip() + u"<p>%1</p>"_s.arg(refusal.toHtmlEscaped()));
    }
    m_analysed = true;
}

void MessageView::clear()
{
    ++m_analysisGeneration;
    m_analysed = false;
    m_summary = CachedMessage();
    m_raw.clear();
    m_content = MessageContent();
    m_pendingPieces.clear();
    m_headers->clear();
    m_headers->hide();
    m_warningBar->hide();
    m_warningCodes.clear();
    m_attachmentVerdicts.clear();
    m_remoteBar->hide();
    m_receiptBar->hide();
    m_receiptStatus->clear();
    m_receiptStatus->hide();
    m_browser->clear();
    m_attachments->clear();
    m_attachments->hide();
    m_saveButton->hide();
    m_openButton->hide();
    m_remoteBlocked = false;
}

void MessageView::showMessage(const CachedMessage &summary, const std::optional<QByteArray> &raw,
                              bool ownFolder)
{
    clear();
    m_summary = summary;
    const MessageHeaders &headers = summary.headers;
    QString header = u"<table>"_s;
    const auto row = [&header](const QString &label, const QString &value) {
        if (!value.isEmpty())
            header += u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(label.toHtmlEscaped(), value);
    };
    row(tr("From:"), headers.from.toDisplayString().toHtmlEscaped());
    row(tr("To:"), addressList(headers.to));
    row(tr("Cc:"), addressList(headers.cc));
    row(tr("Date:"), QLocale().toString(headers.date.toLocalTime(), QLocale::LongFormat).toHtmlEscaped());
    row(tr("Subject:"), headers.subject.toHtmlEscaped());
    m_headers->setText(header + u"</table>"_s);
    m_headers->show();

    if (!raw) {
        m_browser->setHtml(u"<p><i>%1</i></p>"_s.arg(
            tr("This message has not been downloaded for offline reading yet. It will be shown once the "
               "connection is back.")
                .toHtmlEscaped()));
        return;
    }
    m_raw = *raw;
    m_content = MessageContent::parse(m_raw);
    m_browser->setInlineImages(m_content.inlineImages);
    render(m_trustedSenders.contains(headers.from.address.toLower()));

    qint64 attachmentBytes = 0;
    for (const AttachmentInfo &attachment : std::as_const(m_content.attachments)) {
        // Names come from the sender: plain text with its invisible characters shown ("<U+202E>"),
        // never markup (a tooltip renders rich text).
        const QString name = AttachmentName::visible(attachment.name);
        auto *item = new QListWidgetItem(
            tr("%1 (%2, %3)").arg(name, attachment.mimeType, QLocale().formattedDataSize(attachment.size)),
            m_attachments);
        item->setToolTip(u"<p>%1</p>"_s.arg(name.toHtmlEscaped()));
        attachmentBytes += attachment.size;
    }
    const quint64 generation = ++m_analysisGeneration;
    if (ownFolder || attachmentBytes <= kInlineInspectionBytes) {
        applyAnalysis(generation, analyse(m_raw, m_content, summary.headers, ownFolder, m_analyzer));
    } else {
        // Reading big attachments (a zip of photos is decoded and listed) takes a few hundred
        // milliseconds: the text shows at once and the warnings follow from a worker thread.
        // « Ouvrir » inspects the file again before opening it, so nothing opens unchecked.
        const QPointer<MessageView> view(this);
        QThreadPool::globalInstance()->start([view, generation, raw = m_raw, content = m_content,
                                              headers = summary.headers, analyzer = m_analyzer] {
            Analysis analysis = analyse(raw, content, headers, false, analyzer);
            QMetaObject::invokeMethod(
                qApp,
                [view, generation, analysis = std::move(analysis)] {
                    if (view)
                        view->applyAnalysis(generation, analysis);
                },
                Qt::QueuedConnection);
        });
    }

    const bool hasAttachments = !m_content.attachments.isEmpty();
    m_attachments->setVisible(hasAttachments);
    m_saveButton->setVisible(hasAttachments);
    m_openButton->setVisible(hasAttachments);
    if (hasAttachments)
        m_attachments->setCurrentRow(0);
}

void MessageView::render(bool allowRemote)
{
    // The same function the fuzzer and the CLI's checks go through (SafeMessage).
    int blocked = 0;
    // A long body is shown piece by piece: the first screen at once, the rest appended while the
    // user reads (Qt lays out a megabyte of text in about half a second).
    m_pendingPieces = SafeMessage::bodyHtmlPieces(m_content, allowRemote, &blocked);
    m_browser->setHtml(m_pendingPieces.takeFirst());
    if (!m_pendingPieces.isEmpty())
        QTimer::singleShot(0, this, &MessageView::appendPendingPiece);
    m_remoteBlocked = blocked > 0;
    if (m_remoteBlocked) {
        m_remoteBar->showMessage(
            NotificationBanner::Level::Warning,
            tr("Remote content was blocked to protect your privacy. <a href=\"amiens:show-remote\">Show "
               "remote "
               "content</a> · <a href=\"amiens:trust-sender\">Always for this sender</a>"));
    } else {
        m_remoteBar->hide();
    }
}

void MessageView::appendPendingPiece()
{
    if (m_pendingPieces.isEmpty())
        return;
    QTextCursor cursor(m_browser->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertBlock();
    cursor.insertHtml(m_pendingPieces.takeFirst());
    if (!m_pendingPieces.isEmpty())
        QTimer::singleShot(0, this, &MessageView::appendPendingPiece);
}

QString MessageView::bodyText() const
{
    return m_browser->toPlainText();
}

bool MessageView::remoteContentBlocked() const
{
    return m_remoteBlocked;
}

QStringList MessageView::warningCodes() const
{
    return m_warningCodes;
}

bool MessageView::readReceiptRequested() const
{
    return m_content.headers.requestsReadReceipt;
}

void MessageView::askReadReceipt()
{
    m_receiptBar->showMessage(
        NotificationBanner::Level::Information,
        tr("The sender asked for a read receipt.").toHtmlEscaped() + u" <a href=\"amiens:mdn-send\">"_s +
            tr("Send the receipt").toHtmlEscaped() + u"</a> · <a href=\"amiens:mdn-ignore\">"_s +
            tr("Ignore").toHtmlEscaped() + u"</a>"_s);
}

void MessageView::showReadReceiptSent(bool sent)
{
    if (!sent) {
        m_receiptBar->hide();
        return;
    }
    m_receiptBar->showMessage(NotificationBanner::Level::Information,
                              tr("A read receipt was sent, as your settings ask.").toHtmlEscaped());
}

void MessageView::setReceiptStatus(const QString &text)
{
    m_receiptStatus->setText(text);
    m_receiptStatus->setVisible(!text.isEmpty());
}

QString MessageView::receiptStatus() const
{
    return m_receiptStatus->text();
}

QString MessageView::saveAttachment(int index, const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !MessageContent::writeAttachment(m_raw, index, file) ||
        !file.commit())
        return tr("The attachment could not be saved as %1: %2")
            .arg(QFileInfo(path).fileName(), file.errorString());
    return {};
}

QString MessageView::writeAttachmentForOpening(int index, QString *error) const
{
    if (index < 0 || index >= m_content.attachments.size())
        return {};
    const AttachmentInfo &attachment = m_content.attachments.at(index);
    // Judged on what the file is (its bytes, its name as the system reads it), not on how it is
    // called, and in every folder.
    const AttachmentVerdict verdict =
        AttachmentInspector::inspect(attachment, MessageContent::attachmentData(m_raw, index));
    const QString refusal = AttachmentInspector::openingRefusal(verdict);
    if (!refusal.isEmpty()) {
        *error = refusal;
        return {};
    }
    const QString name = AttachmentName::fileName(attachment.name);
    // A private folder: other users of the computer cannot read or replace the file. Never a
    // guessable name in the shared /tmp, which another user could create first.
    QString base = m_temporaryDirectory;
    if (base.isEmpty()) {
        QTemporaryDir fresh(QDir::tempPath() + u"/amiens-mail-XXXXXX"_s);
        fresh.setAutoRemove(false);
        base = fresh.path();
    }
    const QString folder = base + u'/' + QString::number(m_summary.rowId);
    if (base.isEmpty() || !PrivateFiles::makeFolder(base) || !PrivateFiles::makeFolder(folder)) {
        *error = tr("No private folder could be created to open %1.").arg(name);
        return {};
    }
    const QString path = folder + u'/' + name;
    const QString failure = saveAttachment(index, path);
    if (!failure.isEmpty()) {
        *error = failure;
        return {};
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void MessageView::saveAttachmentInteractive()
{
    const int index = m_attachments->currentRow();
    if (index < 0 || index >= m_content.attachments.size())
        return;
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the attachment"),
        downloads + u'/' + AttachmentName::fileName(m_content.attachments.at(index).name));
    if (path.isEmpty())
        return;
    const QString error = saveAttachment(index, path);
    if (!error.isEmpty())
        m_receiptBar->showMessage(NotificationBanner::Level::Error, error.toHtmlEscaped());
}

void MessageView::openAttachment()
{
    QString error;
    const QString path = writeAttachmentForOpening(m_attachments->currentRow(), &error);
    if (path.isEmpty()) {
        // The error names the file, and the sender chose the name: escaped, so that a name
        // holding <a href="amiens:mdn-send"> is no link in the bar that sends read receipts.
        if (!error.isEmpty())
            m_receiptBar->showMessage(NotificationBanner::Level::Warning, error.toHtmlEscaped());
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

} // namespace Amiens
