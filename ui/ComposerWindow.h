#pragma once

#include "account/Account.h"
#include "cache/CachedMessage.h"
#include "compose/OutgoingMessage.h"
#include "compose/PreparedResponse.h"
#include "compose/SignaturePlacement.h"
#include "drafts/Draft.h"
#include "identity/SenderIdentity.h"
#include "identity/SignatureStore.h"

#include <QWidget>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QMimeData;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextDocument;
class QTextEdit;
class QToolBar;

namespace Amiens {

class AddressCompleter;
class DraftSession;

/// A new message, a reply, a reply to all or a forward, in plain or rich text: De, À, Cc, Cci,
/// Objet, the text with the identity's signature, attached files (button or drag and drop) and
/// "Demander un accusé de lecture". The message is autosaved as a local draft every few seconds
/// while it changes. "Envoyer" writes it to the account's outbox on disk before anything else
/// (so it survives a crash or no network), deletes the draft and emits queued(); the
/// application's OutboxSender takes it from there.
class ComposerWindow : public QWidget
{
    Q_OBJECT
public:
    /// Attachments above this total warn when the server's SIZE limit is unknown: Postfix's
    /// default message_size_limit, which the academy's relays keep.
    static constexpr qint64 kDefaultSizeLimit = 10240000;

    ComposerWindow(Account account, QString outboxDirectory, QWidget *parent = nullptr);
    ~ComposerWindow() override;

    /// Takes the profile's signatures, read-receipt policy, drafts folder and the server's size
    /// limit. Call before setReplyTo() & co. (they also work without).
    void useProfile(const QString &profileDirectory);
    void setSignatureStore(const SignatureStore &store);
    void setRequestReadReceiptByDefault(bool request);
    /// Drafts are saved there; without one nothing is autosaved.
    void setDraftDirectory(const QString &directory);
    /// The SMTP server's SIZE (bytes), when known; 0: kDefaultSizeLimit.
    void setSizeLimit(qint64 bytes);
    /// Addresses offered while typing in À, Cc and Cci.
    void setKnownAddresses(const QStringList &addresses);

    /// « De » offers every identity of @p accounts (SenderIdentity::all), whose outboxes are in
    /// @p profileDirectory; the composer's own account stays selected.
    void setIdentities(const QList<Account> &accounts, const QString &profileDirectory);
    /// Sends as @p identity: its account's outbox (so its server and its Sent folder) and, while
    /// the user has not edited the one inserted, its signature. False for an unknown identity.
    bool selectIdentity(const SenderIdentity &identity);
    /// The account the message goes out through.
    [[nodiscard]] const Account &sendingAccount() const { return m_account; }
    [[nodiscard]] MailAddress fromAddress() const { return m_fromAddress; }

    /// Prepares an answer to @p original: "Re: " subject, sender as recipient, quoted text
    /// ("> "), In-Reply-To and References.
    void setReplyTo(const CachedMessage &original, const std::optional<QByteArray> &raw);
    /// The same, to the sender and every recipient except our own addresses.
    void setReplyAllTo(const CachedMessage &original, const std::optional<QByteArray> &raw);
    /// "Tr: " subject, the original under a header block, its attachments (from @p raw).
    void setForwardOf(const CachedMessage &original, const std::optional<QByteArray> &raw);
    /// Reopens a saved draft as it was.
    void openDraft(const Draft &draft);
    /// Adds a file as an attachment; false (and a message) if it cannot be read.
    bool addAttachment(const QString &path);
    void addAttachment(const OutgoingAttachment &attachment);

    /// What the fields say now.
    [[nodiscard]] OutgoingMessage message() const;
    /// The draft as it would be saved now.
    [[nodiscard]] Draft draft() const;
    [[nodiscard]] QString draftId() const;
    /// Total of the attachments as they will travel (base64 makes them a third bigger).
    [[nodiscard]] qint64 encodedAttachmentSize() const;
    [[nodiscard]] qint64 sizeLimit() const;

