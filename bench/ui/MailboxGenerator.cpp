#include "MailboxGenerator.h"

#include "cache/MailCache.h"
#include "imap/FolderInfo.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Amiens::Bench {

namespace {

const QStringList kFirstNames = {u"Élodie"_s, u"François"_s, u"Cécile"_s, u"Jean"_s,    u"Marie"_s,
                                 u"Noémie"_s, u"Loïc"_s,     u"Hélène"_s, u"Thierry"_s, u"Aïcha"_s};
const QStringList kLastNames = {u"Lefèvre"_s, u"Hénault"_s, u"N'Diaye"_s,  u"Martin"_s,  u"Dupont"_s,
                                u"Caron"_s,   u"Bécourt"_s, u"Delattre"_s, u"Vasseur"_s, u"Lemaire"_s};
const QStringList kTopics = {u"Conseil de classe"_s,    u"Réunion parents-professeurs"_s,
                             u"Sortie pédagogique"_s,   u"Note de service"_s,
                             u"Emploi du temps"_s,      u"Voyage scolaire"_s,
                             u"Bulletin trimestriel"_s, u"Formation continue"_s,
                             u"Examens blancs"_s,       u"Projet d'établissement"_s};
const QStringList kWords = {
    u"élèves"_s,    u"classe"_s,      u"réunion"_s, u"salle"_s,      u"parents"_s,    u"collège"_s,
    u"lycée"_s,     u"proviseur"_s,   u"dossier"_s, u"calendrier"_s, u"évaluation"_s, u"compétences"_s,
    u"projet"_s,    u"inscription"_s, u"cantine"_s, u"transport"_s,  u"absence"_s,    u"remplacement"_s,
    u"programme"_s, u"séquence"_s,    u"devoir"_s,  u"correction"_s, u"équipe"_s,     u"pédagogique"_s};

QByteArray encodedWord(const QString &text)
{
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

/// "Élodie Lefèvre" → "elefevre", the academy's identifier shape.
QByteArray login(const QString &firstName, const QString &lastName)
{
    QByteArray result;
    for (const QChar c : QString(firstName.left(1) + lastName).normalized(QString::NormalizationForm_D)) {
        if (c.isLetter() && c.unicode() < 128)
            result.append(char(c.toLower().unicode()));
    }
    return result;
}

} // namespace

bool MailboxGenerator::ensure(const QString &cachePath, const QString &accountKey, int count, QString *error)
{
    MailCache cache;
    if (!cache.open(cachePath, accountKey, MailCache::Mode::ReadWrite, error))
        return false;
    if (const auto inbox = cache.folderStore().folder(u"INBOX"_s);
        inbox && cache.messageStore().messageCount(inbox->id) == count)
        return true;
    FolderInfo inboxInfo;
    inboxInfo.pathParts = {u"INBOX"_s};
    inboxInfo.role = FolderInfo::Role::Inbox;
    QList<FolderInfo> folders{inboxInfo};
    for (const auto &[name, role] :
         {std::pair{u"Sent"_s, FolderInfo::Role::Sent}, std::pair{u"Drafts"_s, FolderInfo::Role::Drafts},
          std::pair{u"Trash"_s, FolderInfo::Role::Trash},
          std::pair{u"Archives"_s, FolderInfo::Role::Archive}}) {
        FolderInfo folder;
        folder.pathParts = {name};
        folder.role = role;
        folders.append(folder);
    }
    if (!cache.folderStore().replaceFolderList(folders)) {
        *error = cache.lastError();
        return false;
    }
    const qint64 inbox = cache.folderStore().folder(u"INBOX"_s)->id;
    QRandomGenerator random(2026);
    const QDateTime start(QDate(2022, 9, 1), QTime(7, 30), Qt::UTC);
    constexpr int kBatch = 2000;
    for (int first = 1; first <= count; first += kBatch) {
        QList<FetchedMessage> headers;
        QList<QPair<quint32, QByteArray>> bodies;
        for (int uid = first; uid < first + kBatch && uid <= count; ++uid) {
            const QString firstName = kFirstNames.at(random.bounded(kFirstNames.size()));
            const QString lastName = kLastNames.at(random.bounded(kLastNames.size()));
            const QString subject = kTopics.at(random.bounded(kTopics.size())) + u" — "_s +
                                    kWords.at(random.bounded(kWords.size())) + u" n°"_s +
                                    QString::number(uid);
            const QDateTime date = start.addSecs(qint64(uid) * 900);
            const QByteArray header =
                "From: " + encodedWord(firstName + u' ' + lastName) + " <" + login(firstName, lastName) +
                "@ac-amiens.fr>\r\nTo: Marie Dupont <mdupont@ac-amiens.fr>\r\nSubject: " +
                encodedWord(subject) + "\r\nDate: " + date.toString(Qt::RFC2822Date).toLatin1() +
                "\r\nMessage-ID: <" + QByteArray::number(uid) +
                ".bench@ac-amiens.fr>\r\nMIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
            QStringList text;
            const int words = 40 + int(random.bounded(160));
            for (int i = 0; i < words; ++i)
                text.append(kWords.at(random.bounded(kWords.size())));
            const QByteArray body = header + text.join(u' ').toUtf8() + "\r\n";
            FetchedMessage fetched;
            fetched.uid = quint32(uid);
            fetched.flags = random.bounded(4) == 0 ? QStringList() : QStringList{u"\\Seen"_s};
            fetched.internalDate = date;
            fetched.size = body.size();
            fetched.rawHeader = header;
            headers.append(fetched);
            bodies.append({quint32(uid), body});
        }
        if (!cache.messageStore().storeHeaders(inbox, headers) ||
            !cache.messageStore().storeBodies(inbox, bodies)) {
            *error = cache.lastError();
            return false;
        }
    }
    return true;
}

} // namespace Amiens::Bench
