#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Amiens {

/// The QUOTAROOT and QUOTA responses (RFC 9208 §5.1, §5.2; RFC 2087 servers send the same),
/// which VMime 0.9.2's parser does not know. A mailbox may fall under several quota roots, each
/// with its resources: STORAGE in KiB, MESSAGE counts, and others kept by name. Reads the raw
/// lines of ImapCommandChannel::executeRaw.
class ImapQuotaParser
{
public:
    struct Resource
    {
        QString name; ///< upper case: "STORAGE", "MESSAGE", "MAILBOX", "ANNOTATION-STORAGE"…
        quint64 usage = 0;
        quint64 limit = 0;
    };
    struct Quota
    {
        QString root; ///< the quota root's name as the server gives it ("" for Dovecot's default)
        QList<Resource> resources;

        /// STORAGE: usage and limit in KiB (1,024 bytes).
        [[nodiscard]] std::optional<Resource> storage() const;
        /// MESSAGE: how many messages.
        [[nodiscard]] std::optional<Resource> messages() const;
        [[nodiscard]] std::optional<Resource> resource(const QString &name) const;
    };
    /// What GETQUOTAROOT answers for one mailbox.
    struct QuotaRoots
    {
        QString mailbox;     ///< decoded from modified UTF-7
        QStringList roots;   ///< empty: the mailbox has no quota
        QList<Quota> quotas; ///< the QUOTA of each root the server reported, in roots' order
    };

    /// The QUOTAROOT line of @p untagged and the QUOTA lines of its roots; nullopt and @p error
    /// when a line is malformed or no QUOTAROOT came.
    [[nodiscard]] static std::optional<QuotaRoots> parseQuotaRoot(const QList<QByteArray> &untagged,
                                                                  QString *error = nullptr);
    /// One "* QUOTA root (resource usage limit …)" line.
    [[nodiscard]] static std::optional<Quota> parseQuotaLine(const QByteArray &line,
                                                             QString *error = nullptr);
    /// One "* QUOTAROOT mailbox *(root)" line.
    [[nodiscard]] static std::optional<QuotaRoots> parseQuotaRootLine(const QByteArray &line,
                                                                      QString *error = nullptr);

    /// Roots and resources beyond these are refused: real servers send one to three.
    static constexpr int kMaxRoots = 1000;
    static constexpr int kMaxResources = 1000;
};

} // namespace Amiens
