#pragma once

#include <QByteArrayView>
#include <QDateTime>

namespace Amiens {

/// Reads a Date header value (RFC 5322 §3.3 and the obsolete and broken forms seen in real mail:
/// no day name, two-digit years, named zones, missing seconds, extra spaces) into UTC. It is
/// VMime 0.9.2's lenient reading (datetime::parseImpl) rewritten, so dates did not change when
/// HeaderDecoder stopped using VMime, except where VMime was wrong: zone names ("CET" was read
/// as CDT), military letters and "+01:00" (tst_headerdecoder lists them). Invalid when empty,
/// impossible or before 1970.
class MailDateParser
{
public:
    [[nodiscard]] static QDateTime parse(QByteArrayView value);
};

} // namespace Amiens
