// One client per user and profile: a later launch hands its request to the running one.
#include "util/SingleInstance.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestSingleInstance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keyDependsOnProfile();
    void neverTheSharedTemporaryFolder();
    void laterClaimHandsTheRequestOver();
    void nobodyListeningMeansNoHandOver();
    void secondProcessHandsOverAndExits();
    void crashedClientIsReplaced();

private:
    [[nodiscard]] QProcess *startClient(const QString &profile, const QStringList &extra = {});
    /// Waits until a client listens for @p profile (a left-over socket file does not answer).
    [[nodiscard]] bool waitForListener(const QString &profile);

    QTemporaryDir m_dir;
};

void TestSingleInstance::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Our own runtime folder (mode 0700 like XDG_RUNTIME_DIR): no clash with a real client.
    const QString runtime = m_dir.filePath(u"run"_s);
    QVERIFY(QDir().mkpath(runtime));
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", runtime.toUtf8());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
    qputenv("XDG_CONFIG_DIRS", m_dir.filePath(u"etc"_s).toUtf8());
}

void TestSingleInstance::keyDependsOnProfile()
{
    const QString one = SingleInstance::keyFor(m_dir.filePath(u"one"_s));
    QCOMPARE(SingleInstance::keyFor(m_dir.filePath(u"one"_s)), one);
    QCOMPARE(SingleInstance::keyFor(m_dir.filePath(u"x/../one"_s)), one);
    QVERIFY(SingleInstance::keyFor(m_dir.filePath(u"two"_s)) != one);
    SingleInstance instance(one);
    QVERIFY(instance.serverName().startsWith(qEnvironmentVariable("XDG_RUNTIME_DIR")));
}

void TestSingleInstance::neverTheSharedTemporaryFolder()
{
    // No XDG_RUNTIME_DIR, and another user made the runtime folder Qt would use in /tmp first
    // (issue 16): the lock and socket go to a private folder of the user's own, never to /tmp.
#ifdef Q_OS_UNIX
    if (::geteuid() != 0)
        QSKIP("needs root to make a folder owned by another user");
#else
    QSKIP("Unix only");
#endif
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    const QByteArray tmp = qgetenv("TMPDIR");
    const QByteArray cache = qgetenv("XDG_CACHE_HOME");
    const QString sharedTmp = m_dir.filePath(u"tmp"_s);
    QVERIFY(QDir().mkpath(sharedTmp + u"/runtime-root"_s));
    QFile::setPermissions(sharedTmp, QFileDevice::Permissions(0x7777));
    QFile::setPermissions(sharedTmp + u"/runtime-root"_s, QFileDevice::Permissions(0x7777));
#ifdef Q_OS_UNIX
    QVERIFY(::chown(QFile::encodeName(sharedTmp + u"/runtime-root"_s).constData(), 65534, 65534) == 0);
#endif
    qunsetenv("XDG_RUNTIME_DIR");
    qputenv("TMPDIR", sharedTmp.toUtf8());
    qputenv("XDG_CACHE_HOME", m_dir.filePath(u"cache"_s).toUtf8());
    const SingleInstance instance(SingleInstance::keyFor(m_dir.filePath(u"shared"_s)));
    const QString name = instance.serverName();
    qputenv("XDG_RUNTIME_DIR", runtime);
    tmp.isEmpty() ? qunsetenv("TMPDIR") : qputenv("TMPDIR", tmp);
    cache.isEmpty() ? qunsetenv("XDG_CACHE_HOME") : qputenv("XDG_CACHE_HOME", cache);
    QVERIFY2(!name.startsWith(sharedTmp), qPrintable(name));
    QVERIFY2(name.startsWith(m_dir.filePath(u"cache"_s)), qPrintable(name));
    const QFileInfo folder(QFileInfo(name).absolutePath());
    QCOMPARE(folder.permissions() &
                 (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
             QFileDevice::Permissions());
}

void TestSingleInstance::laterClaimHandsTheRequestOver()
{
    const QString key = SingleInstance::keyFor(m_dir.filePath(u"handover"_s));
    SingleInstance primary(key);
    QCOMPARE(primary.claim(u"activate"_s), SingleInstance::Role::Primary);
    QSignalSpy received(&primary, &SingleInstance::requestReceived);

    // The later launch blocks while it waits for the answer: it runs on its own thread here, as
    // it runs in its own process in real life.
    SingleInstance::Role role = SingleInstance::Role::Failed;
    QThread *later = QThread::create([&] {
        SingleInstance second(key);
        role = second.claim(u"mailto:a@b.fr?subject=Bonjour"_s);
    });
    later->start();
    QTRY_VERIFY(later->isFinished());
    delete later;
    QCOMPARE(role, SingleInstance::Role::Secondary);
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(0).toString(), u"mailto:a@b.fr?subject=Bonjour"_s);
}

void TestSingleInstance::nobodyListeningMeansNoHandOver()
{
    SingleInstance lonely(SingleInstance::keyFor(m_dir.filePath(u"lonely"_s)));
    QVERIFY(!lonely.send(u"activate"_s, 200));
}

QProcess *TestSingleInstance::startClient(const QString &profile, const QStringList &extra)
{
    auto *process = new QProcess(this);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(QStringLiteral(AMIENS_GUI_PATH), QStringList{u"--profile"_s, profile} + extra);
    return process;
}

bool TestSingleInstance::waitForListener(const QString &profile)
{
    const SingleInstance probe(SingleInstance::keyFor(profile));
    return QTest::qWaitFor([&] { return probe.send(u"activate"_s, 1000); }, 20000);
}

void TestSingleInstance::secondProcessHandsOverAndExits()
{
    const QString profile = m_dir.filePath(u"profile-a"_s);
    QProcess *first = startClient(profile);
    QVERIFY(first->waitForStarted());
    QVERIFY(waitForListener(profile));

    QProcess *second = startClient(profile, {u"mailto:secretariat@ac-amiens.fr?subject=Test"_s});
    QVERIFY(second->waitForFinished(20000));
    QCOMPARE(second->exitStatus(), QProcess::NormalExit);
    QCOMPARE(second->exitCode(), 0);
    QCOMPARE(first->state(), QProcess::Running);

    // Another profile is another client: it keeps running beside the first.
    QProcess *other = startClient(m_dir.filePath(u"profile-b"_s));
    QVERIFY(waitForListener(m_dir.filePath(u"profile-b"_s)));
    QCOMPARE(other->state(), QProcess::Running);

    for (QProcess *process : {first, other}) {
        process->terminate();
        QVERIFY(process->waitForFinished(20000));
    }
}

void TestSingleInstance::crashedClientIsReplaced()
{
    const QString profile = m_dir.filePath(u"profile-crash"_s);
    QProcess *first = startClient(profile);
    QVERIFY(waitForListener(profile));
    first->kill(); // no clean-up: the lock file and the socket stay behind
    QVERIFY(first->waitForFinished(20000));

    QVERIFY(!SingleInstance(SingleInstance::keyFor(profile)).send(u"activate"_s, 500));

    // The next launch takes the stale lock and socket over instead of handing its request to nobody.
    QProcess *second = startClient(profile);
    QVERIFY(waitForListener(profile));
    QCOMPARE(second->state(), QProcess::Running);
    QProcess *third = startClient(profile);
    QVERIFY(third->waitForFinished(20000));
    QCOMPARE(third->exitCode(), 0);
    second->terminate();
    QVERIFY(second->waitForFinished(20000));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
