// The hostile corpus (issue 15, tests/support/HostileMail) through the message model and what
// reply and forward take from it, without widgets. Built as tst_hostilemail_asan: the model's
// sources compiled again with AddressSanitizer and UBSan (tests/unit/CMakeLists.txt), so that a
// read past a buffer or an overflow that does not crash still fails the default test run.
// tst_hostilemail checks the same corpus in the window, with the 1 s limit.
#include "HostileMail.h"
#include "StepBudget.h"
#include "compose/ReplyBuilder.h"
#include "mime/MessageContent.h"
#include "security/SafeMessage.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace Amiens::Test;

#if defined(__SANITIZE_ADDRESS__)
#define AMIENS_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AMIENS_SANITIZED 1
#endif
#endif

namespace {

#ifdef AMIENS_SANITIZED
// ASan and UBSan make the code two to four times slower, and ASan keeps freed memory in
// quarantine: time is checked loosely (a hang or a quadratic step still fails), memory is only
// reported. html-30mb's model took 4.2-6.3 s of CPU under ASan on the 2-core CI machine, a third
// of it system time (the shadow memory's pages faulted in), against 5 s before: 15 s.
constexpr StepLimits kLimits{15000, false};
#else
constexpr StepLimits kLimits{1000, true};
#endif

} // namespace

#define VERIFY_BOUNDED(step, cost)                                                                           \
    do {                                                                                                     \
        const QString problem_ = boundsProblem(name, (step), (cost), raw.size(), kLimits);                   \
        costs.append(                                                                                        \
            u"%1 %2 ms (CPU %3) %4 kB"_s.arg(step).arg((cost).ms).arg((cost).cpuMs).arg((cost).growthKb));   \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                                  \
    } while (false)

class TestHostileMailCore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void modelIsBounded_data();
    void modelIsBounded();

private:
    PhishingAnalyzer m_analyzer{PhishingAnalyzer::defaultTrustedDomains(), {u"Élodie Lefèvre"_s}};
};

void TestHostileMailCore::initTestCase()
{
    QLoggingCategory::setFilterRules(u"amiens.*=false"_s);
    // This target does not link amiens-core, whose resources carry the translations: the French
    // catalogue is read from the build tree (built before this test, see CMakeLists.txt).
    auto *french = new QTranslator(qApp);
    QVERIFY2(french->load(u"amiens-mail_fr"_s, QStringLiteral(AMIENS_QM_DIR)), AMIENS_QM_DIR);
    QCoreApplication::installTranslator(french);
    QVERIFY(HostileMail::names().size() >= 34);
}

void TestHostileMailCore::modelIsBounded_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : HostileMail::names())
        QTest::newRow(qPrintable(name)) << name;
}

void TestHostileMailCore::modelIsBounded()
{
    QFETCH(QString, name);
    const HostileCase hostile = HostileMail::byName(name);
    const QByteArray &raw = hostile.raw;
    QVERIFY2(!raw.isEmpty(), qPrintable(name));
    const QString canary = HostileMail::canary();
    QStringList costs;

    MessageContent content;
    StepCost cost = measureStep([&] { content = MessageContent::parse(raw); });
    VERIFY_BOUNDED(u"parse"_s, cost);
    if (hostile.expectIncomplete) {
        QVERIFY2(content.incomplete, qPrintable(name + u": no cap applied"_s));
        const bool noticed =
            std::any_of(content.notices.cbegin(), content.notices.cend(),
                        [](const QString &notice) { return notice.startsWith(complexityNoticePrefix()); });
        QVERIFY2(noticed, qPrintable(name + u": notices: "_s + content.notices.join(u" | "_s)));
    }
    if (hostile.canaryReachable)
        QVERIFY2(content.text.contains(canary), qPrintable(name + u": the readable part is lost"_s));
    cost = measureStep([&] { (void)content.preview(); });
    VERIFY_BOUNDED(u"preview"_s, cost);

    SafeMessage safe;
    cost = measureStep([&] { safe = SafeMessage::fromRaw(raw, m_analyzer, {}); });
    VERIFY_BOUNDED(u"SafeMessage"_s, cost);
    if (hostile.canaryReachable)
        QVERIFY2(safe.content.text.contains(canary), qPrintable(name));
    cost = measureStep([&] { (void)SafeMessage::bodyHtmlFor(safe.content, true); });
    VERIFY_BOUNDED(u"bodyHtmlFor(remote)"_s, cost);
    safe = {};

    qint64 slowestAttachmentMs = 0;
    for (const int index : attachmentSample(static_cast<int>(content.attachments.size()))) {
        QByteArray data;
        cost = measureStep([&] { data = MessageContent::attachmentData(raw, index); });
        QString problem = boundsProblem(name, u"attachmentData(%1)"_s.arg(index), cost, raw.size(), kLimits);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        slowestAttachmentMs = std::max(slowestAttachmentMs, cost.ms);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        bool written = false;
        cost = measureStep([&] { written = MessageContent::writeAttachment(raw, index, buffer); });
        problem = boundsProblem(name, u"writeAttachment(%1)"_s.arg(index), cost, raw.size(), kLimits);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(written && buffer.data() == data,
                 qPrintable(u"%1: attachment %2 written differently than read"_s.arg(name).arg(index)));
    }
    costs.append(u"attachments %1, slowest %2 ms"_s.arg(content.attachments.size()).arg(slowestAttachmentMs));

    cost = measureStep([&] { (void)ReplyBuilder::forwardedAttachments(raw); });
    VERIFY_BOUNDED(u"forwardedAttachments"_s, cost);
    QString quote;
    cost = measureStep([&] {
        quote = ReplyBuilder::quotedReply(content.text, content.headers.from.toDisplayString(),
                                          content.headers.date);
        (void)ReplyBuilder::replyAllRecipients(content.headers, {u"marie.dupont@ac-amiens.fr"_s});
        (void)ReplyBuilder::forwardHeaderBlock(content.headers);
    });
    VERIFY_BOUNDED(u"reply"_s, cost);
    if (hostile.canaryReachable)
        QVERIFY2(quote.contains(canary), qPrintable(name + u": the quote lost the readable part"_s));

    qInfo("%s (%lld bytes): %s", qPrintable(name), static_cast<long long>(raw.size()),
          qPrintable(costs.join(u"; "_s)));
}

QTEST_GUILESS_MAIN(TestHostileMailCore)
#include "tst_hostilemail_core.moc"
