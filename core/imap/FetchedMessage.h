#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace Amiens {

/// What a header fetch brings for one message, before decoding.
struct FetchedMessage
{
    quint32 uid = 0;
    quint64 modSeq = 0;
    QStringList flags;
    QDateTime internalDate;
    qint64 size = 0;
    QByteArray rawHeader;
};

/// A change of flags seen on the server.
struct FlagUpdate
{
    quint32 uid = 0;
    quint64 modSeq = 0;
    QStringList flags;
};

} // namespace Amiens
