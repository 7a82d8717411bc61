#include "MessageTransferQueue.h"

#include "util/Clock.h"
#include "util/DurableFile.h"
#include "util/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

using Transfer = MessageTransferQueue::Transfer;

constexpr Transfer::State kStates[] = {Transfer::State::Queued, Transfer::State::Attempted,
                                       Transfer::State::Appended, Transfer::State::Failed};

QJsonObject toJson(const Transfer &transfer)
{
    return QJsonObject{{u"folder"_s, transfer.folderPath},
                       {u"flags"_s, QJsonArray::fromStringList(transfer.flags)},
                       {u"messageId"_s, transfer.messageId},
                       {u"source"_s, transfer.sourceAccount},
                       {u"subject"_s, transfer.subject},
                       {u"state"_s, MessageTransferQueue::stateName(transfer.state)},
                       {u"attempts"_s, transfer.attempts},
                       {u"error"_s, transfer.lastError},
                       {u"createdAt"_s, transfer.createdAt.toString(Qt::ISODateWithMs)}};
}

std::optional<Transfer> fromJson(const QString &id, const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    if (object.isEmpty())
        return std::nullopt;
    Transfer transfer;
    transfer.id = id;
    transfer.folderPath = object.value(u"folder"_s).toString();
    for (const QJsonValue &flag : object.value(u"flags"_s).toArray())
        transfer.flags.append(flag.toString());
    transfer.messageId = object.value(u"messageId"_s).toString();
    transfer.sourceAccount = object.value(u"source"_s).toString();
    transfer.subject = object.value(u"subject"_s).toString();
    const QString state = object.value(u"state"_s).toString();
    for (const Transfer::State candidate : kStates) {
        if (MessageTransferQueue::stateName(candidate) == state)
            transfer.state = candidate;
    }
    transfer.attempts = object.value(u"attempts"_s).toInt();
    transfer.lastError = object.value(u"error"_s).toString();
    transfer.createdAt = QDateTime::fromString(object.value(u"createdAt"_s).toString(), Qt::ISODateWithMs);
    if (transfer.folderPath.isEmpty())
        return std::nullopt;
    return transfer;
}

} // namespace

MessageTransferQueue::MessageTransferQueue(QString directory)
    : m_directory(std::move(directory))
{
}

QString MessageTransferQueue::stateName(Transfer::State state)
{
    switch (state) {
    case Transfer::State::Queued:
        return u"queued"_s;
    case Transfer::State::Attempted:
        return u"attempted"_s;
    case Transfer::State::Appended:
        return u"appended"_s;
    case Transfer::State::Failed:
        return u"failed"_s;
    }
    return {};
}

QString MessageTransferQueue::newId()
{
    return Clock::currentDateTimeUtc().toString(u"yyyyMMddTHHmmsszzz"_s) + u'-' +
           QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, u'0');
}

QString MessageTransferQueue::path(const QString &id, const char *suffix) const
{
    return m_directory + u'/' + id + QString::fromLatin1(suffix);
}

std::optional<QString> MessageTransferQueue::enqueue(const QByteArray &raw, Transfer transfer, QString *error)
{
    if (!PrivateFiles::makeFolder(m_directory)) {
        if (error)
            *error = tr("The folder %1 could not be created.").arg(m_directory);
        return std::nullopt;
    }
    transfer.createdAt = Clock::currentDateTimeUtc();
    if (transfer.id.isEmpty())
        transfer.id = newId();
    transfer.state = Transfer::State::Queued;
    QString technical;
    // The bytes first: a record never points at a message that is not on disk.
    if (!DurableFile::write(path(transfer.id, ".eml"), raw, &technical) ||
        !DurableFile::write(path(transfer.id, ".json"), QJsonDocument(toJson(transfer)).toJson(),
                            &technical)) {
        QFile::remove(path(transfer.id, ".eml"));
        if (error)
            *error = tr("The message could not be saved for the other account (is the disk full?): %1")
                         .arg(technical);
        return std::nullopt;
    }
    return transfer.id;
}

QList<Transfer> MessageTransferQueue::all() const
{
    QList<Transfer> result;
    const QStringList records = QDir(m_directory).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : records) {
        const QString id = name.chopped(5);
        if (auto transfer = this->transfer(id))
            result.append(*transfer);
    }
    return result;
}

std::optional<Transfer> MessageTransferQueue::transfer(const QString &id) const
{
    QFile file(path(id, ".json"));
    if (id.isEmpty() || id.contains(u'/') || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return fromJson(id, file.readAll());
}

std::optional<QByteArray> MessageTransferQueue::bytes(const QString &id) const
{
    QFile file(path(id, ".eml"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

bool MessageTransferQueue::update(const Transfer &transfer, QString *error)
{
    QString technical;
    if (DurableFile::write(path(transfer.id, ".json"), QJsonDocument(toJson(transfer)).toJson(), &technical))
        return true;
    if (error)
        *error =
            tr("The state of a message moved between accounts could not be saved (is the disk full?): %1")
                .arg(technical);
    return false;
}

bool MessageTransferQueue::dropBytes(const QString &id)
{
    const bool removed = !QFile::exists(path(id, ".eml")) || QFile::remove(path(id, ".eml"));
    return removed && DurableFile::syncDirectory(m_directory);
}

bool MessageTransferQueue::remove(const QString &id)
{
    // The record last: while it exists, the transfer is not forgotten.
    QFile::remove(path(id, ".eml"));
    const bool removed = QFile::remove(path(id, ".json"));
    DurableFile::syncDirectory(m_directory);
    return removed;
}

} // namespace Amiens
