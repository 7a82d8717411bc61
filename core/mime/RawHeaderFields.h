#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Amiens {

/// The fields of a raw RFC 5322 header block, unfolded, for the few fields the cache does not
/// keep (Return-Path, Auto-Submitted, List-Id, Precedence, Disposition-Notification-To…). Names
/// compare without case; values are the raw bytes, trimmed, not decoded.
class RawHeaderFields
{
public:
    /// Reads the header block at the start of @p message (up to the first empty line).
    explicit RawHeaderFields(const QByteArray &message);

    [[nodiscard]] bool contains(const QByteArray &name) const;
    /// The first field named @p name, empty when absent.
    [[nodiscard]] QByteArray value(const QByteArray &name) const;
    /// Whether any field name starts with @p prefix ("List-").
    [[nodiscard]] bool containsPrefix(const QByteArray &prefix) const;

    /// The address inside "Name <a@b>" or "<a@b>" or "a@b", lower case; empty when none.
    [[nodiscard]] static QString bareAddress(const QByteArray &value);

private:
    QList<QPair<QByteArray, QByteArray>> m_fields; ///< lower-case name, value
};

} // namespace Amiens
