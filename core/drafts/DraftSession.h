#pragma once

#include "Draft.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>

class QTimer;

namespace Amiens {

class DraftStore;

/// The life of one draft while its message is written, without widgets: saved to the account's
/// DraftStore every few seconds while the message changes (and only then), reopened as it was,
/// kept or deleted when the window closes, deleted once the message is in the outbox. The composer
/// gives what its fields say: a fingerprint to notice changes and the draft they make. saved() and
/// removed() tell the DraftSynchronizer (through the window) to replace or delete the copy in the
/// server's Drafts folder (ReplaceDraftJob).
class DraftSession : public QObject
{
    Q_OBJECT
public:
    /// How often the draft is saved while it changes.
    static constexpr std::chrono::milliseconds kAutosaveInterval{3000};

    using Fingerprint = std::function<QByteArray()>;
    using Fields = std::function<Draft()>;

    /// A new draft of @p accountAddress (its Message-ID is made there); @p fields gives the fields
    /// and the message, this object adds the draft's id, revision, Message-ID and time.
    DraftSession(const QString &accountAddress, Fingerprint fingerprint, Fields fields,
                 QObject *parent = nullptr);
    ~DraftSession() override;

    /// Drafts are saved there; without one nothing is saved or deleted.
    void setDirectory(const QString &directory);
    /// The message will leave from another account: the draft leaves the old account's drafts
    /// (removed(), so that its Drafts folder loses it) and the next save() writes it to
    /// @p directory, even when nothing was typed since it was last saved.
    void moveTo(const QString &directory);
    [[nodiscard]] bool isEnabled() const { return m_store != nullptr; }
    void setAutosaveInterval(std::chrono::milliseconds interval);
    /// The window closed with nothing to save: no more autosaves.
    void stopAutosave();

    [[nodiscard]] QString draftId() const { return m_draftId; }
    [[nodiscard]] bool isOnDisk() const { return m_onDisk; }
    /// Sent, discarded or kept on closing: nothing more is saved.
    [[nodiscard]] bool isFinished() const { return m_finished; }
    /// The draft as it would be saved now.
    [[nodiscard]] Draft draft() const;

    /// What the fields say now is where the message starts: not worth a draft as it is.
    void markPristine();
    [[nodiscard]] bool hasUnsavedContent() const;

    /// Saves if anything changed since the last save (saved(id, false)); false and @p error (in
    /// the interface language) only when the disk refuses.
    bool save(QString *error = nullptr);
    /// "Enregistrer le brouillon": saves; once on disk, the server copy is due now
    /// (saved(id, true)) and the message counts as unchanged.
    bool saveNow(QString *error = nullptr);
    /// @p draft from the store, once the fields show it: it stays the same draft.
    void reopen(const Draft &draft);

    /// Closing: ask the user only when something is unsaved and nothing ended the draft.
    [[nodiscard]] bool needsDecisionOnClose() const;
    /// Closing with "Enregistrer": saved and ended (saved(id, true)); false and @p error when the
    /// disk refuses (then the window stays open).
    bool keep(QString *error = nullptr);
    /// "Supprimer": ended and deleted here and, through removed(), on the server.
    bool discard(QString *error = nullptr);
    /// The message is safe in the outbox: its draft goes, here and on the server.
    void sent();
    /// The window goes without being closed (the application quits): the last seconds of
    /// writing are saved, as the autosave would have.
    void saveUnlessFinished();

Q_SIGNALS:
    /// The draft was written to disk (its server copy may follow); @p closing: the window closes.
    void saved(const QString &draftId, bool closing);
    /// The draft was deleted: its server copy should go.
    void removed(const QString &draftId);
    /// The autosave could not write (@p error in the interface language).
    void autosaveFailed(const QString &error);

private:
    void finish();
    bool removeFromDisk(QString *error);

    Fingerprint m_fingerprint;
    Fields m_fields;
    std::unique_ptr<DraftStore> m_store;
    QTimer *m_autosave = nullptr;
    QString m_draftId;
    QString m_messageId;
    qint64 m_revision = 0;
    bool m_onDisk = false;
    bool m_finished = false;
    QByteArray m_savedState;
    QByteArray m_pristineState;
};

} // namespace Amiens
