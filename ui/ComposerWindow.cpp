#include "ComposerWindow.h"

#include "AccessibleNames.h"
#include "AddressCompleter.h"
#include "ThemeColours.h"
#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "compose/MessageBuilder.h"
#include "compose/ReplyBuilder.h"
#include "drafts/DraftSession.h"
#include "mime/AddressListParser.h"
#include "mime/MessageContent.h"
#include "outbox/Outbox.h"
#include "settings/ReadReceiptPolicy.h"
#include "smtp/SmtpSizeLimit.h"
#include "util/Clock.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDataStream>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextList>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

ComposerWindow::ComposerWindow(Account account, QString outboxDirectory, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_account(std::move(account))
    , m_fromAddress{m_account.realName, m_account.address}
    , m_outboxDirectory(std::move(outboxDirectory))
    , m_signature(m_account.address)
{
    setWindowTitle(tr("New message"));
    setObjectName(u"composerWindow"_s);
    resize(760, 600);

    m_from = new QComboBox(this);
    m_from->setObjectName(u"fromField"_s);
    m_from->addItem(m_fromAddress.toDisplayString());
    m_from->setAccessibleName(tr("From"));
    connect(m_from, &QComboBox::currentIndexChanged, this, &ComposerWindow::onFromChanged);
    m_to = new QLineEdit(this);
    m_to->setObjectName(u"toField"_s);
    m_cc = new QLineEdit(this);
    m_cc->setObjectName(u"ccField"_s);
    m_bcc = new QLineEdit(this);
    m_bcc->setObjectName(u"bccField"_s);
    m_subject = new QLineEdit(this);
    m_subject->setObjectName(u"subjectField"_s);
    for (QLineEdit *field : {m_to, m_cc, m_bcc}) {
        field->setPlaceholderText(tr("Addresses separated by commas"));
        auto *completer = new AddressCompleter(field);
        field->setCompleter(completer);
        m_completers.append(completer);
    }
    connect(m_subject, &QLineEdit::textChanged, this, [this](const QString &text) {
        setWindowTitle(text.trimmed().isEmpty() ? tr("New message") : text.trimmed());
    });

    m_signatureBox = new QComboBox(this);
    m_signatureBox->setObjectName(u"signatureBox"_s);
    connect(m_signatureBox, &QComboBox::activated, this,
            [this](int index) { setSignature(m_signatureBox->itemData(index).toString()); });
    fillSignatureBox();
    auto *fromRow = new QHBoxLayout;
    fromRow->addWidget(m_from, 1);
    fromRow->addWidget(new QLabel(tr("Si&gnature:"), this));
    fromRow->addWidget(m_signatureBox);
    qobject_cast<QLabel *>(fromRow->itemAt(1)->widget())->setBuddy(m_signatureBox);
    // Tab goes along the From row (identity, then its signature) before the recipients.
    setTabOrder(m_from, m_signatureBox);
    setTabOrder(m_signatureBox, m_to);

    auto *form = new QFormLayout;
    // The field is a layout: QFormLayout gives its label no buddy, and the '&' would show as is.
    auto *fromLabel = new QLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_from);
    form->addRow(fromLabel, fromRow);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("&Cc:"), m_cc);
    form->addRow(tr("&Bcc:"), m_bcc);
    form->addRow(tr("&Subject:"), m_subject);

    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(u"bodyEdit"_s);
    m_body->setAccessibleName(tr("Message text"));
    m_richBody = new QTextEdit(this);
    m_richBody->setObjectName(u"richBodyEdit"_s);
    m_richBody->setAccessibleName(tr("Message text"));
    m_richBody->setAccessibleDescription(tr("Formatted text: the formatting tool bar is above it"));
    m_richBody->setAcceptRichText(true);
    m_bodies = new QStackedWidget(this);
    m_bodies->addWidget(m_body);
    m_bodies->addWidget(m_richBody);
    buildFormatToolBar();
    // Files dropped on the text become attachments instead of being pasted as their path.
    installEventFilter(this);
    m_body->viewport()->installEventFilter(this);
    m_richBody->viewport()->installEventFilter(this);
    setAcceptDrops(true);

    m_attachmentList = new QListWidget(this);
    m_attachmentList->setObjectName(u"attachmentList"_s);
    m_attachmentList->setAccessibleName(tr("Attachments"));
    // Four or five names, whatever the user's font size.
    m_attachmentList->setMaximumHeight(m_attachmentList->fontMetrics().lineSpacing() * 5 +
                                       2 * m_attachmentList->frameWidth());
    m_attachmentList->hide();
    m_attachmentTotal = new QLabel(this);
    m_attachmentTotal->setObjectName(u"attachmentTotal"_s);
    m_attachmentTotal->hide();
    m_sizeWarning = new QLabel(this);
    m_sizeWarning->setObjectName(u"sizeWarning"_s);
    m_sizeWarning->setWordWrap(true);
    m_sizeWarning->setStyleSheet(
        ThemeColours::textStyleSheet(m_sizeWarning->palette(), ThemeColours::Tone::Warning));
    m_sizeWarning->hide();
    auto *attach = new QPushButton(tr("&Attach files…"), this);
    attach->setObjectName(u"attachButton"_s);
    connect(attach, &QPushButton::clicked, this, &ComposerWindow::chooseAttachments);
    auto *detach = new QPushButton(tr("&Remove attachment"), this);
    detach->setObjectName(u"removeAttachmentButton"_s);
    connect(detach, &QPushButton::clicked, this, &ComposerWindow::removeAttachment);

    m_readReceipt = new QCheckBox(tr("Request a read &receipt"), this);
    m_readReceipt->setObjectName(u"readReceiptBox"_s);
    m_priority = new QComboBox(this);
    m_priority->setObjectName(u"priorityBox"_s);
    m_priority->setAccessibleName(tr("Priority"));
    m_priority->addItem(tr("Normal priority"), static_cast<int>(OutgoingMessage::Priority::Normal));
    m_priority->addItem(tr("High priority"), static_cast<int>(OutgoingMessage::Priority::High));
    m_priority->addItem(tr("Low priority"), static_cast<int>(OutgoingMessage::Priority::Low));

    auto *options = new QHBoxLayout;
    options->addWidget(attach);
    options->addWidget(detach);
    options->addWidget(m_attachmentTotal);
    options->addStretch();
    options->addWidget(m_readReceipt);
    options->addWidget(m_priority);

    m_error = new QLabel(this);
    m_error->setObjectName(u"composerError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(ThemeColours::textStyleSheet(m_error->palette(), ThemeColours::Tone::Error));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *sendButton = buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    sendButton->setObjectName(u"sendButton"_s);
    sendButton->setShortcut(QKeySequence(u"Ctrl+Return"_s));
    QPushButton *saveButton = buttons->addButton(tr("Save &draft"), QDialogButtonBox::ActionRole);
    saveButton->setObjectName(u"saveDraftButton"_s);
    saveButton->setShortcut(QKeySequence::Save);
    connect(saveButton, &QPushButton::clicked, this, [this] {
        QString error;
        if (!m_draft->saveNow(&error))
            showError(error);
    });
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ComposerWindow::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &QWidget::close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_formatBar);
    layout->addWidget(m_bodies, 1);
    layout->addWidget(m_attachmentList);
    layout->addLayout(options);
    layout->addWidget(m_sizeWarning);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    m_draft = new DraftSession(
        m_account.address, [this] { return state(); }, [this] { return fields(); }, this);
    connect(m_draft, &DraftSession::saved, this, &ComposerWindow::draftSaved);
    // Whose Drafts folder must lose it: the account it was saved for (« De » may change it).
    connect(m_draft, &DraftSession::removed, this,
            [this](const QString &draftId) { Q_EMIT draftRemoved(draftId, m_account.id); });
    connect(m_draft, &DraftSession::autosaveFailed, this, &ComposerWindow::showError);

    if (!m_outboxDirectory.isEmpty())
        m_sizeLimit = SmtpSizeLimit::load(m_outboxDirectory);
    m_draft->markPristine();
    // A new message starts with its recipients (not with « De », first in the tab order).
    m_to->setFocus(Qt::OtherFocusReason);
}

