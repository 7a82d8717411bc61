#include "MessageHeaders.h"

using namespace Qt::StringLiterals;

namespace Amiens {

QString MailAddress::toDisplayString() const
{
    if (name.isEmpty())
        return address;
    if (address.isEmpty())
        return name;
    return name + u" <"_s + address + u'>';
}

} // namespace Amiens
