// The hostile corpus (issue 15, tests/support/HostileMail): every message built to crash, freeze
// or exhaust the reader goes through everything the client does with a message it receives: the
// model, the safe display, the attachments, reply and forward, the reading window's view (Qt's
// offscreen platform) and the composer. Each step returns within 1 s with bounded memory; a
// message past a cap says so in French, and the part before the bomb is still shown.
// tst_hostilemail_core runs the same corpus, without widgets, under ASan and UBSan.
#include "ComposerWindow.h"
#include "HostileMail.h"
#include "MessageView.h"
#include "account/Account.h"
#include "compose/ReplyBuilder.h"
#include "mime/MessageContent.h"
#include "security/SafeMessage.h"
#include "util/Translations.h"

#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QSet>
#include <QTest>
#include <QTextEdit>
#include <algorithm>
#include <memory>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

constexpr qint64 kTimeLimitMs = 1000;
/// Memory a step may add on top of its input: ten times the message, plus 64 MB.
constexpr qint64 kMemoryFactor = 10;
constexpr qint64 kMemorySlackKb = 64 * 1024;
/// attachmentData() parses the whole message again at each call, so a message with 2,000
/// attachments is checked on a sample: the first ones, the last ones and some between.
constexpr int kAttachmentsChecked = 16;

const QString &noticePrefix()
{
    static const QString prefix = u"Ce message est trop complexe pour être affiché entièrement"_s;
    return prefix;
}

/// A field of /proc/self/status in kB ("VmRSS:", "VmHWM:"), -1 when unknown.
qint64 statusKb(QByteArrayView key)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// Sets VmHWM back to the current RSS (Linux 4.0 and later, "5" in clear_refs).
bool resetPeakMemory()
{
#ifdef Q_OS_LINUX
    const int fd = ::open("/proc/self/clear_refs", O_WRONLY);
    if (fd < 0)
        return false;
    const bool done = ::write(fd, "5", 1) == 1;
    ::close(fd);
    return done;
#else
    return false;
#endif
}

struct Cost
{
    qint64 ms = 0;
    /// Peak RSS during the step minus RSS before it, in kB; -1 when it cannot be read. When the
    /// peak cannot be reset and the step did not raise it, the RSS growth (a lower bound).
    qint64 growthKb = -1;
};

template <typename Step>
Cost measure(Step &&step)
{
    const bool reset = resetPeakMemory();
    const qint64 rssBefore = statusKb("VmRSS:");
    const qint64 peakBefore = statusKb("VmHWM:");
    QElapsedTimer timer;
    timer.start();
    step();
    Cost cost;
    cost.ms = timer.elapsed();
    const qint64 peakAfter = statusKb("VmHWM:");
    if (rssBefore >= 0 && peakAfter >= 0) {
        if (reset || peakAfter > peakBefore)
            cost.growthKb = peakAfter - rssBefore;
        else
            cost.growthKb = std::max<qint64>(0, statusKb("VmRSS:") - rssBefore);
    }
    return cost;
}

/// Empty when @p cost is within the bounds for an input of @p inputSize bytes, else why not.
QString boundsProblem(const QString &caseName, const QString &step, const Cost &cost, qsizetype inputSize)
{
    if (cost.ms >= kTimeLimitMs)
        return u"%1: %2 took %3 ms (limit %4 ms)"_s.arg(caseName, step).arg(cost.ms).arg(kTimeLimitMs);
    const qint64 limitKb = kMemoryFactor * inputSize / 1024 + kMemorySlackKb;
    if (cost.growthKb > limitKb) {
        return u"%1: %2 grew the process by %3 kB (limit %4 kB for a %5-byte message)"_s.arg(caseName, step)
            .arg(cost.growthKb)
            .arg(limitKb)
            .arg(inputSize);
    }
    return {};
}

bool hasComplexityNotice(const QStringList &notices)
{
    return std::any_of(notices.cbegin(), notices.cend(),
                       [](const QString &notice) { return notice.startsWith(noticePrefix()); });
}

/// Which of @p count attachments to open: all of them, or a sample of kAttachmentsChecked.
QList<int> attachmentsToCheck(int count)
{
    QList<int> indexes;
    if (count <= kAttachmentsChecked) {
        for (int i = 0; i < count; ++i)
            indexes.append(i);
        return indexes;
    }
    QSet<int> chosen;
    for (int i = 0; i < kAttachmentsChecked / 4; ++i) {
        chosen.insert(i);
        chosen.insert(count - 1 - i);
    }
    for (int i = 1; i < kAttachmentsChecked && chosen.size() < kAttachmentsChecked; ++i)
        chosen.insert(static_cast<int>(qint64(count) * i / kAttachmentsChecked));
    indexes = QList<int>(chosen.cbegin(), chosen.cend());
    std::sort(indexes.begin(), indexes.end());
    return indexes;
}