ComposerWindow::~ComposerWindow()
{
    // Here, while the fields still exist: destroyed without being closed (the application quits).
    m_draft->saveUnlessFinished();
}

QString ComposerWindow::draftId() const
{
    return m_draft->draftId();
}

void ComposerWindow::buildFormatToolBar()
{
    m_formatBar = new QToolBar(this);
    m_formatBar->setObjectName(u"formatToolBar"_s);
    m_formatBar->setWindowTitle(tr("Formatting")); // its accessible name
    AccessibleNames::nameExtensionButton(m_formatBar);
    m_richTextAction = m_formatBar->addAction(tr("Rich text"));
    m_richTextAction->setObjectName(u"richTextAction"_s);
    m_richTextAction->setCheckable(true);
    m_richTextAction->setToolTip(tr("Bold, italic, lists and links; sent with a plain-text version"));
    connect(m_richTextAction, &QAction::toggled, this, &ComposerWindow::setRichText);
    m_formatBar->addSeparator();

    QList<QAction *> formatting;
    QAction *bold = m_formatBar->addAction(tr("Bold"));
    bold->setObjectName(u"boldAction"_s);
    bold->setShortcut(QKeySequence::Bold);
    bold->setCheckable(true);
    QFont boldFont = bold->font();
    boldFont.setBold(true);
    bold->setFont(boldFont);
    connect(bold, &QAction::triggered, this, [this](bool on) {
        QTextCharFormat format;
        format.setFontWeight(on ? QFont::Bold : QFont::Normal);
        m_richBody->mergeCurrentCharFormat(format);
    });
    QAction *italic = m_formatBar->addAction(tr("Italic"));
    italic->setObjectName(u"italicAction"_s);
    italic->setShortcut(QKeySequence::Italic);
    italic->setCheckable(true);
    QFont italicFont = italic->font();
    italicFont.setItalic(true);
    italic->setFont(italicFont);
    connect(italic, &QAction::triggered, this, [this](bool on) {
        QTextCharFormat format;
        format.setFontItalic(on);
        m_richBody->mergeCurrentCharFormat(format);
    });
    connect(m_richBody, &QTextEdit::currentCharFormatChanged, this,
            [bold, italic](const QTextCharFormat &format) {
                bold->setChecked(format.fontWeight() >= QFont::Bold);
                italic->setChecked(format.fontItalic());
            });
    const auto listAction = [this](const QString &name, const QString &text, QTextListFormat::Style style) {
        QAction *action = m_formatBar->addAction(text);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, [this, style] {
            QTextCursor cursor = m_richBody->textCursor();
            if (QTextList *list = cursor.currentList(); list && list->format().style() == style) {
                // The same button again ends the list for this paragraph.
                list->remove(cursor.block());
                QTextBlockFormat plain = cursor.blockFormat();
                plain.setIndent(0);
                cursor.setBlockFormat(plain);
                return;
            }
            cursor.createList(style);
        });
        return action;
    };
    QAction *bullets = listAction(u"bulletListAction"_s, tr("• List"), QTextListFormat::ListDisc);
    QAction *numbers = listAction(u"numberedListAction"_s, tr("1. List"), QTextListFormat::ListDecimal);
    QAction *link = m_formatBar->addAction(tr("Link…"));
    link->setObjectName(u"linkAction"_s);
    link->setShortcut(QKeySequence(u"Ctrl+K"_s));
    connect(link, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString url = QInputDialog::getText(this, tr("Insert a link"), tr("Address of the link:"),
                                                  QLineEdit::Normal, u"https://"_s, &ok);
        if (ok)
            makeLink(url);
    });
    formatting = {bold, italic, bullets, numbers, link};
    for (QAction *action : std::as_const(formatting))
        action->setEnabled(false);
    connect(m_richTextAction, &QAction::toggled, this, [formatting](bool on) {
        for (QAction *action : formatting)
            action->setEnabled(on);
    });
}

