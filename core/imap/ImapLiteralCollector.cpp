#include "ImapLiteralCollector.h"

#include "net/ImapStreamGuard.h"

#include <algorithm>
#include <vmime/utility/progressListener.hpp>

namespace Amiens {

using Parser = vmime::net::imap::IMAPParser;

/// Appends each chunk VMime reads; the announced length (progress start) reserves the buffer once.
class ImapLiteralCollector::Target : public Parser::literalHandler::target,
                                     public vmime::utility::progressListener
{
public:
    explicit Target(QByteArray &buffer)
        : Parser::literalHandler::target(this)
        , m_buffer(buffer)
    {
    }

    void putData(const vmime::string &chunk) override
    {
        m_buffer.append(chunk.data(), static_cast<qsizetype>(chunk.size()));
    }
    void start(const size_t predictedTotal) override
    {
        // The stream guard has already refused a literal announced beyond its bound.
        m_buffer.reserve(static_cast<qsizetype>(
            std::min<size_t>(predictedTotal, static_cast<size_t>(ImapStreamGuard::kMaxLiteralBytes))));
    }
    void progress(const size_t, const size_t) override {}
    void stop(const size_t) override {}

private:
    QByteArray &m_buffer;
};

Parser::literalHandler::target *ImapLiteralCollector::targetFor(const Parser::component &component, int data)
{
    if (data != Parser::msg_att_item::BODY_SECTION)
        return nullptr;
    // VMime deletes the target once the literal is read; the buffer stays here.
    QByteArray &buffer = m_literals[&component];
    buffer.clear();
    return new Target(buffer);
}

std::optional<QByteArray> ImapLiteralCollector::take(const Parser::component *item)
{
    const auto found = m_literals.find(item);
    if (found == m_literals.end())
        return std::nullopt;
    QByteArray literal = std::move(found.value());
    m_literals.erase(found);
    return literal;
}

} // namespace Amiens
