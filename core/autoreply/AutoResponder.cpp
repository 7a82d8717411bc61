#include "AutoResponder.h"

#include "account/AccountPaths.h"
#include "account/Profile.h"
#include "cache/MailCache.h"
#include "compose/MessageBuilder.h"
#include "outbox/EnqueueOnce.h"
#include "outbox/Outbox.h"
#include "util/Clock.h"
#include "util/Logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// How many seen messages without a body may wait for it before the responder gives up on them.
constexpr int kMaxWaitingForBody = 50;

QString replyMessageId(const QString &originalMessageId, const QString &sender, const QString &ourAddress)
{
    const QByteArray key = originalMessageId.toUtf8() + '\n' + sender.toUtf8() + '\n' + ourAddress.toUtf8();
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(32);
    return u"vacation."_s + QString::fromLatin1(hash) + u'@' + ourAddress.section(u'@', -1);
}

} // namespace

AutoResponder::AutoResponder(Account account, QString profileDirectory)
    : m_account(std::move(account))
    , m_profileDirectory(std::move(profileDirectory))
{
}

AutoResponder::State AutoResponder::loadState() const
{
    State state;
    QFile file(AccountPaths(m_profileDirectory, m_account.id).autoReplyStateFile());
    if (!file.open(QIODevice::ReadOnly))
        return state;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    state.uidValidity = static_cast<quint32>(object.value(u"uidValidity"_s).toInteger());
    state.lastUid = static_cast<quint32>(object.value(u"lastUid"_s).toInteger());
    const QJsonObject replied = object.value(u"replied"_s).toObject();
    for (auto it = replied.begin(); it != replied.end(); ++it)
        state.replied.insert(it.key(), QDateTime::fromString(it.value().toString(), Qt::ISODate));
    return state;
}

