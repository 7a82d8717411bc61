#include "ProviderRegistry.h"

#include "ProviderPresetReader.h"

#include <QDir>
#include <QSet>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

const auto kProvidersSubfolder = "amiens-mail/providers"_L1;
const auto kBuiltInFolder = ":/providers"_L1;

QStringList presetFiles(const QString &folder)
{
    QDir dir(folder);
    QStringList files;
    const QStringList names = dir.entryList({u"*.xml"_s}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names)
        files.append(dir.filePath(name));
    return files;
}

} // namespace

ProviderRegistry::ProviderRegistry(QStringList searchFolders)
    : m_searchFolders(std::move(searchFolders))
{
}

QStringList ProviderRegistry::defaultSearchFolders()
{
    QStringList folders;
    const QStringList configDirs = QStandardPaths::standardLocations(QStandardPaths::GenericConfigLocation);
    for (const QString &dir : configDirs)
        folders.append(dir + u'/' + kProvidersSubfolder);
    const QStringList dataDirs = QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation);
    for (const QString &dir : dataDirs)
        folders.append(dir + u'/' + kProvidersSubfolder);
    folders.append(kBuiltInFolder);
    return folders;
}

QList<ProviderPreset> ProviderRegistry::presets() const
{
    QList<ProviderPreset> result;
    QSet<QString> seen;
    for (const QString &folder : m_searchFolders) {
        const QStringList files = presetFiles(folder);
        for (const QString &file : files) {
            auto preset = ProviderPresetReader::readFile(file, nullptr);
            if (!preset || seen.contains(preset->id))
                continue;
            seen.insert(preset->id);
            result.append(*preset);
        }
    }
    return result;
}

QStringList ProviderRegistry::problems() const
{
    QStringList problems;
    for (const QString &folder : m_searchFolders) {
        const QStringList files = presetFiles(folder);
        for (const QString &file : files) {
            QString error;
            if (!ProviderPresetReader::readFile(file, &error))
                problems.append(error);
        }
    }
    return problems;
}

std::optional<ProviderPreset> ProviderRegistry::presetById(const QString &id) const
{
    const QList<ProviderPreset> all = presets();
    for (const ProviderPreset &preset : all) {
        if (preset.id.compare(id, Qt::CaseInsensitive) == 0)
            return preset;
    }
    return std::nullopt;
}

std::optional<ProviderPreset> ProviderRegistry::presetForDomain(const QString &domain) const
{
    const QString wanted = domain.trimmed().toLower();
    const QList<ProviderPreset> all = presets();
    for (const ProviderPreset &preset : all) {
        if (preset.domains.contains(wanted))
            return preset;
    }
    return std::nullopt;
}

} // namespace Amiens
