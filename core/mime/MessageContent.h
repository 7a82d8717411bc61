#pragma once

#include "MessageHeaders.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace Amiens {

/// An attachment as the user sees it, before anything is written to disk.
struct AttachmentInfo
{
    QString name;     ///< decoded (RFC 2231 / 2047), never a path
    QString mimeType; ///< "application/pdf"
    qint64 size = 0;  ///< decoded size in bytes
    bool inlinePart = false;
};

/// The readable content of a whole message, decoded from its raw bytes. The raw bytes stay the
/// reference (they are never re-serialised); this is what the reader and the search index use.
struct MessageContent
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::MessageContent)

public:
    MessageHeaders headers;
    QString text; ///< the text/plain part, or the HTML part's text when there is no plain one
    QString html; ///< the text/html part, unsanitised (the view sanitises it)
    QList<AttachmentInfo> attachments;
    /// Images referenced by the HTML part as cid:ID, by ID (without angle brackets).
    QHash<QString, QByteArray> inlineImages;
    /// Set when the body was not decoded because it could block the program (parts nested beyond
    /// kMaxMultipartDepth): French, for the view; the headers are still there.
    QString problem;

    /// VMime 0.9.2 parses nested multiparts in quadratic time (800 levels: seconds; 5,000:
    /// minutes) and recursively; real mail nests a handful of levels.
    static constexpr int kMaxMultipartDepth = 32;
    /// How deep the multipart boundaries of @p rawMessage nest, counting no further than @p stopAt.
    [[nodiscard]] static int multipartDepth(const QByteArray &rawMessage,
                                            int stopAt = kMaxMultipartDepth + 1);

    /// Up to @p length characters of text on one line, for the message list.
    [[nodiscard]] QString preview(int length = 200) const;

    /// Never throws: a broken part gives an empty text and the rest is kept. The sync, which has
    /// the decoded headers already, skips them (@p decodeHeaders false): VMime's header parsing
    /// is a third of the cost of a message.
    [[nodiscard]] static MessageContent parse(const QByteArray &rawMessage, bool decodeHeaders = true);
    /// The decoded bytes of attachment @p index (as listed by parse()), empty when absent.
    [[nodiscard]] static QByteArray attachmentData(const QByteArray &rawMessage, int index);
};

} // namespace Amiens
