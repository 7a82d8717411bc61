#include "CacheAddressBook.h"

#include "CacheDatabase.h"
#include "CacheRows.h"
#include "util/Logging.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

using CacheRows::addressesFromJson;

QStringList CacheAddressBook::knownAddresses(int scanned, int limit)
{
    struct Seen
    {
        MailAddress address;
        int count = 0;
    };
    QHash<QString, Seen> seen;
    QSqlQuery query(m_database.database());
    query.setForwardOnly(true); // read once: no copy of 5,000 rows kept by the driver
    query.prepare(
        // Newest rows first by row id (messages are written as they arrive), not by Date: there is
        // no index on the date across folders, and sorting 100,000 rows took 0.2 s at start-up.
        u"SELECT from_name, from_address, to_list, cc_list FROM messages ORDER BY id DESC LIMIT ?"_s);
    query.addBindValue(scanned);
    if (!query.exec()) {
        qCWarning(lcCache) << "address list failed:" << query.lastError().text();
        return {};
    }
    const auto note = [&seen](const MailAddress &address) {
        const QString key = address.address.trimmed().toLower();
        if (!key.contains(u'@'))
            return;
        Seen &entry = seen[key];
        // The first name met is the most recent one.
        if (entry.address.address.isEmpty() || (entry.address.name.isEmpty() && !address.name.isEmpty()))
            entry.address = {address.name.trimmed(), address.address.trimmed()};
        ++entry.count;
    };
    while (query.next()) {
        note({query.value(0).toString(), query.value(1).toString()});
        for (const MailAddress &address : addressesFromJson(query.value(2).toString()))
            note(address);
        for (const MailAddress &address : addressesFromJson(query.value(3).toString()))
            note(address);
    }
    QList<Seen> sorted = seen.values();
    std::sort(sorted.begin(), sorted.end(), [](const Seen &a, const Seen &b) {
        return a.count != b.count ? a.count > b.count : a.address.address < b.address.address;
    });
    QStringList result;
    for (qsizetype i = 0; i < sorted.size() && i < limit; ++i)
        result.append(sorted.at(i).address.toDisplayString());
    return result;
}

} // namespace Amiens
