#pragma once

#include <QtGlobal>

namespace Amiens {

/// What EXAMINE (or STATUS) reports about a mailbox.
struct MailboxState
{
    quint32 uidValidity = 0;
    quint32 uidNext = 0;
    quint64 highestModSeq = 0; ///< 0 when the server has no CONDSTORE for it
    quint32 exists = 0;
};

} // namespace Amiens
