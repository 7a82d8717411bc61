#include "DraftStore.h"

#include "util/Clock.h"
#include "util/Logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto kOwnerOnlyDirectory = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

QJsonArray addressesToJson(const QList<MailAddress> &addresses)
{
    QJsonArray array;
    for (const MailAddress &address : addresses)
        array.append(QJsonObject{{u"name"_s, address.name}, {u"address"_s, address.address}});
    return array;
}

QList<MailAddress> addressesFromJson(const QJsonValue &value)
{
    QList<MailAddress> result;
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject object = item.toObject();
        result.append({object.value(u"name"_s).toString(), object.value(u"address"_s).toString()});
    }
    return result;
}

QString attachmentFileName(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()) +
           u".part"_s;
}

bool makePrivateDirectory(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    QFile::setPermissions(path, kOwnerOnlyDirectory);
    return true;
}

bool isSafeId(const QString &id)
{
    // Ids name directories: never let one climb out of the drafts folder.
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != u'-')
            return false;
    }
    return true;
}

} // namespace

QString DraftStore::newId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

DraftStore::DraftStore(QString directory)
    : m_directory(std::move(directory))
{
}

QString DraftStore::draftDirectory(const QString &id) const
{
    return m_directory + u'/' + id;
}

QString DraftStore::deletionsDirectory() const
{
    return m_directory + u"/.server-deletions"_s;
}

bool DraftStore::writeFile(const QString &path, const QByteArray &data, QString *error) const
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.setPermissions(kOwnerOnly);
        file.write(data);
        if (file.commit()) {
            QFile::setPermissions(path, kOwnerOnly);
            return true;
        }
    }
    qCWarning(lcCache).noquote() << "draft not written:" << path << file.errorString();
    if (error)
        *error = tr("The draft could not be saved in %1 (%2). Check the free space on the disk.")
                     .arg(QDir::toNativeSeparators(m_directory), file.errorString());
    return false;
}

