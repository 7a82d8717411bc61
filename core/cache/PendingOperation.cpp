#include "PendingOperation.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString PendingOperation::kindName(Kind kind)
{
    switch (kind) {
    case Kind::AddFlags:
        return u"add-flags"_s;
    case Kind::RemoveFlags:
        return u"remove-flags"_s;
    case Kind::Move:
        return u"move"_s;
    case Kind::Delete:
        return u"delete"_s;
    case Kind::TransferOut:
        return u"transfer-out"_s;
    }
    return {};
}

bool PendingOperation::kindFromName(const QString &name, Kind *kind)
{
    for (const Kind candidate :
         {Kind::AddFlags, Kind::RemoveFlags, Kind::Move, Kind::Delete, Kind::TransferOut}) {
        if (kindName(candidate) == name) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

} // namespace Amiens
