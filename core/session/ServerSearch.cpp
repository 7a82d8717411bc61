#include "ServerSearch.h"

#include "AccountSession.h"
#include "jobs/ServerSearchJob.h"

namespace Amiens {

ServerSearch::ServerSearch(QObject *parent)
    : QObject(parent)
{
}

void ServerSearch::setSession(AccountSession *session)
{
    m_session = session;
}

bool ServerSearch::start(const QString &text)
{
    if (!m_session || text.isEmpty())
        return false;
    auto job = std::make_shared<ServerSearchJob>(text);
    m_session->submit(job, [self = QPointer(this), job, text](const std::optional<ServiceError> &error) {
        if (!self)
            return;
        Result result;
        result.text = text;
        result.error = error;
        if (!error) {
            result.unsupported = job->unsupported();
            result.rowIds = job->rowIds();
            result.missing = job->missing();
        }
        Q_EMIT self->finished(result);
    });
    return true;
}

QList<qint64> ServerSearch::merged(const QList<qint64> &offline, const QList<qint64> &server)
{
    QList<qint64> rowIds = offline;
    for (const qint64 rowId : server) {
        if (!rowIds.contains(rowId))
            rowIds.append(rowId);
    }
    return rowIds;
}

} // namespace Amiens
