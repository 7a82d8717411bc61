#include "ComposerWindow.h"

#include "compose/MessageBuilder.h"
#include "mime/MessageContent.h"
#include "outbox/Outbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

ComposerWindow::ComposerWindow(Account account, QString outboxDirectory, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_account(std::move(account))
    , m_outboxDirectory(std::move(outboxDirectory))
{
    setWindowTitle(tr("New message"));
    setObjectName(u"composerWindow"_s);
    resize(720, 560);

    m_from = new QComboBox(this);
    m_from->setObjectName(u"fromField"_s);
    m_from->addItem(MailAddress{m_account.realName, m_account.address}.toDisplayString());
    m_to = new QLineEdit(this);
    m_to->setObjectName(u"toField"_s);
    m_cc = new QLineEdit(this);
    m_cc->setObjectName(u"ccField"_s);
    m_bcc = new QLineEdit(this);
    m_bcc->setObjectName(u"bccField"_s);
    m_subject = new QLineEdit(this);
    m_subject->setObjectName(u"subjectField"_s);
    for (QLineEdit *field : {m_to, m_cc, m_bcc})
        field->setPlaceholderText(tr("Addresses separated by commas"));
    connect(m_subject, &QLineEdit::textChanged, this, [this](const QString &text) {
        setWindowTitle(text.trimmed().isEmpty() ? tr("New message") : text.trimmed());
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("&Cc:"), m_cc);
    form->addRow(tr("&Bcc:"), m_bcc);
    form->addRow(tr("&Subject:"), m_subject);

    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(u"bodyEdit"_s);

    m_attachmentList = new QListWidget(this);
    m_attachmentList->setObjectName(u"attachmentList"_s);
    m_attachmentList->setMaximumHeight(90);
    m_attachmentList->hide();
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
    m_priority->addItem(tr("Normal priority"), static_cast<int>(OutgoingMessage::Priority::Normal));
    m_priority->addItem(tr("High priority"), static_cast<int>(OutgoingMessage::Priority::High));
    m_priority->addItem(tr("Low priority"), static_cast<int>(OutgoingMessage::Priority::Low));

    auto *options = new QHBoxLayout;
    options->addWidget(attach);
    options->addWidget(detach);
    options->addStretch();
    options->addWidget(m_readReceipt);
    options->addWidget(m_priority);

    m_error = new QLabel(this);
    m_error->setObjectName(u"composerError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #a00;"_s);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *sendButton = buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    sendButton->setObjectName(u"sendButton"_s);
    sendButton->setShortcut(QKeySequence(u"Ctrl+Return"_s));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &ComposerWindow::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &QWidget::close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_attachmentList);
    layout->addLayout(options);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QList<MailAddress> ComposerWindow::parseAddresses(const QString &text)
{
    QList<MailAddress> result;
    static const QRegularExpression angle(u"^\\s*\"?([^\"<]*?)\"?\\s*<([^>]+)>\\s*$"_s);
    // Commas inside a quoted name ("Dupont, Marie" <m@…>) do not separate addresses.
    QStringList parts;
    QString current;
    bool inQuotes = false;
    for (const QChar c : text) {
        if (c == u'"')
            inQuotes = !inQuotes;
        if (!inQuotes && (c == u',' || c == u';')) {
            parts.append(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.append(current);
    for (const QString &part : std::as_const(parts)) {
        if (part.trimmed().isEmpty())
            continue;
        const auto match = angle.match(part);
        if (match.hasMatch())
            result.append({match.captured(1).trimmed(), match.captured(2).trimmed()});
        else
            result.append({QString(), part.trimmed()});
    }
    return result;
}

QString ComposerWindow::quoted(const QString &text, const QString &author, const QDateTime &date)
{
    QString result =
        tr("On %1, %2 wrote:").arg(QLocale().toString(date.toLocalTime(), QLocale::ShortFormat), author);
    result += u'\n';
    QString normal = text;
    normal.replace(u"\r\n"_s, u"\n"_s);
    while (normal.endsWith(u'\n'))
        normal.chop(1);
    for (const QString &line : normal.split(u'\n'))
        result += (line.startsWith(u'>') ? u">"_s : u"> "_s) + line + u'\n';
    return result;
}

void ComposerWindow::setReplyTo(const CachedMessage &original, const std::optional<QByteArray> &raw)
{
    const MessageHeaders &headers = original.headers;
    const MailAddress recipient = headers.replyTo.isEmpty() ? headers.from : headers.replyTo.first();
    m_to->setText(recipient.toDisplayString());
    static const QRegularExpression rePrefix(u"^\\s*(re|aw|réf)\\s*:"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    m_subject->setText(rePrefix.match(headers.subject).hasMatch() ? headers.subject
                                                                  : u"Re: "_s + headers.subject);
    m_inReplyTo = headers.messageId;
    m_references = headers.references;
    if (!headers.messageId.isEmpty() && !m_references.contains(headers.messageId))
        m_references.append(headers.messageId);
    const QString text = raw ? MessageContent::parse(*raw).text : original.preview;
    m_body->setPlainText(u"\n\n"_s + quoted(text, headers.from.toDisplayString(), headers.date));
    QTextCursor cursor = m_body->textCursor();
    cursor.movePosition(QTextCursor::Start);
    m_body->setTextCursor(cursor);
}

bool ComposerWindow::addAttachment(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("The file %1 cannot be read.").arg(QFileInfo(path).fileName()));
        return false;
    }
    OutgoingAttachment attachment;
    attachment.fileName = QFileInfo(path).fileName();
    attachment.mimeType = QMimeDatabase().mimeTypeForFile(path).name();
    attachment.data = file.readAll();
    m_attachmentList->addItem(
        tr("%1 (%2)").arg(attachment.fileName, QLocale().formattedDataSize(attachment.data.size())));
    m_attachments.append(attachment);
    m_attachmentList->show();
    return true;
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
    m_attachmentList->setVisible(!m_attachments.isEmpty());
}

OutgoingMessage ComposerWindow::message() const
{
    OutgoingMessage message;
    message.from = {m_account.realName, m_account.address};
    message.to = parseAddresses(m_to->text());
    message.cc = parseAddresses(m_cc->text());
    message.bcc = parseAddresses(m_bcc->text());
    message.subject = m_subject->text();
    message.plainText = m_body->toPlainText();
    message.attachments = m_attachments;
    message.requestReadReceipt = m_readReceipt->isChecked();
    message.priority = static_cast<OutgoingMessage::Priority>(m_priority->currentData().toInt());
    message.inReplyTo = m_inReplyTo;
    message.references = m_references;
    return message;
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
    Q_EMIT queued(entry->id);
    close();
    return true;
}

} // namespace Amiens