bool DraftStore::save(const Draft &draft, QString *error)
{
    if (!isSafeId(draft.id)) {
        if (error)
            *error = tr("The draft has an invalid name.");
        return false;
    }
    const QString folder = draftDirectory(draft.id);
    if (!makePrivateDirectory(m_directory) || !makePrivateDirectory(folder)) {
        if (error)
            *error = tr("The drafts folder %1 could not be created.").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    const OutgoingMessage &message = draft.message;
    QJsonArray attachments;
    QSet<QString> used;
    for (const OutgoingAttachment &attachment : message.attachments) {
        const QString name = attachmentFileName(attachment.data);
        const QString path = folder + u'/' + name;
        // Content-addressed: a file already there holds exactly these bytes.
        if (!used.contains(name) && !QFile::exists(path) && !writeFile(path, attachment.data, error))
            return false;
        used.insert(name);
        attachments.append(QJsonObject{{u"fileName"_s, attachment.fileName},
                                       {u"mimeType"_s, attachment.mimeType},
                                       {u"file"_s, name},
                                       {u"size"_s, attachment.data.size()}});
    }
    const QJsonObject object{
        {u"version"_s, 1},
        {u"id"_s, draft.id},
        {u"revision"_s, draft.revision},
        {u"updated"_s,
         (draft.updated.isValid() ? draft.updated : Clock::currentDateTimeUtc()).toString(Qt::ISODateWithMs)},
        {u"toText"_s, draft.toText},
        {u"ccText"_s, draft.ccText},
        {u"bccText"_s, draft.bccText},
        {u"richText"_s, draft.richText},
        {u"signatureId"_s, draft.signatureId},
        {u"insertedSignature"_s, draft.insertedSignature},
        {u"fromName"_s, message.from.name},
        {u"fromAddress"_s, message.from.address},
        {u"to"_s, addressesToJson(message.to)},
        {u"cc"_s, addressesToJson(message.cc)},
        {u"bcc"_s, addressesToJson(message.bcc)},
        {u"subject"_s, message.subject},
        {u"plainText"_s, message.plainText},
        {u"html"_s, message.html},
        {u"attachments"_s, attachments},
        {u"requestReadReceipt"_s, message.requestReadReceipt},
        {u"priority"_s, static_cast<int>(message.priority)},
        {u"inReplyTo"_s, message.inReplyTo},
        {u"references"_s, QJsonArray::fromStringList(message.references)},
        {u"messageId"_s, message.messageId},
    };
    if (!writeFile(folder + u"/draft.json"_s, QJsonDocument(object).toJson(QJsonDocument::Compact), error))
        return false;
    // Attachments removed from the draft go only once the new draft.json no longer names them.
    const QStringList parts = QDir(folder).entryList({u"*.part"_s}, QDir::Files);
    for (const QString &part : parts) {
        if (!used.contains(part))
            QFile::remove(folder + u'/' + part);
    }
    return true;
}

std::optional<Draft> DraftStore::load(const QString &id, QString *error, bool withAttachmentData) const
{
    const auto fail = [error](const QString &text) -> std::optional<Draft> {
        if (error)
            *error = text;
        return std::nullopt;
    };
    if (!isSafeId(id))
        return fail(tr("The draft has an invalid name."));
    const QString folder = draftDirectory(id);
    QFile file(folder + u"/draft.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("The draft %1 cannot be read.").arg(id));
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    if (object.value(u"id"_s).toString() != id)
        return fail(tr("The draft %1 is damaged.").arg(id));
    Draft draft;
    draft.id = id;
    draft.revision = object.value(u"revision"_s).toInteger();
    draft.updated = QDateTime::fromString(object.value(u"updated"_s).toString(), Qt::ISODateWithMs);
    draft.toText = object.value(u"toText"_s).toString();
    draft.ccText = object.value(u"ccText"_s).toString();
    draft.bccText = object.value(u"bccText"_s).toString();
    draft.richText = object.value(u"richText"_s).toBool();
    draft.signatureId = object.value(u"signatureId"_s).toString();
    draft.insertedSignature = object.value(u"insertedSignature"_s).toString();
    OutgoingMessage &message = draft.message;
    message.from = {object.value(u"fromName"_s).toString(), object.value(u"fromAddress"_s).toString()};
    message.to = addressesFromJson(object.value(u"to"_s));
    message.cc = addressesFromJson(object.value(u"cc"_s));
    message.bcc = addressesFromJson(object.value(u"bcc"_s));
    message.subject = object.value(u"subject"_s).toString();
    message.plainText = object.value(u"plainText"_s).toString();
    message.html = object.value(u"html"_s).toString();
    message.requestReadReceipt = object.value(u"requestReadReceipt"_s).toBool();
    const int priority = object.value(u"priority"_s).toInt();
    message.priority = priority >= 0 && priority <= 2 ? static_cast<OutgoingMessage::Priority>(priority)
                                                      : OutgoingMessage::Priority::Normal;
    message.inReplyTo = object.value(u"inReplyTo"_s).toString();
    for (const QJsonValue &reference : object.value(u"references"_s).toArray())
        message.references.append(reference.toString());
    message.messageId = object.value(u"messageId"_s).toString();
    for (const QJsonValue &item : object.value(u"attachments"_s).toArray()) {
        const QJsonObject entry = item.toObject();
        OutgoingAttachment attachment;
        attachment.fileName = entry.value(u"fileName"_s).toString();
        attachment.mimeType = entry.value(u"mimeType"_s).toString();
        const QString name = entry.value(u"file"_s).toString();
        QFile part(folder + u'/' + name);
        if (name.contains(u'/') || !part.exists())
            return fail(tr("The attachment %1 of the draft cannot be read.").arg(attachment.fileName));
        if (withAttachmentData) {
            if (!part.open(QIODevice::ReadOnly))
                return fail(tr("The attachment %1 of the draft cannot be read.").arg(attachment.fileName));
            attachment.data = part.readAll();
        }
        message.attachments.append(attachment);
    }
    return draft;
}

QList<Draft> DraftStore::drafts(bool withAttachmentData) const
{
    QList<Draft> result;
    const QStringList ids = QDir(m_directory).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &id : ids) {
        if (auto draft = load(id, nullptr, withAttachmentData))
            result.append(*draft);
    }
    std::sort(result.begin(), result.end(),
              [](const Draft &a, const Draft &b) { return a.updated > b.updated; });
    return result;
}

bool DraftStore::remove(const QString &id, QString *error)
{
    if (!isSafeId(id))
        return false;
    const auto draft = load(id, nullptr, false);
    // First the note for the server, then the files: a crash in between deletes nothing twice.
    if (draft && !draft->message.messageId.isEmpty()) {
        if (!makePrivateDirectory(deletionsDirectory()) ||
            !writeFile(deletionsDirectory() + u'/' +
                           QString::fromLatin1(draft->message.messageId.toUtf8().toHex()),
                       draft->message.messageId.toUtf8(), error))
            return false;
    }
    if (!QDir(draftDirectory(id)).removeRecursively()) {
        if (error)
            *error = tr("The draft %1 could not be deleted.").arg(id);
        return false;
    }
    return true;
}

qint64 DraftStore::uploadedRevision(const QString &id) const
{
    QFile file(draftDirectory(id) + u"/uploaded"_s);
    if (!isSafeId(id) || !file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

bool DraftStore::setUploadedRevision(const QString &id, qint64 revision, QString *error)
{
    // A draft removed meanwhile (sent) must not come back as a folder holding only this file.
    if (!isSafeId(id) || !QFile::exists(draftDirectory(id) + u"/draft.json"_s))
        return false;
    return writeFile(draftDirectory(id) + u"/uploaded"_s, QByteArray::number(revision), error);
}

QStringList DraftStore::pendingServerDeletions() const
{
    QStringList result;
    const QDir dir(deletionsDirectory());
    for (const QString &name : dir.entryList(QDir::Files)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            result.append(QString::fromUtf8(file.readAll()));
    }
    return result;
}

void DraftStore::serverDeletionDone(const QString &messageId)
{
    QFile::remove(deletionsDirectory() + u'/' + QString::fromLatin1(messageId.toUtf8().toHex()));
}

} // namespace Amiens
