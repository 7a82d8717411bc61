// libFuzzer target: any bytes, read as what an IMAP server sends during a sync's FETCH, through
// the raw reader: ImapLineAssembler (responses cut, literals received apart, bounds), then the
// bookkeeping of pipelined commands (ImapCommandsInFlight: two FETCH batches, a UID SEARCH and a
// GETQUOTAROOT in flight): each FETCH response through ImapFetchParser to the batch it answers
// (ImapPendingFetch), other responses back to one line and kept with the command they answer, and
// the SEARCH/ESEARCH answers kept through ImapSearchParser (sequence sets expanded within their
// bound).
// Built by scripts/fuzz only (AMIENS_FUZZ_TARGET=fuzz_imapreply; -DAMIENS_FUZZ=ON, clang, ASan + UBSan).
#include "imap/ImapCommandsInFlight.h"
#include "imap/ImapFetchParser.h"
#include "imap/ImapLineAssembler.h"
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
    ImapCommandsInFlight inFlight;
    inFlight.addFetch("a1", "1:5,7,9:*", "(UID FLAGS BODY.PEEK[])");
    inFlight.addFetch("a2", "1:*", "(UID FLAGS) (CHANGEDSINCE 4)");
    inFlight.addKept("a3", "SEARCH", ImapCommandsInFlight::Kind::Search);
    inFlight.addKept("a4", "GETQUOTAROOT", ImapCommandsInFlight::Kind::QuotaRoot);
    for (qsizetype at = 0; at < length; at += chunk) {
        if (!assembler.append(bytes + at, std::min(chunk, length - at)))
            return 0;
        while (auto response = assembler.takeResponse()) {
            if (ImapFetchParser::isFetch(response->text)) {
                (void)inFlight.routeFetch(std::move(*response));
                continue;
            }
            (void)inFlight.keepLine(response->inlined(), "a1");
        }
    }
    // The replies as their readers take them.
    while (!inFlight.isEmpty()) {
        ImapCommandsInFlight::Command command = inFlight.takeOldest();
        if (command.fetch) {
            (void)command.fetch->takeKept();
            continue;
        }
        inFlight.keepReply(command, {});
        if (const auto reply = inFlight.takeReply(command.kind);
            reply && command.kind == ImapCommandsInFlight::Kind::Search)
            (void)ImapSearchParser::parse(reply->untagged, "a3");
    }
    return 0;
}
