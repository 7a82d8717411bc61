#include "SignaturePlacement.h"

using namespace Qt::StringLiterals;

namespace Amiens {

SignaturePlacement::SignaturePlacement(QString identity)
    : m_identity(std::move(identity))
{
}

void SignaturePlacement::setStore(const SignatureStore &store)
{
    m_store = store;
}

QList<Signature> SignaturePlacement::signatures() const
{
    return m_store ? m_store->forIdentity(m_identity).signatures : QList<Signature>();
}

std::optional<QString> SignaturePlacement::defaultSignatureId() const
{
    if (!m_store)
        return std::nullopt;
    const auto signature = m_store->defaultSignature(m_identity, m_answer);
    return signature ? signature->id : QString();
}

void SignaturePlacement::restore(const QString &id, const QString &inserted)
{
    m_currentId = id;
    m_inserted = inserted;
}

qsizetype SignaturePlacement::findWholeBlock(const QString &text, const QString &inserted)
{
    // Only a whole, untouched block counts: text typed on the signature's lines makes it the user's.
    qsizetype found = -1;
    qsizetype from = inserted.isEmpty() ? -1 : text.size();
    while (from >= 0) {
        const qsizetype at = text.lastIndexOf(inserted, from);
        const qsizetype end = at + inserted.size();
        if (at >= 0 && (at == 0 || text.at(at - 1) == u'\n') && (end == text.size() || text.at(end) == u'\n'))
            found = at;
        from = found >= 0 || at <= 0 ? -1 : at - 1;
    }
    return found;
}

SignaturePlacement::Edit SignaturePlacement::change(const QString &text, const QString &id)
{
    Edit edit;
    SignatureStore::Placement placement = SignatureStore::Placement::BelowQuote;
    if (m_store) {
        const SignatureStore::IdentitySignatures identity = m_store->forIdentity(m_identity);
        placement = identity.placement;
        for (const Signature &candidate : identity.signatures) {
            if (!id.isEmpty() && candidate.id == id)
                edit.signature = candidate;
        }
    }
    m_currentId = edit.signature ? edit.signature->id : QString();

    const qsizetype found = findWholeBlock(text, m_inserted);
    if (found >= 0) {
        // Our own signature, untouched: replaced where it stands, or removed with its line break.
        edit.removeAt = found;
        edit.removeLength = m_inserted.size();
        if (!edit.signature && found > 0 && text.at(found - 1) == u'\n') {
            --edit.removeAt;
            ++edit.removeLength;
        }
        edit.insertAt = found;
    } else if (edit.signature) {
        // None yet, or the user changed it (then it is the user's text and stays).
        const QString attribution = m_quote.section(u'\n', 0, 0);
        const qsizetype quoteAt = attribution.isEmpty() ? -1 : text.indexOf(attribution);
        if (m_answer && placement == SignatureStore::Placement::AboveQuote && quoteAt >= 0) {
            edit.insertAt = quoteAt;
            edit.after = u"\n\n"_s;
        } else {
            edit.insertAt = text.size();
            edit.before = text.isEmpty() ? u"\n\n"_s : text.endsWith(u'\n') ? u"\n"_s : u"\n\n"_s;
        }
    }
    m_inserted.clear();
    edit.cursorToStart = text.isEmpty();
    return edit;
}

} // namespace Amiens