    [[nodiscard]] QLineEdit *toField() const { return m_to; }
    [[nodiscard]] QLineEdit *ccField() const { return m_cc; }
    [[nodiscard]] QLineEdit *bccField() const { return m_bcc; }
    [[nodiscard]] QLineEdit *subjectField() const { return m_subject; }
    [[nodiscard]] QPlainTextEdit *bodyEdit() const { return m_body; }
    [[nodiscard]] QTextEdit *richBodyEdit() const { return m_richBody; }
    [[nodiscard]] QCheckBox *readReceiptBox() const { return m_readReceipt; }
    [[nodiscard]] QComboBox *signatureBox() const { return m_signatureBox; }
    [[nodiscard]] QAction *richTextAction() const { return m_richTextAction; }
    [[nodiscard]] QLabel *sizeWarning() const { return m_sizeWarning; }
    [[nodiscard]] AddressCompleter *addressCompleter() const { return m_completers.value(0); }
    [[nodiscard]] bool isRichText() const;
    /// The body's text, whichever editor is shown.
    [[nodiscard]] QString bodyText() const;

public Q_SLOTS:
    /// Builds, writes to the outbox, deletes the draft and closes; on error says why and stays open.
    bool send();
    /// Saves the draft now if anything changed since the last save; false only on a disk error.
    bool saveDraft();
    /// Deletes the draft (here and, through draftRemoved(), on the server) and closes.
    void discardDraft();
    /// Switches between plain and rich text, keeping the text.
    void setRichText(bool rich);
    /// Inserts the signature @p id of the identity (empty: none) in place of the inserted one.
    void setSignature(const QString &id);
    /// Turns the selection (or, without one, the inserted address) into a link; http, https and
    /// mailto only. Switches to rich text.
    void makeLink(const QString &url);

Q_SIGNALS:
    /// The message is safely in the outbox under @p outboxId.
    void queued(const QString &outboxId);
    /// The draft was written to disk (its server copy may follow); @p closing: the window closes.
    void draftSaved(const QString &draftId, bool closing);
    /// The draft was deleted (sent, thrown away, or moved to another account's drafts when « De »
    /// changed): @p accountId's server copy should go.
    void draftRemoved(const QString &draftId, const QString &accountId);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseAttachments();
    void removeAttachment();
    void refreshAttachmentSummary();
    void showError(const QString &text);
    /// Fills the fields with a reply or a forward prepared by the core (ReplyBuilder::prepare).
    void applyResponse(const PreparedResponse &response);
    void fillSignatureBox();
    void insertDefaultSignature();
    /// A fingerprint of what the fields say, for the draft session to notice changes.
    [[nodiscard]] QByteArray state() const;
    /// The fields and the message as a draft, before the session adds its id and revision.
    [[nodiscard]] Draft fields() const;
    [[nodiscard]] QTextDocument *document() const;
    [[nodiscard]] QStringList ownAddresses() const;
    bool acceptsDrop(const QMimeData *mime) const;
    void buildFormatToolBar();

    void onFromChanged(int index);

    Account m_account;
    MailAddress m_fromAddress;
    QList<Account> m_accounts;          ///< every account « De » may choose from
    QList<SenderIdentity> m_identities; ///< in « De »'s order
    QString m_profileDirectory;
    QString m_outboxDirectory;
    QString m_inReplyTo;
    QStringList m_references;
    QList<OutgoingAttachment> m_attachments;
    SignaturePlacement m_signature;
    DraftSession *m_draft = nullptr;
    qint64 m_sizeLimit = 0;
    QComboBox *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_bcc = nullptr;
    QLineEdit *m_subject = nullptr;
    QStackedWidget *m_bodies = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QTextEdit *m_richBody = nullptr;
    QToolBar *m_formatBar = nullptr;
    QAction *m_richTextAction = nullptr;
    QComboBox *m_signatureBox = nullptr;
    QListWidget *m_attachmentList = nullptr;
    QLabel *m_attachmentTotal = nullptr;
    QLabel *m_sizeWarning = nullptr;
    QCheckBox *m_readReceipt = nullptr;
    QComboBox *m_priority = nullptr;
    QLabel *m_error = nullptr;
    QList<AddressCompleter *> m_completers; ///< one per address field: To, Cc, Bcc
};

} // namespace Amiens