void ComposerWindow::makeLink(const QString &url)
{
    const QUrl target = QUrl::fromUserInput(url.trimmed());
    // Only links a reader can follow safely; "javascript:" and the like are dropped.
    if (!target.isValid() || !QStringList{u"http"_s, u"https"_s, u"mailto"_s}.contains(target.scheme()))
        return;
    if (!isRichText())
        setRichText(true);
    QTextCursor cursor = m_richBody->textCursor();
    QTextCharFormat format;
    format.setAnchor(true);
    format.setAnchorHref(target.toString());
    format.setForeground(QColor(0x1a, 0x55, 0xb0));
    format.setFontUnderline(true);
    if (cursor.hasSelection()) {
        cursor.mergeCharFormat(format);
    } else {
        cursor.insertText(target.toString(), format);
        cursor.setCharFormat(QTextCharFormat());
    }
    m_richBody->setTextCursor(cursor);
}

bool ComposerWindow::isRichText() const
{
    return m_bodies->currentWidget() == m_richBody;
}

QTextDocument *ComposerWindow::document() const
{
    return isRichText() ? m_richBody->document() : m_body->document();
}

QString ComposerWindow::bodyText() const
{
    return document()->toPlainText();
}

void ComposerWindow::setRichText(bool rich)
{
    if (rich != m_richTextAction->isChecked()) {
        m_richTextAction->setChecked(rich); // comes back here through toggled()
        return;
    }
    if (rich == isRichText())
        return;
    if (rich) {
        m_richBody->setPlainText(m_body->toPlainText());
        m_bodies->setCurrentWidget(m_richBody);
        m_richBody->setFocus();
    } else {
        m_body->setPlainText(m_richBody->toPlainText());
        m_bodies->setCurrentWidget(m_body);
        m_body->setFocus();
    }
}

