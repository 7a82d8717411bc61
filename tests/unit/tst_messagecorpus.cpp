// The real-world corpus (tests/data/realworld): one row per .eml, compared with the .json written by hand
// next to it (what a user must see). The keys of the .json are described in tests/data/realworld/README.md.
#include "mime/MessageContent.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

constexpr int kMinimumCorpusSize = 60;

QString corpusDir()
{
    return QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/realworld");
}

QStringList corpusFiles(const QString &suffix)
{
    const QString pattern = u"*."_s + suffix;
    return QDir(corpusDir()).entryList(QStringList{pattern}, QDir::Files, QDir::Name);
}

/// @p text on one line (line ends and tabs made visible), cut to about @p length characters from @p from.
QString excerpt(const QString &text, qsizetype from = 0, qsizetype length = 400)
{
    from = std::clamp<qsizetype>(from, 0, text.size());
    QString part = text.mid(from, length);
    part.replace(u"\r"_s, u"\\r"_s).replace(u"\n"_s, u"\\n"_s).replace(u"\t"_s, u"\\t"_s);
    return u"«"_s + (from > 0 ? u"…"_s : QString()) + part +
           (from + length < text.size() ? u"…"_s : QString()) + u"» ("_s + QString::number(text.size()) +
           u" characters)"_s;
}

QString quoted(const QString &expected)
{
    QString shown = expected;
    shown.replace(u"\r"_s, u"\\r"_s).replace(u"\n"_s, u"\\n"_s);
    return u"«"_s + shown + u"»"_s;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

QString describe(const QString &name, const QString &mimeType)
{
    if (mimeType.isEmpty())
        return quoted(name);
    return quoted(name) + u" ("_s + mimeType + u")"_s;
}

/// Checks "contains" (optionally "inOrder") and "excludes" of @p spec against @p actual.
void checkText(const QString &key, const QString &actual, const QJsonObject &spec, QStringList &failures)
{
    static const QSet<QString> known{u"contains"_s, u"inOrder"_s, u"excludes"_s};
    for (auto it = spec.begin(); it != spec.end(); ++it) {
        if (!known.contains(it.key()))
            failures.append(key + u": unknown key \""_s + it.key() + u"\" in the .json"_s);
    }
    const bool inOrder = spec.value(u"inOrder"_s).toBool(false);
    qsizetype position = 0;
    const QStringList contains = stringList(spec.value(u"contains"_s));
    for (const QString &expected : contains) {
        const qsizetype anywhere = actual.indexOf(expected);
        if (anywhere < 0) {
            failures.append(key + u": expected to contain "_s + quoted(expected) + u"\n    actual: "_s +
                            excerpt(actual));
            continue;
        }
        if (!inOrder)
            continue;
        const qsizetype next = actual.indexOf(expected, position);
        if (next < 0) {
            failures.append(key + u": expected "_s + quoted(expected) +
                            u" after the previous expected text (at "_s + QString::number(position) +
                            u"), found only at "_s + QString::number(anywhere) +
                            u"\n    actual from there: "_s + excerpt(actual, position));
            continue;
        }
        position = next + expected.size();
    }
    const QStringList excludes = stringList(spec.value(u"excludes"_s));
    for (const QString &unwanted : excludes) {
        const qsizetype at = actual.indexOf(unwanted);
        if (at >= 0)
            failures.append(key + u": must not contain "_s + quoted(unwanted) + u", found at "_s +
                            QString::number(at) + u"\n    actual there: "_s + excerpt(actual, at - 80, 240));
    }
}

void checkAttachments(const QList<AttachmentInfo> &actual, const QJsonArray &expected, QStringList &failures)
{
    QStringList actualList;
    for (const AttachmentInfo &attachment : actual)
        actualList.append(describe(attachment.name, attachment.mimeType));
    QStringList expectedList;
    for (const QJsonValue &value : expected) {
        const QJsonObject item = value.toObject();
        expectedList.append(describe(item.value(u"name"_s).toString(), item.value(u"mimeType"_s).toString()));
    }
    const QString summary = u"\n    expected: ["_s + expectedList.join(u", "_s) + u"]\n    actual:   ["_s +
                            actualList.join(u", "_s) + u"]"_s;
    if (actual.size() != expected.size()) {
        failures.append(u"attachments: expected "_s + QString::number(expected.size()) + u", got "_s +
                        QString::number(actual.size()) + summary);
        return;
    }
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QJsonObject item = expected.at(i).toObject();
        const AttachmentInfo &attachment = actual.at(i);
        if (attachment.name != item.value(u"name"_s).toString())
            failures.append(u"attachments["_s + QString::number(i) + u"].name: expected "_s +
                            quoted(item.value(u"name"_s).toString()) + u", got "_s + quoted(attachment.name) +
                            summary);
        // mimeType is left out of the .json where more than one type is right (octet-stream, TNEF contents).
        if (item.contains(u"mimeType"_s) && attachment.mimeType != item.value(u"mimeType"_s).toString())
            failures.append(u"attachments["_s + QString::number(i) + u"].mimeType: expected "_s +
                            item.value(u"mimeType"_s).toString() + u", got "_s + attachment.mimeType +
                            summary);
    }
}

