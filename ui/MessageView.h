#pragma once

#include "cache/CachedMessage.h"
#include "mime/MessageContent.h"
#include "security/PhishingAnalyzer.h"

#include <QByteArray>
#include <QSet>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace Amiens {

class MessageBrowser;
class NotificationBanner;

/// One message: its headers, its body (plain text with links, or sanitised HTML), its
/// attachments, and the bars for blocked remote content and read-receipt requests.
class MessageView : public QWidget
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);

    /// Shows @p summary with its raw bytes (null when the body is not downloaded yet).
    /// @p ownFolder: Sent or Drafts, where the user's own mail is not checked for phishing.
    void showMessage(const CachedMessage &summary, const std::optional<QByteArray> &raw,
                     bool ownFolder = false);
    void clear();

    /// Senders whose remote content the user allowed (addresses, lower case).
    void setTrustedSenders(const QSet<QString> &addresses);
    /// The checks with the site's and the user's trusted domains and the colleagues of the cache.
    void setPhishingAnalyzer(const PhishingAnalyzer &analyzer) { m_analyzer = analyzer; }
    /// The account's private temporary folder (<profile>/tmp/<id-hex>), for opened attachments;
    /// without one, a fresh private folder under the system's temporary location.
    void setTemporaryDirectory(const QString &path) { m_temporaryDirectory = path; }
    /// The body widget, for tests that count the resources it asks for.
    [[nodiscard]] MessageBrowser *browser() const { return m_browser; }

    [[nodiscard]] QString bodyText() const;
    [[nodiscard]] bool remoteContentBlocked() const;
    [[nodiscard]] bool readReceiptRequested() const;
    /// The bar "Envoyer l'accusé" / "Ignorer" for the current message (the policy asks).
    void askReadReceipt();
    /// Says in the receipt bar that a receipt left (policy "toujours"), or hides the bar.
    void showReadReceiptSent(bool sent);
    /// A line under the header about receipts: "Accusé de lecture : … lu par …" for a
    /// received receipt, "Lu par … le …" for our message it answers; empty hides it.
    void setReceiptStatus(const QString &text);
    [[nodiscard]] QString receiptStatus() const;
    [[nodiscard]] NotificationBanner *receiptBar() const { return m_receiptBar; }
    /// The phishing warning codes shown for the current message.
    [[nodiscard]] QStringList warningCodes() const;
    [[nodiscard]] QListWidget *attachmentList() const { return m_attachments; }
    /// False while the attachments of a big message are still being read (the warnings follow).
    [[nodiscard]] bool isAnalysed() const { return m_analysed; }

    /// Above this many bytes of attachments, they are inspected on a worker thread.
    static constexpr qint64 kInlineInspectionBytes = 2 * 1024 * 1024;

    /// Saves attachment @p index to @p path; returns an error in French, empty on success.
    QString saveAttachment(int index, const QString &path) const;
    /// Writes attachment @p index to a private temporary folder and returns the file path. Refused,
    /// with the reason in @p error, when the file is a program or a script whatever its name, or a
    /// web page with a form or script (AttachmentInspector); saving it stays possible.
    QString writeAttachmentForOpening(int index, QString *error) const;

Q_SIGNALS:
    void linkActivated(const QUrl &url);
    /// "Toujours pour cet expéditeur": the owner stores it (settings).
    void senderTrusted(const QString &address);
    /// The user answered the read-receipt bar: @p send true for "Envoyer l'accusé".
    void readReceiptAnswered(bool send);

private:
    void render(bool allowRemote);
    /// Appends the next piece of a long body, then lets the event loop run before the following.
    void appendPendingPiece();
    void openAttachment();
    void saveAttachmentInteractive();

    /// The phishing checks' outcome for one message.
    struct Analysis
    {
        QList<AttachmentVerdict> verdicts;
        QList<MessageWarning> warnings;
    };
    [[nodiscard]] static Analysis analyse(const QByteArray &raw, const MessageContent &content,
                                          const MessageHeaders &headers, bool ownFolder,
                                          const PhishingAnalyzer &analyzer);
    /// Shows @p analysis if @p generation is still the message shown.
    void applyAnalysis(quint64 generation, const Analysis &analysis);

    QLabel *m_headers = nullptr;
    NotificationBanner *m_warningBar = nullptr;
    NotificationBanner *m_remoteBar = nullptr;
    NotificationBanner *m_receiptBar = nullptr;
    QLabel *m_receiptStatus = nullptr;
    MessageBrowser *m_browser = nullptr;
    QListWidget *m_attachments = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_openButton = nullptr;

    CachedMessage m_summary;
    QByteArray m_raw;
    MessageContent m_content;
    /// What each attachment is, for the list's warnings; empty in the user's own folders.
    QList<AttachmentVerdict> m_attachmentVerdicts;
    QSet<QString> m_trustedSenders;
    bool m_remoteBlocked = false;
    /// The pieces of a long body not laid out yet (SafeMessage::bodyHtmlPieces).
    QStringList m_pendingPieces;
    QStringList m_warningCodes;
    PhishingAnalyzer m_analyzer;
    QString m_temporaryDirectory;
    /// Counts the messages shown: an analysis finishing for an earlier one is dropped.
    quint64 m_analysisGeneration = 0;
    bool m_analysed = false;
};

} // namespace Amiens
