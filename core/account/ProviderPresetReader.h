#pragma once

#include "ProviderPreset.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <optional>

namespace Amiens {

/// Reads Thunderbird's autoconfig format (config-v1.1.xml). Of several incoming or outgoing
/// servers the first usable one wins, as in Thunderbird; "plain" servers are never usable.
class ProviderPresetReader
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::ProviderPresetReader)

public:
    [[nodiscard]] static std::optional<ProviderPreset> read(const QByteArray &xml, QString *error);
    [[nodiscard]] static std::optional<ProviderPreset> readFile(const QString &path, QString *error);
};

} // namespace Amiens