bool AutoResponder::saveState(const State &state, QString *error) const
{
    const QString path = AccountPaths(m_profileDirectory, m_account.id).autoReplyStateFile();
    // Whom the user corresponds with is private, like the rest of the profile.
    QDir().mkpath(QFileInfo(path).path());
    QFile::setPermissions(QFileInfo(path).path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QJsonObject replied;
    const QDateTime forgetBefore = Clock::currentDateTimeUtc().addDays(-366);
    for (auto it = state.replied.cbegin(); it != state.replied.cend(); ++it) {
        if (it.value() >= forgetBefore) // beyond any N the page allows
            replied.insert(it.key(), it.value().toUTC().toString(Qt::ISODate));
    }
    const QJsonObject object{{u"uidValidity"_s, static_cast<qint64>(state.uidValidity)},
                             {u"lastUid"_s, static_cast<qint64>(state.lastUid)},
                             {u"replied"_s, replied}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0 ||
        !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return true;
}

std::optional<BuiltMessage> AutoResponder::buildReply(const VacationSettings &settings, const MailAddress &us,
                                                      const MessageHeaders &original, const QString &replyTo,
                                                      QString *error)
{
    OutgoingMessage reply;
    reply.from = us;
    reply.to = {MailAddress{{}, replyTo}};
    reply.subject = settings.subject.trimmed().isEmpty() ? tr("Out of office: %1").arg(original.subject)
                                                         : settings.subject.trimmed();
    reply.plainText = settings.message;
    reply.inReplyTo = original.messageId;
    reply.references = original.references;
    if (!original.messageId.isEmpty())
        reply.references.append(original.messageId);
    std::optional<BuiltMessage> built = MessageBuilder::build(reply, error);
    if (!built)
        return std::nullopt;
    // RFC 3834 §5: marks the reply as automatic, so that other responders do not answer it.
    const qsizetype headerEnd = built->bytes.indexOf("\r\n\r\n");
    built->bytes.insert(headerEnd < 0 ? 0 : headerEnd + 2, "Auto-Submitted: auto-replied\r\n");
    const QString stableId = replyMessageId(original.messageId, replyTo, us.address);
    const QByteArray oldId = '<' + built->messageId.toLatin1() + '>';
    const QByteArray newId = '<' + stableId.toLatin1() + '>';
    built->bytes.replace(oldId, newId);
    built->messageId = stableId;
    return built;
}

AutoResponder::Result AutoResponder::run(MailCache &cache, const AbsenceStore::ClientSide &clientSide)
{
    Result result;
    const auto inbox = cache.folderStore().folder(u"INBOX"_s);
    if (!inbox)
        return result;
    State state = loadState();
    if (state.uidValidity != inbox->uidValidity) {
        // A new inbox on the server: UIDs start again; the per-sender memory still prevents repeats.
        state.uidValidity = inbox->uidValidity;
        state.lastUid = 0;
    }
    QList<quint32> fresh;
    for (const quint32 uid : cache.messageStore().uids(inbox->id)) {
        if (uid > state.lastUid)
            fresh.append(uid);
    }
    std::sort(fresh.begin(), fresh.end());
    if (fresh.isEmpty())
        return result;

    const VacationSettings &settings = clientSide.vacation;
    const bool on = clientSide.active && settings.enabled;
    QStringList ourAddresses{m_account.address.toLower()};
    for (const QString &address : settings.addresses)
        ourAddresses.append(address.trimmed().toLower());
    Outbox outbox(AccountPaths(m_profileDirectory, m_account.id).outboxDirectory());
    const MailAddress us{m_account.realName, m_account.address};
    int waitingForBody = 0;
    quint32 processedUpTo = state.lastUid;
    for (const quint32 uid : std::as_const(fresh)) {
        const auto message = cache.messageStore().message(inbox->id, uid);
        if (!message)
            continue;
        const QDateTime received =
            message->internalDate.isValid() ? message->internalDate : message->headers.date;
        // Mail from before the absence or outside its period needs no body to be passed over.
        const bool candidate = on && received.isValid() && settings.coversTime(received) &&
                               (!clientSide.enabledAt.isValid() || received >= clientSide.enabledAt);
        if (on && !candidate) {
            ++result.skipped;
            processedUpTo = uid;
            continue;
        }
        std::optional<QByteArray> raw;
        if (on)
            raw = cache.messageStore().body(inbox->id, uid);
        if (on && !raw) {
            // The header fields the rules need come with the body: wait for the next sync, but
            // never for ever (a headers-only policy on an old message).
            if (++waitingForBody <= kMaxWaitingForBody && received.isValid() &&
                received.addDays(1) > Clock::currentDateTimeUtc())
                break;
            ++result.skipped;
            processedUpTo = uid;
            continue;
        }
        if (on) {
            const AutoReplyRules::Incoming incoming = AutoReplyRules::fromRaw(*raw, received);
            const std::optional<QDateTime> last = state.replied.contains(incoming.sender)
                                                      ? std::optional(state.replied.value(incoming.sender))
                                                      : std::nullopt;
            const auto outcome =
                AutoReplyRules::decide(settings, clientSide.enabledAt, incoming, ourAddresses, last);
            if (outcome == AutoReplyRules::Outcome::Reply) {
                QString error;
                const auto reply = buildReply(settings, us, message->headers, incoming.sender, &error);
                if (!reply || !enqueueOnce(outbox, *reply, &error)) {
                    // Not answered, and not marked as seen: tried again after the next sync.
                    result.error = error;
                    break;
                }
                state.replied.insert(incoming.sender, received);
                ++result.queued;
            } else {
                ++result.skipped;
            }
        }
        processedUpTo = uid;
    }
    state.lastUid = processedUpTo;
    QString error;
    if (!saveState(state, &error) && result.error.isEmpty())
        result.error = error;
    if (!result.error.isEmpty())
        qCWarning(lcAccount).noquote() << "out-of-office responder:" << result.error;
    return result;
}

AutoResponder::Result AutoResponder::runAfterSync(const Profile &profile, const Account &account)
{
    const AbsenceStore::ClientSide clientSide = AbsenceStore::loadClientSide(profile, account.id);
    if (!clientSide.active)
        return {};
    MailCache cache;
    QString error;
    if (!cache.open(AccountPaths(profile.directory(), account.id).cacheFile(), account.id,
                    MailCache::Mode::ReadOnly, &error)) {
        return {0, 0, error};
    }
    return AutoResponder(account, profile.directory()).run(cache, clientSide);
}

} // namespace Amiens
