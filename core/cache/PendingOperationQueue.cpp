#include "PendingOperationQueue.h"

#include "CacheDatabase.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Amiens {

PendingOperationQueue::PendingOperationQueue(CacheDatabase &database)
    : m_database(database)
{
}

qint64 PendingOperationQueue::enqueue(const PendingOperation &operation)
{
    QStringList uids;
    for (const quint32 uid : operation.uids)
        uids.append(QString::number(uid));
    QSqlQuery query(m_database.database());
    query.prepare(u"INSERT INTO pending_operations (kind, folder_path, uids, argument, created, not_before) "
                  "VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(PendingOperation::kindName(operation.kind));
    query.addBindValue(operation.folderPath);
    query.addBindValue(uids.join(u','));
    query.addBindValue(operation.argument.isNull() ? u""_s : operation.argument); // NOT NULL column
    query.addBindValue(Clock::currentSecsSinceEpoch());
    query.addBindValue(operation.notBefore);
    if (!query.exec()) {
        m_database.setLastError(query.lastError().text());
        return 0;
    }
    return query.lastInsertId().toLongLong();
}

QList<PendingOperation> PendingOperationQueue::all()
{
    QList<PendingOperation> result;
    QSqlQuery query(m_database.database());
    query.exec(u"SELECT id, kind, folder_path, uids, argument, attempts, last_error, not_before FROM "
               u"pending_operations "
               "ORDER BY id"_s);
    while (query.next()) {
        PendingOperation operation;
        operation.id = query.value(0).toLongLong();
        if (!PendingOperation::kindFromName(query.value(1).toString(), &operation.kind))
            continue;
        operation.folderPath = query.value(2).toString();
        const QStringList uids = query.value(3).toString().split(u',', Qt::SkipEmptyParts);
        for (const QString &uid : uids)
            operation.uids.append(uid.toUInt());
        operation.argument = query.value(4).toString();
        operation.attempts = query.value(5).toInt();
        operation.lastError = query.value(6).toString();
        operation.notBefore = query.value(7).toLongLong();
        result.append(operation);
    }
    return result;
}

int PendingOperationQueue::count()
{
    QSqlQuery query(m_database.database());
    return query.exec(u"SELECT COUNT(*) FROM pending_operations"_s) && query.next() ? query.value(0).toInt()
                                                                                    : 0;
}

bool PendingOperationQueue::contains(qint64 id)
{
    QSqlQuery query(m_database.database());
    query.prepare(u"SELECT 1 FROM pending_operations WHERE id = ?"_s);
    query.addBindValue(id);
    return query.exec() && query.next();
}

bool PendingOperationQueue::remove(qint64 id)
{
    QSqlQuery query(m_database.database());
    query.prepare(u"DELETE FROM pending_operations WHERE id = ?"_s);
    query.addBindValue(id);
    return query.exec();
}

bool PendingOperationQueue::recordFailure(qint64 id, const QString &error)
{
    QSqlQuery query(m_database.database());
    query.prepare(u"UPDATE pending_operations SET attempts = attempts + 1, last_error = ? WHERE id = ?"_s);
    query.addBindValue(error);
    query.addBindValue(id);
    return query.exec();
}

} // namespace Amiens
