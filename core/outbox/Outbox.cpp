#include "Outbox.h"

#include "util/Clock.h"
#include "util/DurableFile.h"
#include "util/Logging.h"
#include "util/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QJsonObject toJson(const OutboxEntry &entry)
{
    return {{u"id"_s, entry.id},
            {u"state"_s, OutboxEntry::stateName(entry.state)},
            {u"messageId"_s, entry.messageId},
            {u"envelopeFrom"_s, entry.envelopeFrom},
            {u"recipients"_s, QJsonArray::fromStringList(entry.recipients)},
            {u"subject"_s, entry.subject},
            {u"size"_s, entry.size},
            {u"created"_s, entry.created.toString(Qt::ISODateWithMs)},
            {u"updated"_s, entry.updated.toString(Qt::ISODateWithMs)},
            {u"nextAttempt"_s, entry.nextAttempt.toString(Qt::ISODateWithMs)},
            {u"attempts"_s, entry.attempts},
            {u"error"_s, entry.error},
            {u"errorTechnical"_s, entry.errorTechnical}};
}

std::optional<OutboxEntry> fromJson(const QByteArray &data)
{
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    const auto state = OutboxEntry::parseState(object.value(u"state"_s).toString());
    if (object.isEmpty() || !state)
        return std::nullopt;
    OutboxEntry entry;
    entry.id = object.value(u"id"_s).toString();
    entry.state = *state;
    entry.messageId = object.value(u"messageId"_s).toString();
    entry.envelopeFrom = object.value(u"envelopeFrom"_s).toString();
    for (const auto &recipient : object.value(u"recipients"_s).toArray())
        entry.recipients.append(recipient.toString());
    entry.subject = object.value(u"subject"_s).toString();
    entry.size = object.value(u"size"_s).toInteger();
    entry.created = QDateTime::fromString(object.value(u"created"_s).toString(), Qt::ISODateWithMs);
    entry.updated = QDateTime::fromString(object.value(u"updated"_s).toString(), Qt::ISODateWithMs);
    entry.nextAttempt = QDateTime::fromString(object.value(u"nextAttempt"_s).toString(), Qt::ISODateWithMs);
    entry.attempts = object.value(u"attempts"_s).toInt();
    entry.error = object.value(u"error"_s).toString();
    entry.errorTechnical = object.value(u"errorTechnical"_s).toString();
    return entry;
}

} // namespace

Outbox::Outbox(QString directory)
    : m_directory(std::move(directory))
{
}

QString Outbox::path(const QString &id, const char *suffix) const
{
    return m_directory + u'/' + id + QString::fromLatin1(suffix);
}

bool Outbox::syncDirectory(QString *error) const
{
    const bool ok = DurableFile::syncDirectory(m_directory);
    if (!ok && error)
        *error = tr("The outbox folder %1 could not be written (is the disk full?).").arg(m_directory);
    return ok;
}

bool Outbox::writeDurably(const QString &filePath, const QByteArray &data, QString *error) const
{
    QString technical;
    if (DurableFile::write(filePath, data, &technical))
        return true;
    if (error)
        *error = tr("The outbox could not be written (is the disk full?): %1").arg(technical);
    return false;
}

std::optional<OutboxEntry> Outbox::enqueue(const BuiltMessage &message, QString *error)
{
    // <profile>/outbox/<hex>: both folders private when created here.
    if (!PrivateFiles::makeFolder(m_directory)) {
        if (error)
            *error = tr("The outbox folder %1 could not be created.").arg(m_directory);
        return std::nullopt;
    }
    OutboxEntry entry;
    const QDateTime now = Clock::currentDateTimeUtc();
    // Sortable by creation, unique even for two messages in the same millisecond.
    entry.id = now.toString(u"yyyyMMddTHHmmsszzz"_s) + u'-' +
               QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, u'0');
    entry.messageId = message.messageId;
    entry.envelopeFrom = message.envelopeFrom;
    entry.recipients = message.recipients;
    entry.subject = message.subject;
    entry.size = message.bytes.size();
    entry.created = now;
    entry.updated = now;
    if (!writeDurably(path(entry.id, ".eml"), message.bytes, error))
        return std::nullopt;
    if (!writeDurably(path(entry.id, ".json"), QJsonDocument(toJson(entry)).toJson(), error)) {
        QFile::remove(path(entry.id, ".eml"));
        return std::nullopt;
    }
    qCInfo(lcNet).noquote() << "outbox: queued" << entry.id << u"<"_s + entry.messageId + u">"_s;
    return entry;
}

QList<OutboxEntry> Outbox::entries() const
{
    QList<OutboxEntry> result;
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        const QString id = name.chopped(5);
        if (auto found = entry(id))
            result.append(*found);
    }
    // A .eml without its .json is an enqueue that never completed or a removal half done; one
    // only a few minutes old may be another process's enqueue in progress.
    const QDateTime stale = Clock::currentDateTimeUtc().addSecs(-600);
    for (const QFileInfo &file : dir.entryInfoList({u"*.eml"_s}, QDir::Files)) {
        if (!QFile::exists(path(file.completeBaseName(), ".json")) && file.lastModified().toUTC() < stale)
            QFile::remove(file.filePath());
    }
    std::sort(result.begin(), result.end(),
              [](const OutboxEntry &a, const OutboxEntry &b) { return a.id < b.id; });
    return result;
}

std::optional<OutboxEntry> Outbox::entry(const QString &id) const
{
    QFile file(path(id, ".json"));
    if (!file.open(QIODevice::ReadOnly) || !QFile::exists(path(id, ".eml")))
        return std::nullopt;
    auto found = fromJson(file.readAll());
    if (found)
        found->id = id;
    return found;
}

std::optional<QByteArray> Outbox::bytes(const QString &id) const
{
    QFile file(path(id, ".eml"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

bool Outbox::update(OutboxEntry entry, QString *error)
{
    entry.updated = Clock::currentDateTimeUtc();
    if (!writeDurably(path(entry.id, ".json"), QJsonDocument(toJson(entry)).toJson(), error))
        return false;
    qCInfo(lcNet).noquote() << "outbox:" << entry.id << OutboxEntry::stateName(entry.state);
    return true;
}

bool Outbox::remove(const QString &id, QString *error)
{
    // The .json goes first: once it is gone the message no longer exists, whatever happens next.
    if (QFile::exists(path(id, ".json")) && !QFile::remove(path(id, ".json"))) {
        if (error)
            *error = tr("The message could not be removed from the outbox.");
        return false;
    }
    QFile::remove(path(id, ".eml"));
    return syncDirectory(error);
}

} // namespace Amiens