void ComposerWindow::useProfile(const QString &profileDirectory)
{
    const Profile profile(profileDirectory);
    SignatureStore store(profile);
    QString error;
    if (store.load(&error))
        setSignatureStore(store);
    else
        showError(error);
    setRequestReadReceiptByDefault(ReadReceiptPolicy::load(profile, m_account.id).alwaysRequest);
    setDraftDirectory(AccountPaths(profileDirectory, m_account.id).draftsDirectory());
}

void ComposerWindow::setIdentities(const QList<Account> &accounts, const QString &profileDirectory)
{
    m_accounts = accounts;
    m_profileDirectory = profileDirectory;
    m_identities = SenderIdentity::all(accounts);
    const QSignalBlocker blocker(m_from);
    m_from->clear();
    int current = -1;
    for (qsizetype i = 0; i < m_identities.size(); ++i) {
        const SenderIdentity &identity = m_identities.at(i);
        m_from->addItem(identity.from().toDisplayString());
        if (current < 0 && identity.accountId() == m_account.id &&
            identity.from().address.compare(m_fromAddress.address, Qt::CaseInsensitive) == 0)
            current = static_cast<int>(i);
    }
    if (current < 0) {
        // Not among the profile's identities (tests, an account being removed): kept as it is.
        m_identities.prepend(SenderIdentity(m_account.id, m_fromAddress));
        m_from->insertItem(0, m_fromAddress.toDisplayString());
        current = 0;
    }
    m_from->setCurrentIndex(current);
}

