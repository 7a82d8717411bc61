#pragma once

#include "ImapJob.h"

#include <QList>
#include <QString>

namespace Amiens {

/// The server's own full-text search (UID SEARCH CHARSET UTF-8 TEXT) in every folder the cache
/// knows, for what the offline cache cannot answer: bodies not downloaded yet (the "headers
/// only" or "last N days" offline policies). Results are the cached messages that match.
class ServerSearchJob final : public ImapJob
{
public:
    explicit ServerSearchJob(QString text);

    [[nodiscard]] QString name() const override;
    void run(ImapConnection &connection, MailCache &cache) override;

    /// Cache row ids of the matching messages, newest folder order kept; messages the server has
    /// but the cache does not yet (arrived since the last sync) are counted in missing().
    [[nodiscard]] QList<qint64> rowIds() const { return m_rowIds; }
    [[nodiscard]] int missing() const { return m_missing; }
    /// The server has no LITERAL+ and the text is not plain ASCII: nothing was searched.
    [[nodiscard]] bool unsupported() const { return m_unsupported; }

    /// The SEARCH criteria for @p text: the words as one UTF-8 literal (LITERAL+, no round trip),
    /// or a quoted string when the server lacks LITERAL+ and the text is plain ASCII; empty when
    /// the text cannot be sent safely.
    [[nodiscard]] static std::string criteria(const QString &text, bool literalPlus);

private:
    QString m_text;
    QList<qint64> m_rowIds;
    int m_missing = 0;
    bool m_unsupported = false;
};

} // namespace Amiens
