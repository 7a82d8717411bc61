#include "MailServerControl.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Amiens::Test {

MailServerControl::MailServerControl(QString user)
    : m_user(std::move(user))
{
}

bool MailServerControl::doveadm(const QStringList &arguments, const QByteArray &input,
                                QByteArray *output) const
{
    QStringList command = qEnvironmentVariable("AMIENS_TEST_DOVEADM").split(u' ', Qt::SkipEmptyParts);
    if (command.isEmpty())
        return false;
    const QString program = command.takeFirst();
    QProcess process;
    process.start(program, command + arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning("doveadm %s failed: %s", qPrintable(arguments.join(u' ')),
                 process.readAllStandardError().constData());
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

bool MailServerControl::reset() const
{
    QProcess process;
    const QString script = QStringLiteral(AMIENS_SOURCE_DIR "/tests/servers/reset-mail.sh");
    process.start(script, {qEnvironmentVariable("AMIENS_TEST_STATE_DIR"), m_user});
    return process.waitForFinished(30000) && process.exitCode() == 0;
}

bool MailServerControl::shareFolder(const QString &folder, const QString &grantee,
                                    const QStringList &rights) const
{
    const QStringList command{u"acl"_s, u"set"_s, u"-u"_s, m_user, folder, u"user="_s + grantee};
    return doveadm(command + rights);
}

quint32 MailServerControl::save(const QString &folder, const QByteArray &message) const
{
    const QList<quint32> before = uids(folder);
    if (!doveadm({u"save"_s, u"-u"_s, m_user, u"-m"_s, folder}, message))
        return 0;
    const QList<quint32> after = uids(folder);
    return after.isEmpty() || after == before ? 0 : after.last();
}

QStringList MailServerControl::flags(const QString &folder, quint32 uid) const
{
    QByteArray output;
    doveadm({u"fetch"_s, u"-u"_s, m_user, u"flags"_s, u"mailbox"_s, folder, u"uid"_s, QString::number(uid)},
            {}, &output);
    QString text = QString::fromUtf8(output).trimmed();
    text.remove(QRegularExpression(u"^flags:"_s));
    QStringList flags = text.split(u' ', Qt::SkipEmptyParts);
    flags.removeAll(u"\\Recent"_s);
    return flags;
}

bool MailServerControl::addFlags(const QString &folder, quint32 uid, const QString &flags) const
{
    return doveadm(
        {u"flags"_s, u"add"_s, u"-u"_s, m_user, flags, u"mailbox"_s, folder, u"uid"_s, QString::number(uid)});
}

bool MailServerControl::expunge(const QString &folder, quint32 uid) const
{
    return doveadm({u"expunge"_s, u"-u"_s, m_user, u"mailbox"_s, folder, u"uid"_s, QString::number(uid)});
}

QList<quint32> MailServerControl::uids(const QString &folder) const
{
    QByteArray output;
    QList<quint32> result;
    if (!doveadm({u"fetch"_s, u"-u"_s, m_user, u"uid"_s, u"mailbox"_s, folder, u"all"_s}, {}, &output))
        return result;
    static const QRegularExpression uidLine(u"^uid: (\\d+)$"_s, QRegularExpression::MultilineOption);
    auto matches = uidLine.globalMatch(QString::fromUtf8(output));
    while (matches.hasNext())
        result.append(matches.next().captured(1).toUInt());
    std::sort(result.begin(), result.end());
    return result;
}

quint32 MailServerControl::uidValidity(const QString &folder) const
{
    QByteArray output;
    doveadm({u"mailbox"_s, u"status"_s, u"-u"_s, m_user, u"uidvalidity"_s, folder}, {}, &output);
    static const QRegularExpression value(u"uidvalidity=(\\d+)"_s);
    return value.match(QString::fromUtf8(output)).captured(1).toUInt();
}

bool MailServerControl::setUidValidity(const QString &folder, quint32 uidValidity) const
{
    return doveadm({u"mailbox"_s, u"update"_s, u"-u"_s, m_user, u"--uid-validity"_s,
                    QString::number(uidValidity), folder});
}

bool MailServerControl::createFolder(const QString &folder) const
{
    return doveadm({u"mailbox"_s, u"create"_s, u"-u"_s, m_user, folder});
}

bool MailServerControl::deleteFolder(const QString &folder) const
{
    return doveadm({u"mailbox"_s, u"delete"_s, u"-u"_s, m_user, folder});
}

int MailServerControl::count(const QString &folder, const QStringList &query) const
{
    QByteArray output;
    doveadm(QStringList{u"search"_s, u"-u"_s, m_user, u"mailbox"_s, folder} + query, {}, &output);
    return static_cast<int>(output.count('\n'));
}

int MailServerControl::awaitCount(const QString &folder, const QStringList &query, int expected) const
{
    // Up to 20 s for the expected copies; fewer are reported by the count returned below.
    (void)QTest::qWaitFor([&] { return count(folder, query) >= expected; }, 20000);
    // A duplicate would be in the SMTP server's queue or delivered already: once the queue is
    // empty, the count is final (no fixed wait).
    if (!awaitIdleMailServer())
        qWarning("the test SMTP server's queue did not empty within 30 s");
    return count(folder, query);
}

bool MailServerControl::awaitIdleMailServer()
{
    const QString config = qEnvironmentVariable("AMIENS_TEST_STATE_DIR") + u"/postfix/etc"_s;
    const QString postqueue =
        QStandardPaths::findExecutable(u"postqueue"_s, {u"/usr/sbin"_s, u"/usr/bin"_s, u"/sbin"_s});
    if (postqueue.isEmpty())
        return false;
    // Every queue file (maildrop, incoming, active, deferred) as JSON, one per line: nothing
    // printed means Postfix holds no message, so every message it accepted was delivered
    // (Dovecot's LMTP answers once the message is stored, automatic replies included).
    return QTest::qWaitFor(
        [&] {
            QProcess listing;
            listing.start(postqueue, {u"-c"_s, config, u"-j"_s});
            return listing.waitForFinished(10000) && listing.exitCode() == 0 &&
                   listing.readAllStandardOutput().trimmed().isEmpty();
        },
        30000);
}

int MailServerControl::deliveredCopies(const QString &messageId, int expected) const
{
    return awaitCount(u"INBOX"_s, withMessageId(messageId), expected);
}

QStringList MailServerControl::withMessageId(const QString &messageId)
{
    return {u"header"_s, u"Message-ID"_s, messageId};
}

QByteArray MailServerControl::fetch(const QString &field, const QString &folder,
                                    const QStringList &query) const
{
    QByteArray output;
    doveadm(QStringList{u"fetch"_s, u"-u"_s, m_user, field, u"mailbox"_s, folder} + query, {}, &output);
    const QByteArray prefix = field.toLatin1() + ":\n";
    if (output.startsWith(prefix))
        output.remove(0, prefix.size());
    return output;
}

QByteArray MailServerControl::message(const QString &subject, const QString &body, const QString &from)
{
    static QAtomicInt counter;
    const int serial = counter.fetchAndAddRelaxed(1);
    const QString text = body.isEmpty() ? u"Bonjour,\nmessage de test %1.\n"_s.arg(serial) : body;
    QByteArray message;
    message += "From: " + from.toUtf8() + "\r\n";
    message += "To: Marie Dupont <mdupont@ac-amiens.fr>\r\n";
    // RFC 2047 for anything beyond ASCII, as real clients send it.
    message += "Subject: =?UTF-8?B?" + subject.toUtf8().toBase64() + "?=\r\n";
    message +=
        "Date: " + QDateTime::currentDateTimeUtc().addSecs(serial).toString(Qt::RFC2822Date).toLatin1() +
        "\r\n";
    message += "Message-ID: <test-" + QByteArray::number(serial) + "-" +
               QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + "@ac-amiens.fr>\r\n";
    message += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: "
               "8bit\r\n\r\n";
    message += text.toUtf8().replace("\n", "\r\n");
    return message;
}

} // namespace Amiens::Test