/// The summary row the sync would have stored for the message.
CachedMessage summaryOf(const MessageContent &content, const QByteArray &raw)
{
    CachedMessage summary;
    summary.uid = 1;
    summary.size = raw.size();
    summary.headers = content.headers;
    summary.hasAttachments = !content.attachments.isEmpty();
    summary.preview = content.preview();
    return summary;
}

Account marie()
{
    Account account;
    account.id = account.address = u"marie.dupont@ac-amiens.fr"_s;
    account.realName = u"Marie Dupont"_s;
    return account;
}

} // namespace

/// Checks that @p cost is within the bounds, and keeps it for the case's summary line.
#define VERIFY_BOUNDED(step, cost)                                                                           \
    do {                                                                                                     \
        const QString problem_ = boundsProblem(name, (step), (cost), raw.size());                            \
        costs.append(u"%1 %2 ms %3 kB"_s.arg(step).arg((cost).ms).arg((cost).growthKb));                     \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                                  \
    } while (false)

class TestHostileMail : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void corpusIsComplete();
    void everyPathIsBounded_data();
    void everyPathIsBounded();
    void composerIsBounded_data();
    void composerIsBounded();
    void cleanupTestCase();

private:
    std::unique_ptr<MessageView> m_view;
    // A colleague's name known from the cache, so the impersonation check runs too (as the fuzzer).
    PhishingAnalyzer m_analyzer{PhishingAnalyzer::defaultTrustedDomains(), {u"Élodie Lefèvre"_s}};
};