bool ComposerWindow::selectIdentity(const SenderIdentity &identity)
{
    for (qsizetype i = 0; i < m_identities.size(); ++i) {
        const SenderIdentity &candidate = m_identities.at(i);
        if (candidate.accountId() == identity.accountId() &&
            candidate.from().address.compare(identity.from().address, Qt::CaseInsensitive) == 0) {
            if (m_from->currentIndex() == i)
                onFromChanged(static_cast<int>(i));
            else
                m_from->setCurrentIndex(static_cast<int>(i));
            return true;
        }
    }
    return false;
}

void ComposerWindow::onFromChanged(int index)
{
    if (index < 0 || index >= m_identities.size())
        return;
    const SenderIdentity &identity = m_identities.at(index);
    bool movesDraft = false;
    for (const Account &account : std::as_const(m_accounts)) {
        if (account.id != identity.accountId())
            continue;
        if (account.id != m_account.id) {
            // The draft follows: it leaves this account's drafts (before m_account changes, so
            // that draftRemoved() names it) and is saved among the new account's.
            movesDraft = !m_profileDirectory.isEmpty();
            if (movesDraft)
                m_draft->moveTo(AccountPaths(m_profileDirectory, account.id).draftsDirectory());
            // Its own outbox: its server sends it and files the Sent copy in its Sent folder.
            m_account = account;
            m_outboxDirectory = AccountPaths(m_profileDirectory, account.id).outboxDirectory();
            m_sizeLimit = SmtpSizeLimit::load(m_outboxDirectory);
            refreshAttachmentSummary();
        }
        break;
    }
    m_fromAddress = identity.from();
    // The signature follows the sender, unless the user has made the inserted one theirs.
    const bool intact =
        m_signature.inserted().isEmpty() || m_signature.insertedIsIntact(document()->toPlainText());
    m_signature.setIdentity(m_fromAddress.address);
    fillSignatureBox();
    if (intact)
        setSignature(m_signature.defaultSignatureId().value_or(QString()));
    if (movesDraft)
        saveDraft(); // from the new address, with its signature
}

void ComposerWindow::setSignatureStore(const SignatureStore &store)
{
    m_signature.setStore(store);
    fillSignatureBox();
    insertDefaultSignature();
    m_draft->markPristine();
}

void ComposerWindow::setRequestReadReceiptByDefault(bool request)
{
    m_readReceipt->setChecked(request);
    m_draft->markPristine();
}

void ComposerWindow::setDraftDirectory(const QString &directory)
{
    m_draft->setDirectory(directory);
}

void ComposerWindow::setSizeLimit(qint64 bytes)
{
    m_sizeLimit = bytes;
    refreshAttachmentSummary();
}

qint64 ComposerWindow::sizeLimit() const
{
    return m_sizeLimit > 0 ? m_sizeLimit : kDefaultSizeLimit;
}

void ComposerWindow::setKnownAddresses(const QStringList &addresses)
{
    for (AddressCompleter *completer : std::as_const(m_completers))
        completer->setAddresses(addresses);
}

QStringList ComposerWindow::ownAddresses() const
{
    QStringList own{m_account.address};
    if (m_signature.store())
        own += m_signature.store()->identities();
    return own;
}

void ComposerWindow::fillSignatureBox()
{
    const QSignalBlocker blocker(m_signatureBox);
    m_signatureBox->clear();
    m_signatureBox->addItem(tr("No signature"), QString());
    for (const Signature &signature : m_signature.signatures())
        m_signatureBox->addItem(signature.name, signature.id);
    m_signatureBox->setCurrentIndex(std::max(0, m_signatureBox->findData(m_signature.currentId())));
}

void ComposerWindow::insertDefaultSignature()
{
    if (const auto id = m_signature.defaultSignatureId())
        setSignature(*id);
}

