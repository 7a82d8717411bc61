#pragma once

#include "Draft.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Amiens {

/// The drafts of one account on disk, <profile>/drafts/<key>/<id>/ (AccountPaths): draft.json
/// for the fields and one file per attachment, named by its SHA-256 so an attachment is written
/// once however often the text is saved. Files are written atomically (QSaveFile) and readable by
/// the user only. Removing a draft remembers its Message-ID until the copy on the server is
/// deleted too (DraftSynchronizer), so sending offline still cleans the Drafts folder later.
class DraftStore
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::DraftStore)

public:
    [[nodiscard]] static QString newId();

    explicit DraftStore(QString directory);
    [[nodiscard]] QString directory() const { return m_directory; }

    /// Writes the draft (fields first-class, attachments not yet on disk added, those no longer
    /// used removed). Returns false and a French @p error when the disk refuses.
    bool save(const Draft &draft, QString *error);
    /// @p withAttachmentData false: names and types only, the files are not read.
    [[nodiscard]] std::optional<Draft> load(const QString &id, QString *error = nullptr,
                                            bool withAttachmentData = true) const;
    /// Every draft, most recently changed first; @p withAttachmentData false leaves data empty.
    [[nodiscard]] QList<Draft> drafts(bool withAttachmentData = false) const;
    /// Forgets the draft; its server copy (if it may have one) is queued for deletion.
    bool remove(const QString &id, QString *error);

    /// The revision whose copy is in the server's Drafts folder, 0 for none.
    [[nodiscard]] qint64 uploadedRevision(const QString &id) const;
    bool setUploadedRevision(const QString &id, qint64 revision, QString *error);
    /// Message-IDs of removed drafts whose server copy is still to be deleted.
    [[nodiscard]] QStringList pendingServerDeletions() const;
    void serverDeletionDone(const QString &messageId);

private:
    [[nodiscard]] QString draftDirectory(const QString &id) const;
    [[nodiscard]] QString deletionsDirectory() const;
    bool writeFile(const QString &path, const QByteArray &data, QString *error) const;

    QString m_directory;
};

} // namespace Amiens
