#pragma once

#include "MessageContent.h"
#include "MimeTree.h"

#include <QByteArrayView>
#include <QCoreApplication>

namespace Amiens {

/// Builds the message model (MessageContent) from a message's MIME tree in one pass over its
/// parts in document order; a part's role comes from its parent's (no recursion):
/// - mixed, report, digest and unknown multiparts show every inline text part and inline image in
///   order (list footers and Apple Mail fragments are body, not attachments);
/// - alternative shows its last part that can be displayed (HTML before plain text, as
///   Thunderbird does) and takes its text from the plain part when that one is not empty;
///   a text/calendar alternative is summarised and kept as an .ics attachment;
/// - related shows its root (start= or the first part) and keeps the others for cid: links;
/// - signed shows its first part; message/rfc822 shows the inner header and body in place and is
///   also listed as an .eml attachment; winmail.dat is opened into its text and files;
/// - every other leaf, and any part marked attachment or given a file name, is an attachment.
class MessageModelBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::MessageModelBuilder)

public:
    MessageModelBuilder(QByteArrayView rawMessage, const MessageContent::Options &options);

    [[nodiscard]] MessageContent build();
    /// Only the attachment list (what attachmentData() indexes), without decoding any text.
    [[nodiscard]] QList<AttachmentInfo> attachments();

    /// The decoded bytes of @p attachment, whose part is in @p tree.
    [[nodiscard]] static QByteArray dataOf(QByteArrayView rawMessage, const MimeTree &tree,
                                           const AttachmentInfo &attachment);
    [[nodiscard]] const MimeTree &tree() const { return m_tree; }

    /// The notice shown when a limit was reached.
    [[nodiscard]] static QString tooComplexNotice();

private:
    enum class Role
    {
        Hidden,
        Body,
        RelatedResource,
        Signature,
        Calendar,
        AttachmentOnly
    };
    struct PartRole
    {
        Role role = Role::Hidden;
        bool display = false; ///< what the view shows
        bool text = false;    ///< what the text (search, quote, preview) takes
    };
    enum class PieceKind
    {
        Text,
        Html,
        Image
    };
    struct Piece
    {
        PieceKind kind = PieceKind::Text;
        QString content;
    };

    void assignRoles();
    void visit(int index);
    void addTextLeaf(int index, const PartRole &role);
    void addHtmlLeaf(int index, const PartRole &role);
    void addImage(int index, const PartRole &role);
    void keepInlineImage(const MimePart &part, const QString &id);
    void addEmbeddedMessageHeader(int index, const PartRole &role);
    void summariseCalendar(const MimePart &part);
    void addTnef(int index, const PartRole &role);
    void addAttachment(int index, QString fallbackName = {});
    struct TextBudget
    {
        qsizetype chars = 0;
        int lines = 0;
    };
    /// @p text with LF line ends, at most two blank lines in a row, and what is left of the
    /// message's MimeLimits::kMaxTextChars and kMaxTextLines (the notice is given when cut).
    [[nodiscard]] QString withinLimits(const QString &text, TextBudget &budget);
    void addText(const PartRole &role, const QString &text);
    void addNotice(const QString &notice);
    [[nodiscard]] bool isAttachmentLeaf(const MimePart &part) const;
    [[nodiscard]] QString decodedText(const MimePart &part, qsizetype maxBytes) const;
    [[nodiscard]] QString attachmentName(const MimePart &part) const;
    [[nodiscard]] QString embeddedMessageName(int index) const;
    void finish();

    QByteArrayView m_raw;
    MessageContent::Options m_options;
    MimeTree m_tree;
    QList<PartRole> m_roles;
    bool m_attachmentsOnly = false;
    MessageContent m_content;
    QList<Piece> m_display;
    QStringList m_texts;
    TextBudget m_textBudget;
    TextBudget m_displayBudget;
    qsizetype m_inlineImageBytes = 0;
};

} // namespace Amiens