void ComposerWindow::setSignature(const QString &id)
{
    QTextDocument *doc = document();
    const SignaturePlacement::Edit edit = m_signature.change(doc->toPlainText(), id);
    {
        const QSignalBlocker blocker(m_signatureBox);
        m_signatureBox->setCurrentIndex(std::max(0, m_signatureBox->findData(m_signature.currentId())));
    }
    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    if (edit.removeLength > 0) {
        cursor.setPosition(static_cast<int>(edit.removeAt));
        cursor.setPosition(static_cast<int>(edit.removeAt + edit.removeLength), QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    }
    if (edit.signature) {
        cursor.setPosition(static_cast<int>(edit.insertAt));
        if (!edit.after.isEmpty()) {
            cursor.insertText(edit.after);
            cursor.setPosition(static_cast<int>(edit.insertAt));
        }
        if (!edit.before.isEmpty())
            cursor.insertText(edit.before);
        const int start = cursor.position();
        if (isRichText())
            cursor.insertHtml(SignatureStore::htmlBlock(*edit.signature));
        else
            cursor.insertText(SignatureStore::plainTextBlock(*edit.signature));
        m_signature.setInserted(doc->toPlainText().mid(start, cursor.position() - start));
    }
    cursor.endEditBlock();
    if (edit.cursorToStart) {
        if (isRichText())
            m_richBody->moveCursor(QTextCursor::Start);
        else
            m_body->moveCursor(QTextCursor::Start);
    }
}

namespace {

QString joinAddresses(const QList<MailAddress> &addresses)
{
    QStringList parts;
    for (const MailAddress &address : addresses)
        parts.append(address.toDisplayString());
    return parts.join(u", "_s);
}

} // namespace

void ComposerWindow::applyResponse(const PreparedResponse &response)
{
    m_signature.setAnswer(true);
    m_to->setText(joinAddresses(response.to));
    m_cc->setText(joinAddresses(response.cc));
    m_subject->setText(response.subject);
    m_inReplyTo = response.inReplyTo;
    m_references = response.references;
    m_signature.setQuote(response.quote);
    m_signature.forgetInserted();
    if (isRichText())
        m_richBody->setPlainText(response.body);
    else
        m_body->setPlainText(response.body);
    for (const OutgoingAttachment &attachment : response.attachments)
        addAttachment(attachment);
    if (response.attachmentsMissing)
        showError(tr("The original message is not downloaded yet, so its attachments are not included. "
                     "Synchronise, then forward it again."));
    insertDefaultSignature();
    if (isRichText())
        m_richBody->moveCursor(QTextCursor::Start);
    else
        m_body->moveCursor(QTextCursor::Start);
    // A reply is typed at once; a forward needs its recipients first.
    QWidget *start = response.kind == PreparedResponse::Kind::Forward ? static_cast<QWidget *>(m_to)
                     : isRichText()                                   ? static_cast<QWidget *>(m_richBody)
                                                                      : static_cast<QWidget *>(m_body);
    start->setFocus(Qt::OtherFocusReason);
    m_draft->markPristine();
}

void ComposerWindow::setReplyTo(const CachedMessage &original, const std::optional<QByteArray> &raw)
{
    applyResponse(ReplyBuilder::prepare(PreparedResponse::Kind::Reply, original.headers, raw,
                                        original.preview, original.hasAttachments, ownAddresses()));
}

void ComposerWindow::setReplyAllTo(const CachedMessage &original, const std::optional<QByteArray> &raw)
{
    applyResponse(ReplyBuilder::prepare(PreparedResponse::Kind::ReplyAll, original.headers, raw,
                                        original.preview, original.hasAttachments, ownAddresses()));
}

void ComposerWindow::setForwardOf(const CachedMessage &original, const std::optional<QByteArray> &raw)
{
    applyResponse(ReplyBuilder::prepare(PreparedResponse::Kind::Forward, original.headers, raw,
                                        original.preview, original.hasAttachments, ownAddresses()));
}

void ComposerWindow::openDraft(const Draft &draft)
{
    m_to->setText(draft.toText);
    m_cc->setText(draft.ccText);
    m_bcc->setText(draft.bccText);
    m_subject->setText(draft.message.subject);
    setRichText(draft.richText);
    if (draft.richText)
        m_richBody->setHtml(draft.message.html);
    else
        m_body->setPlainText(draft.message.plainText);
    m_attachments.clear();
    m_attachmentList->clear();
    for (const OutgoingAttachment &attachment : draft.message.attachments)
        addAttachment(attachment);
    refreshAttachmentSummary();
    m_readReceipt->setChecked(draft.message.requestReadReceipt);
    m_priority->setCurrentIndex(std::max(0, m_priority->findData(static_cast<int>(draft.message.priority))));
    m_inReplyTo = draft.message.inReplyTo;
    m_references = draft.message.references;
    m_signature.setAnswer(!m_inReplyTo.isEmpty());
    m_signature.restore(draft.signatureId, draft.insertedSignature);
    fillSignatureBox();
    m_draft->reopen(draft);
}

bool ComposerWindow::addAttachment(const QString &path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        showError(tr("The file %1 cannot be read.").arg(QFileInfo(path).fileName()));
        return false;
    }
    OutgoingAttachment attachment;
    attachment.fileName = QFileInfo(path).fileName();
    attachment.mimeType = QMimeDatabase().mimeTypeForFile(path).name();
    attachment.data = file.readAll();
    addAttachment(attachment);
    return true;
}