void checkInlineImages(const QHash<QString, QByteArray> &actual, const QJsonArray &expected,
                       QStringList &failures)
{
    QStringList expectedIds = stringList(expected);
    QStringList actualIds = actual.keys();
    expectedIds.sort();
    actualIds.sort();
    if (expectedIds != actualIds) {
        failures.append(u"inlineImages: expected ["_s + expectedIds.join(u", "_s) + u"], got ["_s +
                        actualIds.join(u", "_s) + u"]"_s);
        return;
    }
    for (const QString &id : std::as_const(expectedIds)) {
        if (actual.value(id).isEmpty())
            failures.append(u"inlineImages: "_s + id + u" is listed but its data is empty"_s);
    }
}

} // namespace

class TestMessageCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void corpusIsComplete();
    void corpus_data();
    void corpus();
};

void TestMessageCorpus::corpusIsComplete()
{
    const QStringList messages = corpusFiles(u"eml"_s);
    QVERIFY2(messages.size() >= kMinimumCorpusSize,
             qPrintable(u"only "_s + QString::number(messages.size()) + u" messages in "_s + corpusDir() +
                        u", at least "_s + QString::number(kMinimumCorpusSize) + u" expected"_s));
    QStringList missing;
    for (const QString &message : messages) {
        const QString expectation = message.chopped(4) + u".json"_s;
        if (!QFileInfo::exists(corpusDir() + u'/' + expectation))
            missing.append(message + u" has no "_s + expectation);
    }
    const QStringList expectations = corpusFiles(u"json"_s);
    for (const QString &expectation : expectations) {
        if (!QFileInfo::exists(corpusDir() + u'/' + expectation.chopped(5) + u".eml"_s))
            missing.append(expectation + u" has no .eml"_s);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u"\n"_s)));
}

void TestMessageCorpus::corpus_data()
{
    QTest::addColumn<QString>("file");
    const QStringList messages = corpusFiles(u"eml"_s);
    for (const QString &message : messages)
        QTest::newRow(qPrintable(message)) << message;
}

void TestMessageCorpus::corpus()
{
    QFETCH(QString, file);
    QFile message(corpusDir() + u'/' + file);
    QVERIFY2(message.open(QIODevice::ReadOnly),
             qPrintable(file + u": cannot open: "_s + message.errorString()));
    const QByteArray raw = message.readAll();

    const QString expectationName = file.chopped(4) + u".json"_s;
    QFile expectationFile(corpusDir() + u'/' + expectationName);
    QVERIFY2(expectationFile.open(QIODevice::ReadOnly),
             qPrintable(file + u": no expectation file "_s + expectationName));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(expectationFile.readAll(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(),
             qPrintable(expectationName + u": invalid JSON at offset "_s + QString::number(error.offset) +
                        u": "_s + error.errorString()));
    const QJsonObject expected = document.object();

    const MessageContent content = MessageContent::parse(raw);

    QStringList failures;
    static const QSet<QString> known{u"mailer"_s,      u"case"_s,         u"text"_s,     u"html"_s,
                                     u"attachments"_s, u"inlineImages"_s, u"calendar"_s, u"reportType"_s,
                                     u"signed"_s,      u"incomplete"_s};
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (!known.contains(it.key()))
            failures.append(u"unknown key \""_s + it.key() + u"\" in "_s + expectationName);
    }
    if (expected.contains(u"text"_s))
        checkText(u"text"_s, content.text, expected.value(u"text"_s).toObject(), failures);
    if (expected.contains(u"html"_s)) {
        const bool wanted = expected.value(u"html"_s).toBool();
        if (wanted && content.html.isEmpty())
            failures.append(u"html: expected the body to be shown as HTML, but html is empty"_s);
        else if (!wanted && !content.html.isEmpty())
            failures.append(u"html: expected plain text only, but html is "_s + excerpt(content.html));
    }
    if (expected.contains(u"attachments"_s))
        checkAttachments(content.attachments, expected.value(u"attachments"_s).toArray(), failures);
    if (expected.contains(u"inlineImages"_s))
        checkInlineImages(content.inlineImages, expected.value(u"inlineImages"_s).toArray(), failures);
    if (expected.contains(u"calendar"_s)) {
        if (content.calendarSummary.isEmpty())
            failures.append(u"calendar: expected a summary, calendarSummary is empty"_s);
        checkText(u"calendar"_s, content.calendarSummary, expected.value(u"calendar"_s).toObject(), failures);
    }
    if (expected.contains(u"reportType"_s) &&
        content.reportType != expected.value(u"reportType"_s).toString())
        failures.append(u"reportType: expected \""_s + expected.value(u"reportType"_s).toString() +
                        u"\", got \""_s + content.reportType + u"\""_s);
    if (expected.contains(u"signed"_s) && content.isSigned != expected.value(u"signed"_s).toBool())
        failures.append(u"signed: expected "_s +
                        (expected.value(u"signed"_s).toBool() ? u"true"_s : u"false"_s) + u", got "_s +
                        (content.isSigned ? u"true"_s : u"false"_s));
    if (expected.contains(u"incomplete"_s) && content.incomplete != expected.value(u"incomplete"_s).toBool())
        failures.append(u"incomplete: expected "_s +
                        (expected.value(u"incomplete"_s).toBool() ? u"true"_s : u"false"_s) + u", got "_s +
                        (content.incomplete ? u"true"_s : u"false"_s) + u" (notices: "_s +
                        content.notices.join(u" / "_s) + u")"_s);

    if (!failures.isEmpty()) {
        const QString header = file + u" ("_s + expected.value(u"mailer"_s).toString() + u": "_s +
                               expected.value(u"case"_s).toString() + u")\n  "_s;
        QFAIL(qPrintable(header + failures.join(u"\n  "_s)));
    }
}

QTEST_GUILESS_MAIN(TestMessageCorpus)
#include "tst_messagecorpus.moc"
