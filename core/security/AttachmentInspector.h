#pragma once

#include "mime/MessageContent.h"
#include "security/AttachmentVerdict.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Amiens {

/// Looks at what each attachment of a message is, from its declared type, its name (normalised:
/// AttachmentName) and its bytes (magic numbers, QMimeDatabase, the members of an archive listed
/// by libarchive, the streams of an Office file), never by running or extracting anything.
/// The phishing warnings and the view's « Ouvrir » both decide on its verdicts.
class AttachmentInspector
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::AttachmentInspector)

public:
    /// The verdict on one attachment from its @p bytes (empty: judged on name and type alone).
    [[nodiscard]] static AttachmentVerdict inspect(const AttachmentInfo &attachment, const QByteArray &bytes);
    /// Every attachment of @p content, whose raw message is @p rawMessage, in its order; past
    /// kMaxInspectedBytes of attachments, the rest are judged on name and type alone.
    [[nodiscard]] static QList<AttachmentVerdict> inspectAll(const QByteArray &rawMessage,
                                                             const MessageContent &content);

    /// Why « Ouvrir » refuses @p verdict, in the interface language; empty when it does not.
    [[nodiscard]] static QString openingRefusal(const AttachmentVerdict &verdict);

    /// An extension that runs something when the file is opened ("exe", "js", "lnk", "iso"…).
    [[nodiscard]] static bool isProgramExtension(const QString &extension);
    /// A name (normalised) whose extension runs something.
    [[nodiscard]] static bool isProgramName(const QString &name);

    static constexpr qsizetype kMaxInspectedBytes = 64 * 1024 * 1024;
};

} // namespace Amiens
