#pragma once

#include "identity/Signature.h"
#include "identity/SignatureStore.h"

#include <QList>
#include <QString>
#include <optional>

namespace Amiens {

/// Where the identity's signature goes in the text being written, without widgets: the default one
/// for new mail or for an answer, at the end after a "-- " line or above the quote of an answer;
/// choosing another replaces only the one inserted while it is whole and untouched, never text the
/// user typed. The composer applies the edits it returns to its document and tells it what the
/// document shows of the signature afterwards (an HTML signature reads as its text).
class SignaturePlacement
{
public:
    /// The change to make to the text: remove [removeAt, removeAt + removeLength), then, when
    /// there is a signature, insert before, the signature and after at insertAt (a position in
    /// the text once the removal is made).
    struct Edit
    {
        qsizetype removeAt = 0;
        qsizetype removeLength = 0;
        std::optional<Signature> signature;
        qsizetype insertAt = 0;
        QString before;             ///< line breaks between the text and the signature
        QString after;              ///< line breaks between the signature and the quote under it
        bool cursorToStart = false; ///< an empty message: the writing starts above the signature
    };

    /// @p identity: the sending address whose signatures are used.
    explicit SignaturePlacement(QString identity);

    /// Another sending address (« De » changed): its signatures from now on; the one inserted
    /// is still recognised, so change() replaces it while the user has not edited it.
    void setIdentity(const QString &identity) { m_identity = identity; }
    [[nodiscard]] const QString &identity() const { return m_identity; }
    /// Whether the signature inserted last is still in @p text as it was inserted.
    [[nodiscard]] bool insertedIsIntact(const QString &text) const
    {
        return !m_inserted.isEmpty() && findWholeBlock(text, m_inserted) >= 0;
    }

    /// Without a store (none loaded) there is no signature to place.
    void setStore(const SignatureStore &store);
    [[nodiscard]] const std::optional<SignatureStore> &store() const { return m_store; }
    /// The identity's signatures, in their order, for the composer's list.
    [[nodiscard]] QList<Signature> signatures() const;

    /// A reply or forward (its signature is the one for replies and may go above the quote) or new mail.
    void setAnswer(bool answer) { m_answer = answer; }
    /// The quote of an answer (its first line, the attribution, finds where the quote starts).
    void setQuote(const QString &quote) { m_quote = quote; }
    /// The signature that goes in first for new mail or an answer, empty for none; nothing without
    /// a store.
    [[nodiscard]] std::optional<QString> defaultSignatureId() const;

    /// The chosen signature, empty for none.
    [[nodiscard]] QString currentId() const { return m_currentId; }
    /// The signature as it reads in the text, empty when none was inserted.
    [[nodiscard]] QString inserted() const { return m_inserted; }
    /// A reopened draft: the signature it had chosen and how it read there.
    void restore(const QString &id, const QString &inserted);
    /// The text was replaced: no signature is in it any more.
    void forgetInserted() { m_inserted.clear(); }

    /// Signature @p id (empty or unknown: none) in place of the inserted one in @p text. Call
    /// setInserted() once the edit is made if it inserts a signature.
    [[nodiscard]] Edit change(const QString &text, const QString &id);
    /// What the text shows of the signature just inserted.
    void setInserted(const QString &asShown) { m_inserted = asShown; }

    /// Where @p inserted stands in @p text as a whole block of lines, the last such place;
    /// -1 when it is not there untouched.
    [[nodiscard]] static qsizetype findWholeBlock(const QString &text, const QString &inserted);

private:
    QString m_identity;
    std::optional<SignatureStore> m_store;
    bool m_answer = false;
    QString m_quote;
    QString m_currentId;
    QString m_inserted;
};

} // namespace Amiens
