#pragma once

#include "AccountQuota.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <optional>

namespace Amiens {

/// How full the mailbox is, for the window's banner and `amiens-mail-cli quota`: a level and one
/// French sentence. Academic quotas are small (200–500 Mo), so the user is told early: a warning
/// from 80 %, critical from 95 %, full at the limit (the server then refuses new mail and Sent
/// copies with [OVERQUOTA]). Sizes are written in the default locale (« 1,6 Mo » once the French
/// translation is installed, which sets it).
class QuotaStatus
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::QuotaStatus)

public:
    enum class Level
    {
        Unknown, ///< no quota read, or no limit: nothing to show
        Normal,
        Warning,  ///< ≥ 80 %
        Critical, ///< ≥ 95 %
        Full,     ///< at or over the limit
    };

    static constexpr int kWarningPercent = 80;
    static constexpr int kCriticalPercent = 95;

    QuotaStatus() = default;
    /// The status of @p quota (storage first; the message count when it is the nearer limit).
    [[nodiscard]] static QuotaStatus of(const std::optional<AccountQuota> &quota,
                                        const QLocale &locale = QLocale());

    [[nodiscard]] Level level() const { return m_level; }
    /// Whole percent, rounded down (79.9 % is not yet a warning); -1 when Unknown.
    [[nodiscard]] int percent() const { return m_percent; }
    /// A complete sentence for the user; for Normal a plain statement, empty when Unknown.
    [[nodiscard]] QString message() const { return m_message; }
    /// Whether the window should show a banner (Warning and above).
    [[nodiscard]] bool needsAttention() const { return m_level >= Level::Warning; }
    [[nodiscard]] const std::optional<AccountQuota> &quota() const { return m_quota; }

    /// "unknown", "normal", "warning", "critical", "full", as the CLI's --json writes it.
    [[nodiscard]] static QString levelName(Level level);
    /// @p kib as the user reads it: « 820 Ko », « 1,6 Mo », « 2 Mo », « 1,2 Go ».
    [[nodiscard]] static QString formatSize(qint64 kib, const QLocale &locale = QLocale());

private:
    Level m_level = Level::Unknown;
    int m_percent = -1;
    QString m_message;
    std::optional<AccountQuota> m_quota;
};

} // namespace Amiens
