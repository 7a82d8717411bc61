#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Amiens {

struct CachedMessage;
struct MailAddress;

/// How the reading commands (list, search, show) print messages and addresses.
class MessageFormat
{
public:
    [[nodiscard]] static QJsonObject addressJson(const MailAddress &address);
    [[nodiscard]] static QJsonArray addressesJson(const QList<MailAddress> &addresses);
    [[nodiscard]] static QJsonObject summaryJson(const CachedMessage &message);
    /// UID, marks (N unread, ! flagged, @ attachments), date, sender and subject, tab-separated.
    [[nodiscard]] static QString summaryLine(const CachedMessage &message);
};

} // namespace Amiens
