#include "SyncOptions.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QDateTime SyncOptions::bodiesSince(const QDateTime &now) const
{
    return bodies == Bodies::Recent ? now.addDays(-recentDays) : QDateTime();
}

QString SyncOptions::bodiesName(Bodies bodies)
{
    switch (bodies) {
    case Bodies::All:
        return u"all"_s;
    case Bodies::Recent:
        return u"recent"_s;
    case Bodies::None:
        return u"none"_s;
    }
    return {};
}

} // namespace Amiens
