// libFuzzer target: any bytes, read as what an IMAP server sends during a sync's FETCH, through
// the raw reader: ImapLineAssembler (responses cut, literals received apart, bounds), then each
// FETCH response through ImapFetchParser and the routing of pipelined replies
// (ImapPendingFetch), other responses back to one line as the small parsers read them, and
// SEARCH/ESEARCH answers through ImapSearchParser (sequence sets expanded within their bound).
// Built by scripts/fuzz only (AMIENS_FUZZ_TARGET=fuzz_imapreply; -DAMIENS_FUZZ=ON, clang, ASan + UBSan).
#include "imap/ImapFetchParser.h"
#include "imap/ImapLineAssembler.h"
#include "imap/ImapPendingFetch.h"
#include "imap/ImapSearchParser.h"

#include <cstddef>
#include <cstdint>

using namespace Amiens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte sets how the stream is cut into reads (1 to 256 bytes), as TCP would.
    const qsizetype chunk = qsizetype(data[0]) + 1;
    const auto *bytes = reinterpret_cast<const char *>(data + 1);
    const auto length = static_cast<qsizetype>(size - 1);
    // Small bounds, so that the fuzzer reaches them.
    ImapLineAssembler assembler(4096, 65536);
    static const ImapPendingFetch bodies("a1", "1:5,7,9:*", "(UID FLAGS BODY.PEEK[])");
    static const ImapPendingFetch flags("a2", "1:*", "(UID FLAGS) (CHANGEDSINCE 4)");
    for (qsizetype at = 0; at < length; at += chunk) {
        if (!assembler.append(bytes + at, std::min(chunk, length - at)))
            return 0;
        while (auto response = assembler.takeResponse()) {
            if (!ImapFetchParser::isFetch(response->text)) {
                const QByteArray line = response->inlined();
                if (ImapSearchParser::answers(line, "a3"))
                    (void)ImapSearchParser::parse({line}, "a3");
                continue;
            }
            const auto fetched = ImapFetchParser::parse(std::move(*response));
            if (fetched) {
                (void)bodies.answers(*fetched);
                (void)flags.answers(*fetched);
            }
        }
    }
    return 0;
}