void ComposerWindow::addAttachment(const OutgoingAttachment &attachment)
{
    m_attachmentList->addItem(
        tr("%1 (%2)").arg(attachment.fileName, QLocale().formattedDataSize(attachment.data.size())));
    m_attachments.append(attachment);
    refreshAttachmentSummary();
}

void ComposerWindow::chooseAttachments()
{
    for (const QString &path : QFileDialog::getOpenFileNames(this, tr("Attach files")))
        addAttachment(path);
}

void ComposerWindow::removeAttachment()
{
    const int row = m_attachmentList->currentRow();
    if (row < 0 || row >= m_attachments.size())
        return;
    m_attachments.removeAt(row);
    delete m_attachmentList->takeItem(row);
    refreshAttachmentSummary();
}

qint64 ComposerWindow::encodedAttachmentSize() const
{
    qint64 total = 0;
    for (const OutgoingAttachment &attachment : m_attachments) {
        const qint64 base64 = (attachment.data.size() + 2) / 3 * 4;
        total += base64 + base64 / 76 * 2; // and a CRLF every 76 characters
    }
    return total;
}

void ComposerWindow::refreshAttachmentSummary()
{
    const bool any = !m_attachments.isEmpty();
    m_attachmentList->setVisible(any);
    m_attachmentTotal->setVisible(any);
    qint64 raw = 0;
    for (const OutgoingAttachment &attachment : std::as_const(m_attachments))
        raw += attachment.data.size();
    m_attachmentTotal->setText(tr("Total: %1").arg(QLocale().formattedDataSize(raw)));
    const qint64 travelling = encodedAttachmentSize();
    const QLocale locale;
    if (travelling <= sizeLimit()) {
        m_sizeWarning->hide();
        return;
    }
    m_sizeWarning->setText(
        m_sizeLimit > 0
            ? tr("With its attachments the message will weigh about %1, more than the %2 the server accepts. "
                 "It will probably be refused: remove attachments or share big files through a link.")
                  .arg(locale.formattedDataSize(travelling), locale.formattedDataSize(sizeLimit()))
            : tr("With its attachments the message will weigh about %1, more than %2, the usual limit of "
                 "mail "
                 "servers (this server's own limit is not known yet). It may be refused: remove attachments "
                 "or share big files through a link.")
                  .arg(locale.formattedDataSize(travelling), locale.formattedDataSize(sizeLimit())));
    m_sizeWarning->show();
}

bool ComposerWindow::acceptsDrop(const QMimeData *mime) const
{
    if (!mime || !mime->hasUrls())
        return false;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            return true;
    }
    return false;
}

