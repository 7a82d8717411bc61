#include "SyncOptions.h"

using namespace Qt::StringLiterals;

namespace Amiens {

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
