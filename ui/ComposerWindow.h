#pragma once

#include "account/Account.h"
#include "cache/CachedMessage.h"
#include "compose/OutgoingMessage.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Amiens {

/// A new message or a reply, in plain text: De, À, Cc, Cci, Objet, the text, attached files and
/// "Demander un accusé de lecture". "Envoyer" writes the message to the account's outbox on disk
/// before anything else (so it survives a crash or no network) and then emits queued(); the
/// application's OutboxSender takes it from there.
class ComposerWindow : public QWidget
{
    Q_OBJECT
public:
    ComposerWindow(Account account, QString outboxDirectory, QWidget *parent = nullptr);

    /// Prepares an answer to @p original: "Re: " subject, sender as recipient, quoted text
    /// ("> "), In-Reply-To and References.
    void setReplyTo(const CachedMessage &original, const std::optional<QByteArray> &raw);
    /// Adds a file as an attachment; false (and a message) if it cannot be read.
    bool addAttachment(const QString &path);

    /// What the fields say now.
    [[nodiscard]] OutgoingMessage message() const;
    /// "Jean Martin <jean.martin@ac-amiens.fr>, b@c.fr; d@e.fr" as addresses.
    [[nodiscard]] static QList<MailAddress> parseAddresses(const QString &text);
    /// The original's text with "> " before each line, after an attribution line.
    [[nodiscard]] static QString quoted(const QString &text, const QString &author, const QDateTime &date);

    [[nodiscard]] QLineEdit *toField() const { return m_to; }
    [[nodiscard]] QLineEdit *ccField() const { return m_cc; }
    [[nodiscard]] QLineEdit *bccField() const { return m_bcc; }
    [[nodiscard]] QLineEdit *subjectField() const { return m_subject; }
    [[nodiscard]] QPlainTextEdit *bodyEdit() const { return m_body; }
    [[nodiscard]] QCheckBox *readReceiptBox() const { return m_readReceipt; }

public Q_SLOTS:
    /// Builds, writes to the outbox and closes; on error says why and stays open.
    bool send();

Q_SIGNALS:
    /// The message is safely in the outbox under @p outboxId.
    void queued(const QString &outboxId);

private:
    void chooseAttachments();
    void removeAttachment();
    void showError(const QString &text);

    Account m_account;
    QString m_outboxDirectory;
    QString m_inReplyTo;
    QStringList m_references;
    QList<OutgoingAttachment> m_attachments;
    QComboBox *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_bcc = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QListWidget *m_attachmentList = nullptr;
    QCheckBox *m_readReceipt = nullptr;
    QComboBox *m_priority = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Amiens