bool ComposerWindow::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (acceptsDrop(drag->mimeData())) {
            drag->acceptProposedAction();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        if (acceptsDrop(drop->mimeData())) {
            for (const QUrl &url : drop->mimeData()->urls()) {
                if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
                    addAttachment(url.toLocalFile());
            }
            drop->acceptProposedAction();
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

OutgoingMessage ComposerWindow::message() const
{
    OutgoingMessage message;
    message.from = m_fromAddress;
    message.to = AddressListParser::parseTyped(m_to->text());
    message.cc = AddressListParser::parseTyped(m_cc->text());
    message.bcc = AddressListParser::parseTyped(m_bcc->text());
    message.subject = m_subject->text();
    message.plainText = document()->toPlainText();
    if (isRichText())
        message.html = m_richBody->toHtml();
    message.attachments = m_attachments;
    message.requestReadReceipt = m_readReceipt->isChecked();
    message.priority = static_cast<OutgoingMessage::Priority>(m_priority->currentData().toInt());
    message.inReplyTo = m_inReplyTo;
    message.references = m_references;
    return message;
}

Draft ComposerWindow::draft() const
{
    return m_draft->draft();
}

Draft ComposerWindow::fields() const
{
    Draft draft;
    draft.toText = m_to->text();
    draft.ccText = m_cc->text();
    draft.bccText = m_bcc->text();
    draft.richText = isRichText();
    draft.signatureId = m_signature.currentId();
    draft.insertedSignature = m_signature.inserted();
    draft.message = message();
    return draft;
}

QByteArray ComposerWindow::state() const
{
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream << m_to->text() << m_cc->text() << m_bcc->text() << m_subject->text() << isRichText()
           << (isRichText() ? m_richBody->toHtml() : m_body->toPlainText()) << m_readReceipt->isChecked()
           << m_priority->currentIndex() << m_signature.currentId()
           << static_cast<qint64>(m_attachments.size());
    for (const OutgoingAttachment &attachment : m_attachments)
        stream << attachment.fileName << static_cast<qint64>(attachment.data.size());
    return bytes;
}

bool ComposerWindow::saveDraft()
{
    QString error;
    if (m_draft->save(&error))
        return true;
    showError(error);
    return false;
}

void ComposerWindow::discardDraft()
{
    QString error;
    if (!m_draft->discard(&error))
        showError(error);
    close();
}

void ComposerWindow::closeEvent(QCloseEvent *event)
{
    if (!m_draft->needsDecisionOnClose()) {
        m_draft->stopAutosave();
        event->accept();
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Close the message"),
                    tr("This message has not been sent. Keep it as a draft?"), QMessageBox::NoButton, this);
    box.setObjectName(u"closeDraftPrompt"_s);
    QPushButton *save = box.addButton(tr("Save draft"), QMessageBox::AcceptRole);
    save->setObjectName(u"saveDraftChoice"_s);
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"deleteDraftChoice"_s);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"cancelChoice"_s);
    box.setDefaultButton(save);
    box.exec();
    if (box.clickedButton() == save) {
        QString error;
        if (!m_draft->keep(&error)) {
            showError(error);
            event->ignore();
            return;
        }
        event->accept();
    } else if (box.clickedButton() == remove) {
        m_draft->discard(); // the window goes either way
        event->accept();
    } else {
        event->ignore();
    }
}

void ComposerWindow::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

bool ComposerWindow::send()
{
    QString error;
    const auto built = MessageBuilder::build(message(), &error);
    if (!built) {
        showError(error);
        return false;
    }
    const auto entry = Outbox(m_outboxDirectory).enqueue(*built, &error);
    if (!entry) {
        showError(error);
        return false;
    }
    // The message is safe in the outbox: its draft goes, here and (draftRemoved) on the server.
    m_draft->sent();
    Q_EMIT queued(entry->id);
    close();
    return true;
}

} // namespace Amiens
