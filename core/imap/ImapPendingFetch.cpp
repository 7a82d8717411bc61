#include "ImapPendingFetch.h"

#include <QByteArray>
#include <limits>

namespace Amiens {

namespace {

/// "7", "1:5" or "300:*" (any order of the two ends); nullopt when unreadable.
std::optional<QPair<quint32, quint32>> range(const QByteArray &text)
{
    const auto bound = [](const QByteArray &end) -> std::optional<quint32> {
        if (end == "*")
            return std::numeric_limits<quint32>::max();
        bool ok = false;
        const uint value = end.toUInt(&ok);
        return ok ? std::optional<quint32>(value) : std::nullopt;
    };
    const qsizetype colon = text.indexOf(':');
    const auto first = bound(colon < 0 ? text : text.left(colon));
    const auto last = bound(colon < 0 ? text : text.mid(colon + 1));
    if (!first || !last)
        return std::nullopt;
    return qMakePair(std::min(*first, *last), std::max(*first, *last));
}

} // namespace

ImapPendingFetch::ImapPendingFetch(std::string tag, const std::string &uidSet, const std::string &attributes)
    : m_tag(std::move(tag))
    , m_wantsSection(attributes.find("BODY.PEEK[") != std::string::npos ||
                     attributes.find("BODY[") != std::string::npos)
{
    for (const QByteArray &part : QByteArray::fromStdString(uidSet).split(',')) {
        const auto each = range(part);
        if (!each) {
            m_ranges.clear(); // a set we cannot read: every UID is taken as asked for
            return;
        }
        m_ranges.append(*each);
    }
}

bool ImapPendingFetch::answers(const ImapFetchParser::Fetched &fetched) const
{
    if (fetched.hasSection != m_wantsSection)
        return false;
    if (m_ranges.isEmpty())
        return true;
    const quint32 uid = fetched.message.uid;
    for (const auto &[first, last] : m_ranges) {
        if (uid >= first && uid <= last)
            return true;
    }
    return false;
}

void ImapPendingFetch::keep(ImapFetchParser::Fetched &&fetched)
{
    m_kept.append(std::move(fetched));
}

QList<ImapFetchParser::Fetched> ImapPendingFetch::takeKept()
{
    return std::exchange(m_kept, {});
}

void ImapPendingFetch::setMalformed(const QString &error)
{
    if (!m_malformed)
        m_malformed = error;
}

} // namespace Amiens
