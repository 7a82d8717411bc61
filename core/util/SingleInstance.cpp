#include "SingleInstance.h"

#include "PrivateFiles.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

Q_LOGGING_CATEGORY(lcInstance, "amiens.instance")

constexpr QByteArrayView kAcknowledgement = "ok\n";

QString userName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name;
}

} // namespace

SingleInstance::SingleInstance(QString key, QObject *parent)
    : QObject(parent)
    , m_key(std::move(key))
{
    // The runtime folder belongs to the user alone (XDG_RUNTIME_DIR, mode 0700; without it Qt
    // checks the owner and mode of the /tmp folder it uses instead, and gives nothing when another
    // user made it). Never the shared temporary folder itself: there another local user could
    // take the lock or the socket name first and receive the mailto: requests. The fallback is a
    // folder of the user's own cache, made 0700.
    m_folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (m_folder.isEmpty()) {
        m_folder =
            QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u"/amiens-mail/run"_s;
        PrivateFiles::makeFolder(m_folder);
    }
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::keyFor(const QString &profileDirectory)
{
    const QString canonical = QDir(profileDirectory).absolutePath();
    const QByteArray hash =
        QCryptographicHash::hash((userName() + u'\n' + canonical).toUtf8(), QCryptographicHash::Sha256)
            .toHex();
    return u"amiens-mail-"_s + QString::fromLatin1(hash.left(16));
}

QString SingleInstance::serverName() const
{
#ifdef Q_OS_WIN
    // A named pipe: its namespace is per session; the key already holds the user.
    return m_key;
#else
    return m_folder + u'/' + m_key + u".socket"_s;
#endif
}

SingleInstance::Role SingleInstance::claim(const QString &request, int timeoutMs)
{
    m_lock = std::make_unique<QLockFile>(m_folder + u'/' + m_key + u".lock"_s);
    // A lock left by a crashed process is detected (its PID is gone) and taken over at once.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0)) {
        if (listen())
            return Role::Primary;
        m_lock.reset();
        return Role::Failed;
    }
    m_lock.reset();
    // The running instance may still be starting: try to reach it until the deadline.
    QDeadlineTimer deadline(timeoutMs);
    do {
        if (send(request, static_cast<int>(std::max<qint64>(deadline.remainingTime(), 100))))
            return Role::Secondary;
        QThread::msleep(100);
    } while (!deadline.hasExpired());
    qCWarning(lcInstance).noquote() << "another AmiensMail holds" << m_key << "but does not answer";
    return Role::Failed;
}

bool SingleInstance::send(const QString &request, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(serverName());
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(request.toUtf8().replace('\n', ' ') + '\n');
    // A local socket often writes at once, and then waitForBytesWritten() has nothing to wait for.
    socket.flush();
    QByteArray reply;
    QDeadlineTimer deadline(timeoutMs);
    while (!reply.contains('\n') && !deadline.hasExpired()) {
        if (!socket.waitForReadyRead(static_cast<int>(deadline.remainingTime())))
            break;
        reply += socket.readAll();
    }
    return reply == kAcknowledgement;
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // We hold the lock, so a socket file left here belongs to a client that crashed.
    QLocalServer::removeServer(serverName());
    if (!m_server->listen(serverName())) {
        qCWarning(lcInstance).noquote()
            << "cannot listen on" << serverName() << ":" << m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine())
                return;
            const QString request = QString::fromUtf8(socket->readLine()).trimmed();
            socket->write(kAcknowledgement.data(), kAcknowledgement.size());
            socket->flush();
            socket->disconnectFromServer();
            Q_EMIT requestReceived(request);
        });
    }
}

} // namespace Amiens
