#pragma once

#include "CachedMessage.h"

#include <QDateTime>
#include <QList>
#include <QString>

class QSqlQuery;

namespace Amiens {

class CacheDatabase;

/// How the cache's stores read and write rows of the same tables: shared by CacheFolderStore,
/// CacheMessageStore, CacheSearchIndex, CacheLocalChangeStore and CacheAddressBook so that a
/// message read through any of them is the same.
namespace CacheRows {

/// The columns messageFromRow() reads, in order, from "messages m".
extern const char *const kMessageColumns;

/// The message at columns first … first + 20 of @p query (see kMessageColumns).
[[nodiscard]] CachedMessage messageFromRow(const QSqlQuery &query, int first = 0);
[[nodiscard]] QList<MailAddress> addressesFromJson(const QString &json);
[[nodiscard]] QString toJson(const QList<MailAddress> &addresses);
[[nodiscard]] qint64 toSeconds(const QDateTime &time);
[[nodiscard]] QDateTime fromSeconds(qint64 seconds);
/// Executes @p query; on failure logs it and sets @p error (and @p database's last error).
bool execPrepared(QSqlQuery &query, QString &error, CacheDatabase *database = nullptr);

} // namespace CacheRows

} // namespace Amiens
