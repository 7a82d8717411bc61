#pragma once

#include "MessageHeaders.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class QIODevice;

namespace Amiens {

/// An attachment as the user sees it, before anything is written to disk.
struct AttachmentInfo
{
    QString name;     ///< decoded (RFC 2231 / 2047), never a path
    QString mimeType; ///< "application/pdf", lower case, without parameters
    qint64 size = 0;  ///< decoded size in bytes
    bool inlinePart = false;
    QString contentId;  ///< without angle brackets, empty when none
    int partIndex = -1; ///< the MIME part it comes from (MimeTree order)
    int tnefIndex = -1; ///< a file carried inside that winmail.dat part, else -1
};

/// The message model: everything the client shows or derives from a message, built once from its
/// raw bytes by one bounded, non-recursive parser (MimeTree + MessageModelBuilder). The message
/// list's preview, the search index, the message view, `show --json`, the reply quote and the
/// attachment list all read it, so they always agree. The raw bytes stay the reference (they are
/// never re-serialised).
struct MessageContent
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::MessageContent)

public:
    MessageHeaders headers;
    /// The readable text of every shown body part, in order: plain parts as written (format=flowed
    /// joined), HTML parts turned into text, invitations summarised, forwarded messages with a
    /// header block. What the preview, the search index, `show` and a reply quote use.
    QString text;
    /// The body to display as HTML (unsanitised: the view sanitises it); empty when every shown
    /// part is plain text, then the view formats `text`.
    QString html;
    QList<AttachmentInfo> attachments;
    /// Images the HTML refers to as cid:ID, by ID (without angle brackets).
    QHash<QString, QByteArray> inlineImages;
    /// A readable summary of a text/calendar invitation (also at the top of `text`), else empty.
    QString calendarSummary;
    /// "multipart/report" report type: "delivery-status", "disposition-notification", or empty.
    QString reportType;
    /// Whether the message is signed (multipart/signed or S/MIME signed-data).
    bool isSigned = false;
    /// Set when a limit was reached: the message is shown as far as it could be decoded.
    bool incomplete = false;
    /// Notices for the reader, in the interface language ("Ce message est trop complexe…").
    QStringList notices;

    /// Raised whenever what the model derives from a message (text, preview, attachments) changes:
    /// the cache re-indexes bodies read by an older model (CacheMessageStore::reindexOutdatedBodies).
    static constexpr int kModelVersion = 2;

    struct Options
    {
        /// The sync has the decoded headers already.
        bool decodeHeaders = true;
        /// The list and the search index need no images.
        bool decodeInlineImages = true;
        /// Nor the size of each attachment (counted over its bytes).
        bool measureAttachments = true;
    };

    /// Up to @p length characters of text on one line, for the message list.
    [[nodiscard]] QString preview(int length = 200) const;

    /// Never throws, never recurses on the message's structure, and returns within a bounded time
    /// and memory whatever the bytes (see MimeLimits).
    [[nodiscard]] static MessageContent parse(const QByteArray &rawMessage, const Options &options);
    [[nodiscard]] static MessageContent parse(const QByteArray &rawMessage) { return parse(rawMessage, {}); }
    /// The decoded bytes of attachment @p index (as listed by parse()), empty when absent.
    [[nodiscard]] static QByteArray attachmentData(const QByteArray &rawMessage, int index);
    /// Calls @p visit with each attachment's index (as listed by parse()) and decoded bytes, one
    /// after the other from one reading of the message, until it returns false.
    static void forEachAttachment(const QByteArray &rawMessage,
                                  const std::function<bool(int index, const QByteArray &bytes)> &visit);
    /// Decodes attachment @p index into @p device piece by piece; false when absent or unwritable.
    [[nodiscard]] static bool writeAttachment(const QByteArray &rawMessage, int index, QIODevice &device);
};

} // namespace Amiens
