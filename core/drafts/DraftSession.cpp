#include "DraftSession.h"

#include "DraftStore.h"
#include "compose/MessageBuilder.h"
#include "util/Clock.h"

#include <QTimer>

namespace Amiens {

DraftSession::DraftSession(const QString &accountAddress, Fingerprint fingerprint, Fields fields,
                           QObject *parent)
    : QObject(parent)
    , m_fingerprint(std::move(fingerprint))
    , m_fields(std::move(fields))
    , m_autosave(new QTimer(this))
    , m_draftId(DraftStore::newId())
    , m_messageId(MessageBuilder::newMessageId(accountAddress))
{
    m_autosave->setInterval(kAutosaveInterval);
    connect(m_autosave, &QTimer::timeout, this, [this] {
        if (!m_store || !hasUnsavedContent())
            return;
        QString error;
        if (!save(&error))
            Q_EMIT autosaveFailed(error);
    });
    m_autosave->start();
}

DraftSession::~DraftSession() = default;

void DraftSession::setDirectory(const QString &directory)
{
    m_store = std::make_unique<DraftStore>(directory);
}

void DraftSession::moveTo(const QString &directory)
{
    if (!m_store || m_store->directory() == directory) {
        setDirectory(directory);
        return;
    }
    const bool wasOnDisk = m_onDisk;
    QString error;
    if (!removeFromDisk(&error))
        Q_EMIT autosaveFailed(error);
    setDirectory(directory);
    if (wasOnDisk)
        m_pristineState.clear(); // whatever it holds now is new to this account
}

void DraftSession::setAutosaveInterval(std::chrono::milliseconds interval)
{
    m_autosave->setInterval(interval);
}

void DraftSession::stopAutosave()
{
    m_autosave->stop();
}

Draft DraftSession::draft() const
{
    Draft draft = m_fields();
    draft.id = m_draftId;
    draft.revision = m_revision;
    draft.updated = Clock::currentDateTimeUtc();
    draft.message.messageId = m_messageId;
    return draft;
}

void DraftSession::markPristine()
{
    m_pristineState = m_fingerprint();
}

bool DraftSession::hasUnsavedContent() const
{
    return m_fingerprint() != m_pristineState;
}

bool DraftSession::save(QString *error)
{
    if (!m_store)
        return true;
    const QByteArray now = m_fingerprint();
    if (m_onDisk ? now == m_savedState : now == m_pristineState)
        return true;
    Draft current = draft();
    current.revision = m_revision + 1;
    QString failure;
    if (!m_store->save(current, &failure)) {
        if (error)
            *error = failure;
        return false;
    }
    m_revision = current.revision;
    m_onDisk = true;
    m_savedState = now;
    Q_EMIT saved(m_draftId, false);
    return true;
}

bool DraftSession::saveNow(QString *error)
{
    if (!save(error))
        return false;
    if (m_onDisk) {
        markPristine();
        Q_EMIT saved(m_draftId, true);
    }
    return true;
}

void DraftSession::reopen(const Draft &draft)
{
    m_draftId = draft.id;
    if (!draft.message.messageId.isEmpty())
        m_messageId = draft.message.messageId;
    m_revision = draft.revision;
    m_onDisk = true;
    m_savedState = m_fingerprint();
    m_pristineState = m_savedState;
}

bool DraftSession::needsDecisionOnClose() const
{
    return !m_finished && m_store && hasUnsavedContent();
}

bool DraftSession::keep(QString *error)
{
    if (!save(error))
        return false;
    finish();
    Q_EMIT saved(m_draftId, true);
    return true;
}

bool DraftSession::discard(QString *error)
{
    finish();
    return removeFromDisk(error);
}

void DraftSession::sent()
{
    finish();
    removeFromDisk(nullptr);
}

void DraftSession::saveUnlessFinished()
{
    if (!m_finished && m_store && hasUnsavedContent())
        save();
}

void DraftSession::finish()
{
    m_finished = true;
    m_autosave->stop();
}

bool DraftSession::removeFromDisk(QString *error)
{
    if (!m_store || !m_onDisk)
        return true;
    QString failure;
    const bool ok = m_store->remove(m_draftId, &failure);
    if (!ok && error)
        *error = failure;
    m_onDisk = false;
    Q_EMIT removed(m_draftId);
    return ok;
}

} // namespace Amiens