void TestHostileMail::initTestCase()
{
    // The parser logs each broken part: thousands of lines for these messages.
    QLoggingCategory::setFilterRules(u"amiens.*=false"_s);
    // The notice is checked in French, the product's first language.
    QCOMPARE(Translations::install(*qApp, u"fr"_s), u"fr"_s);
    m_view = std::make_unique<MessageView>();
    m_view->setPhishingAnalyzer(m_analyzer);
    m_view->resize(1000, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestHostileMail::cleanupTestCase()
{
    m_view.reset();
}

void TestHostileMail::corpusIsComplete()
{
    const QStringList names = HostileMail::names();
    QVERIFY2(names.size() >= 34, qPrintable(QString::number(names.size())));
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
    QVERIFY(HostileMail::byName(u"no-such-case"_s).raw.isEmpty());
    const QByteArray canary = HostileMail::canary().toUtf8();
    qint64 totalBytes = 0;
    QElapsedTimer total;
    total.start();
    for (const QString &name : names) {
        QElapsedTimer timer;
        timer.start();
        const HostileCase hostile = HostileMail::byName(name);
        const qint64 ms = timer.elapsed();
        QCOMPARE(hostile.name, name);
        QVERIFY2(!hostile.description.isEmpty(), qPrintable(name));
        QVERIFY2(hostile.raw.startsWith("Return-Path: "), qPrintable(name));
        QVERIFY2(hostile.raw.contains(canary) || !hostile.canaryReachable, qPrintable(name));
        totalBytes += hostile.raw.size();
        qInfo("%-45s %10lld bytes, built in %lld ms", qPrintable(name),
              static_cast<long long>(hostile.raw.size()), static_cast<long long>(ms));
    }
    qInfo("%lld cases, %lld bytes, built in %lld ms", static_cast<long long>(names.size()),
          static_cast<long long>(totalBytes), static_cast<long long>(total.elapsed()));
}

void TestHostileMail::everyPathIsBounded_data()
{
    QTest::addColumn<QString>("name");
    // Names only: each message is built inside the test function and dropped after it.
    for (const QString &name : HostileMail::names())
        QTest::newRow(qPrintable(name)) << name;
}

void TestHostileMail::everyPathIsBounded()
{
    QFETCH(QString, name);
    const HostileCase hostile = HostileMail::byName(name);
    const QByteArray &raw = hostile.raw;
    QVERIFY2(!raw.isEmpty(), qPrintable(name));
    const QString canary = HostileMail::canary();
    QStringList costs;

    // The model: what the list, the search index, `show` and a reply read.
    MessageContent content;
    Cost cost = measure([&] { content = MessageContent::parse(raw); });
    VERIFY_BOUNDED(u"parse"_s, cost);
    if (hostile.expectIncomplete) {
        QVERIFY2(content.incomplete, qPrintable(name + u": no cap applied"_s));
        QVERIFY2(hasComplexityNotice(content.notices),
                 qPrintable(name + u": notices: "_s + content.notices.join(u" | "_s)));
    }
    if (hostile.canaryReachable)
        QVERIFY2(content.text.contains(canary), qPrintable(name + u": the readable part is lost"_s));

    cost = measure([&] { (void)content.preview(); });
    VERIFY_BOUNDED(u"preview"_s, cost);

    // The reading window's content, as the view, the CLI's checks and the fuzzer build it.
    SafeMessage safe;
    cost = measure([&] { safe = SafeMessage::fromRaw(raw, m_analyzer, {}); });
    VERIFY_BOUNDED(u"SafeMessage"_s, cost);
    if (hostile.expectIncomplete)
        QVERIFY2(safe.content.incomplete, qPrintable(name));
    if (hostile.canaryReachable)
        QVERIFY2(safe.content.text.contains(canary), qPrintable(name));
    cost = measure([&] { (void)SafeMessage::bodyHtmlFor(safe.content, true); });
    VERIFY_BOUNDED(u"bodyHtmlFor(remote)"_s, cost);
    safe = {};

    // Every attachment the list shows, opened and saved.
    qint64 slowestAttachmentMs = 0;
    for (const int index : attachmentsToCheck(static_cast<int>(content.attachments.size()))) {
        QByteArray data;
        cost = measure([&] { data = MessageContent::attachmentData(raw, index); });
        const QString step = u"attachmentData(%1)"_s.arg(index);
        QString problem = boundsProblem(name, step, cost, raw.size());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        slowestAttachmentMs = std::max(slowestAttachmentMs, cost.ms);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        bool written = false;
        cost = measure([&] { written = MessageContent::writeAttachment(raw, index, buffer); });
        problem = boundsProblem(name, u"writeAttachment(%1)"_s.arg(index), cost, raw.size());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(written, qPrintable(name + u": "_s + step));
        QVERIFY2(buffer.data() == data,
                 qPrintable(name + u": writeAttachment and attachmentData differ for "_s + step));
    }
    costs.append(u"attachments %1, slowest %2 ms"_s.arg(content.attachments.size()).arg(slowestAttachmentMs));

    // Forward: the original's files.
    QList<OutgoingAttachment> forwarded;
    cost = measure([&] { forwarded = ReplyBuilder::forwardedAttachments(raw); });
    VERIFY_BOUNDED(u"forwardedAttachments"_s, cost);
    forwarded.clear();

    // Reply and forward texts: the quote, the recipients of a reply to all, the forward header.
    QString quote;
    cost = measure([&] {
        quote = ReplyBuilder::quotedReply(content.text, content.headers.from.toDisplayString(),
                                          content.headers.date);
        (void)ReplyBuilder::replyAllRecipients(content.headers, {u"marie.dupont@ac-amiens.fr"_s});
        (void)ReplyBuilder::forwardHeaderBlock(content.headers);
    });
    VERIFY_BOUNDED(u"reply"_s, cost);
    if (hostile.canaryReachable)
        QVERIFY2(quote.contains(canary), qPrintable(name + u": the quote lost the readable part"_s));
    quote.clear();

    // The reading window: the message shown, then painted.
    const CachedMessage summary = summaryOf(content, raw);
    content = {};
    cost = measure([&] { m_view->showMessage(summary, raw, false); });
    VERIFY_BOUNDED(u"showMessage"_s, cost);
    cost = measure([&] { m_view->repaint(); });
    VERIFY_BOUNDED(u"paint"_s, cost);
    if (hostile.canaryReachable)
        QVERIFY2(m_view->bodyText().contains(canary),
                 qPrintable(name + u": the view lost the readable part"_s));
    m_view->clear();

    qInfo("%s (%lld bytes): %s", qPrintable(name), static_cast<long long>(raw.size()),
          qPrintable(costs.join(u"; "_s)));
}

void TestHostileMail::composerIsBounded_data()
{
    everyPathIsBounded_data();
}

void TestHostileMail::composerIsBounded()
{
    QFETCH(QString, name);
    const HostileCase hostile = HostileMail::byName(name);
    const QByteArray &raw = hostile.raw;
    QVERIFY2(!raw.isEmpty(), qPrintable(name));
    QStringList costs;
    const CachedMessage summary = summaryOf(MessageContent::parse(raw), raw);
    const QString canary = HostileMail::canary();
    const auto bodyOf = [](const ComposerWindow &composer) -> QString {
        return composer.bodyEdit()->toPlainText() + composer.richBodyEdit()->toPlainText();
    };

    {
        ComposerWindow composer(marie(), QString());
        const Cost cost = measure([&] { composer.setReplyAllTo(summary, raw); });
        VERIFY_BOUNDED(u"setReplyAllTo"_s, cost);
        if (hostile.canaryReachable)
            QVERIFY2(bodyOf(composer).contains(canary),
                     qPrintable(name + u": the reply lost the readable part"_s));
    }
    {
        ComposerWindow composer(marie(), QString());
        const Cost cost = measure([&] { composer.setForwardOf(summary, raw); });
        VERIFY_BOUNDED(u"setForwardOf"_s, cost);
        if (hostile.canaryReachable)
            QVERIFY2(bodyOf(composer).contains(canary),
                     qPrintable(name + u": the forward lost the readable part"_s));
    }
    qInfo("%s: %s", qPrintable(name), qPrintable(costs.join(u"; "_s)));
}

QTEST_MAIN(TestHostileMail)
#include "tst_hostilemail.moc"
