#include "PresetsCommand.h"

#include "CommandContext.h"
#include "account/ProviderRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Amiens {

QString PresetsCommand::name() const
{
    return u"presets"_s;
}

QString PresetsCommand::usage() const
{
    return u"  presets                     list the provider presets\n"_s;
}

int PresetsCommand::run(CommandContext &context)
{
    QTextStream &out = CommandContext::out();
    const ProviderRegistry registry;
    const QList<ProviderPreset> presets = registry.presets();
    if (context.json()) {
        QJsonArray array;
        for (const ProviderPreset &preset : presets) {
            array.append(
                QJsonObject{{u"id"_s, preset.id},
                            {u"name"_s, preset.displayName},
                            {u"domains"_s, QJsonArray::fromStringList(preset.domains)},
                            {u"imap"_s, u"%1:%2"_s.arg(preset.incoming.host).arg(preset.incoming.port)},
                            {u"smtp"_s, u"%1:%2"_s.arg(preset.outgoing.host).arg(preset.outgoing.port)},
                            {u"source"_s, preset.sourcePath}});
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const ProviderPreset &preset : presets)
            out << preset.id << '\t' << preset.displayName << '\t' << preset.sourcePath << '\n';
    }
    for (const QString &problem : registry.problems())
        CommandContext::err() << tr("Warning: %1").arg(problem) << '\n';
    return CommandContext::Success;
}

} // namespace Amiens
