#pragma once

#include "ProviderPreset.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace Amiens {

/// Finds provider presets. Folders are searched in order and the first file for an id wins, so
/// the user's folder overrides the site's (/etc/xdg/amiens-mail/providers), which overrides the
/// installed and built-in presets.
class ProviderRegistry
{
public:
    explicit ProviderRegistry(QStringList searchFolders = defaultSearchFolders());

    /// ~/.config/amiens-mail/providers, $XDG_CONFIG_DIRS/amiens-mail/providers,
    /// $XDG_DATA_DIRS/amiens-mail/providers, then the presets compiled into the program.
    [[nodiscard]] static QStringList defaultSearchFolders();

    [[nodiscard]] std::optional<ProviderPreset> presetById(const QString &id) const;
    [[nodiscard]] std::optional<ProviderPreset> presetForDomain(const QString &domain) const;
    /// Every preset id once, with the one that wins.
    [[nodiscard]] QList<ProviderPreset> presets() const;
    /// Files that could not be read, with the reason (for the logs and IT).
    [[nodiscard]] QStringList problems() const;

private:
    QStringList m_searchFolders;
};

} // namespace Amiens
