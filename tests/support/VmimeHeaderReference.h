#pragma once

#include "mime/MessageHeaders.h"

#include <QByteArray>

namespace Amiens {

/// The former VMime-based HeaderDecoder::decode, the reference the hand-written decoder is
/// compared with: same input, same MessageHeaders expected (tst_headerdecoder).
class VmimeHeaderReference
{
public:
    [[nodiscard]] static MessageHeaders decode(const QByteArray &rawHeader);
};

} // namespace Amiens
