// amiens-bench-model: the message model's cost per message class. Run by bench/model-run; see
// bench/README.md.
//   amiens-bench-model [--runs R] [--data DIR]... [--out FILE.md] [--json FILE] [--compare BASE.json]
//                      [--label TEXT] [--no-window] [--no-generated]
// Loads every .eml of the corpus directories and generates four large messages, then times, warm,
// R runs of each message: the sync path (what MailCache keeps of a body), the full model (what
// the window, `show` and a reply build), and opening the message in the window (SafeMessage and a
// QTextDocument laid out; the real MessageView with its first paint). Median, p95 and mean per
// class; with --compare, the same figures of an earlier build (its --json) beside them.
#include "MessageFactory.h"
#include "MessageView.h"
#include "ModelPaths.h"
#include "security/SafeMessage.h"
#include "util/Translations.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QTextDocument>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

struct Message
{
    QString name;
    QByteArray raw;
    CachedMessage summary; ///< as the cache holds it: headers decoded at sync time
};

struct MessageClass
{
    QString key; ///< stable across builds, for --compare
    QString label;
    QList<Message> messages;
    bool generated = false;
};

/// Times in milliseconds, one per message and run.
struct Stats
{
    double median = 0;
    double p95 = 0;
    double mean = 0;
    int samples = 0;

    static Stats of(QList<double> values)
    {
        Stats stats;
        if (values.isEmpty())
            return stats;
        std::sort(values.begin(), values.end());
        const qsizetype n = values.size();
        stats.samples = int(n);
        stats.median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        // Nearest rank.
        stats.p95 = values[qBound(qsizetype(0), qsizetype(std::ceil(0.95 * double(n))) - 1, n - 1)];
        double sum = 0;
        for (double value : std::as_const(values))
            sum += value;
        stats.mean = sum / double(n);
        return stats;
    }
    [[nodiscard]] QJsonObject toJson() const
    {
        return {{u"median_ms"_s, median}, {u"p95_ms"_s, p95}, {u"mean_ms"_s, mean}, {u"samples"_s, samples}};
    }
};

enum class Measure
{
    Sync,
    Full,
    Document,
    View
};
const QList<std::pair<Measure, QString>> kMeasures = {{Measure::Sync, u"sync"_s},
                                                      {Measure::Full, u"full"_s},
                                                      {Measure::Document, u"document"_s},
                                                      {Measure::View, u"view"_s}};

QString formatTime(double milliseconds)
{
    if (milliseconds <= 0)
        return u"—"_s;
    if (milliseconds < 1)
        return QString::number(milliseconds * 1000, 'f', 0) + u" µs"_s;
    if (milliseconds < 10)
        return QString::number(milliseconds, 'f', 2) + u" ms"_s;
    return QString::number(milliseconds, 'f', 1) + u" ms"_s;
}

QString formatSize(double bytes)
{
    if (bytes >= 1e6)
        return QString::number(bytes / 1e6, 'f', 1) + u" MB"_s;
    return QString::number(bytes / 1e3, 'f', 1) + u" kB"_s;
}

double loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return file.readAll().split(' ').value(0).toDouble();
}

QString cpuModel()
{
    QFile file(u"/proc/cpuinfo"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return {};
}

Message makeMessage(const QString &name, const QByteArray &raw)
{
    Message message{name, raw, {}};
    // What the cache would show in the list and give the view: not part of any timing.
    const MessageContent content = MessageContent::parse(raw);
    message.summary.headers = content.headers;
    message.summary.size = raw.size();
    message.summary.hasBody = true;
    message.summary.hasAttachments = !content.attachments.isEmpty();
    message.summary.flags = {u"\\Seen"_s};
    return message;
}

QList<MessageClass> loadMessages(const QStringList &directories, bool generate)
{
    QList<MessageClass> classes;
    for (const QString &directory : directories) {
        MessageClass messageClass{QFileInfo(directory).fileName(), {}, {}, false};
        QStringList files;
        QDirIterator it(directory, {u"*.eml"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        files.sort();
        for (const QString &path : std::as_const(files)) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                messageClass.messages.append(makeMessage(QFileInfo(path).fileName(), file.readAll()));
        }
        messageClass.label = u"Corpus `tests/data/%1`"_s.arg(messageClass.key);
        if (!messageClass.messages.isEmpty())
            classes.append(messageClass);
        else
            std::fprintf(stderr, "amiens-bench-model: no .eml in %s\n", qPrintable(directory));
    }
    if (!generate)
        return classes;
    using namespace Bench::MessageFactory;
    std::fprintf(stderr, "amiens-bench-model: generating the large messages...\n");
    classes.append({u"newsletter-1mb"_s,
                    u"1 MB HTML newsletter (related, 6 images)"_s,
                    {makeMessage(u"newsletter"_s, htmlNewsletter(1000 * 1000))},
                    true});
    classes.append({u"plain-1mb"_s,
                    u"1 MB plain text (flowed, 8bit)"_s,
                    {makeMessage(u"plain"_s, plainText(1000 * 1000))},
                    true});
    // 7.4 MB of PDF are 10 MB in base64 lines.
    classes.append({u"pdf-10mb"_s,
                    u"10 MB message, PDF attachment"_s,
                    {makeMessage(u"pdf"_s, withAttachment(7400 * 1000, u"Rapport d’activité 2025.pdf"_s,
                                                          "application/pdf"))},
                    true});
    classes.append({u"attachment-20mb"_s,
                    u"20 MB attachment (zip)"_s,
                    {makeMessage(u"zip"_s, withAttachment(20 * 1000 * 1000, u"Photos sortie à Amiens.zip"_s,
                                                          "application/zip"))},
                    true});
    // What the model makes of them, to see that they are what they claim to be.
    for (const MessageClass &messageClass : std::as_const(classes)) {
        if (!messageClass.generated)
            continue;
        const QByteArray &raw = messageClass.messages.constFirst().raw;
        const MessageContent content = MessageContent::parse(raw);
        std::fprintf(stderr,
                     "  %s: %lld bytes, text %lld chars, HTML %lld chars, %lld attachments, %lld images\n",
                     qPrintable(messageClass.key), qlonglong(raw.size()), qlonglong(content.text.size()),
                     qlonglong(content.html.size()), qlonglong(content.attachments.size()),
                     qlonglong(content.inlineImages.size()));
    }
    return classes;
}

class ModelBench
{
public:
    explicit ModelBench(bool window)
        : m_window(window)
    {
        if (m_window) {
            m_view.resize(1000, 760);
            m_view.show();
            QCoreApplication::processEvents();
        }
    }

    /// One run of @p measure on @p message, in milliseconds; @p sink keeps the results alive.
    double time(Measure measure, const Message &message)
    {
        QElapsedTimer timer;
        switch (measure) {
        case Measure::Sync:
            timer.start();
            m_sink += Amiens::Bench::syncPath(message.raw);
            return double(timer.nsecsElapsed()) / 1e6;
        case Measure::Full:
            timer.start();
            m_sink += Amiens::Bench::fullModel(message.raw);
            return double(timer.nsecsElapsed()) / 1e6;
        case Measure::Document: {
            // The window's path without its widgets: the safe HTML, laid out at the view's width.
            // Its steps go to parts().
            timer.start();
            const SafeMessage safe = SafeMessage::fromRaw(message.raw, m_analyzer, {});
            const qint64 built = timer.nsecsElapsed();
            QTextDocument document;
            document.setTextWidth(900);
            document.setHtml(safe.bodyHtml);
            const qint64 set = timer.nsecsElapsed();
            m_sink += qsizetype(document.documentLayout()->documentSize().height());
            const qint64 laidOut = timer.nsecsElapsed();
            m_parts = {{u"safe"_s, double(built) / 1e6},
                       {u"sethtml"_s, double(set - built) / 1e6},
                       {u"layout"_s, double(laidOut - set) / 1e6}};
            return double(laidOut) / 1e6;
        }
        case Measure::View: {
            // The real view: model, phishing checks, sanitised HTML, inline images, attachments,
            // and its first paint.
            timer.start();
            m_view.showMessage(message.summary, message.raw);
            QCoreApplication::processEvents();
            m_sink += m_view.grab().width();
            const double elapsed = double(timer.nsecsElapsed()) / 1e6;
            m_view.clear();
            QCoreApplication::processEvents();
            return elapsed;
        }
        }
        return 0;
    }

    /// The steps of the last Document measure, in milliseconds.
    [[nodiscard]] const QList<std::pair<QString, double>> &parts() const { return m_parts; }
    [[nodiscard]] bool window() const { return m_window; }
    [[nodiscard]] qsizetype sink() const { return m_sink; }

private:
    bool m_window;
    PhishingAnalyzer m_analyzer;
    MessageView m_view;
    qsizetype m_sink = 0;
    QList<std::pair<QString, double>> m_parts;
};

struct Row
{
    QString key;
    QString label;
    int messages = 0;
    double meanBytes = 0;
    QHash<QString, Stats> stats;
};

/// Every time of a class, by measure, and its messages' sizes.
struct Samples
{
    QHash<QString, QList<double>> times;
    QList<qsizetype> sizes;

    Samples &operator+=(const Samples &other)
    {
        for (auto it = other.times.cbegin(); it != other.times.cend(); ++it)
            times[it.key()] += it.value();
        sizes += other.sizes;
        return *this;
    }
    [[nodiscard]] Row row(const QString &key, const QString &label) const
    {
        Row row{key, label, int(sizes.size()), 0, {}};
        for (qsizetype size : sizes)
            row.meanBytes += double(size) / double(sizes.size());
        for (auto it = times.cbegin(); it != times.cend(); ++it)
            row.stats.insert(it.key(), Stats::of(it.value()));
        return row;
    }
};

Samples measureClass(ModelBench &bench, const QList<Message> &messages, int runs)
{
    Samples samples;
    for (const Message &message : messages)
        samples.sizes.append(message.raw.size());
    for (const auto &[measure, name] : kMeasures) {
        if (!bench.window() && (measure == Measure::Document || measure == Measure::View))
            continue;
        QList<double> values;
        // Warm: one untimed pass, then the runs, each over every message in turn.
        for (int run = -1; run < runs; ++run) {
            for (const Message &message : messages) {
                const double elapsed = bench.time(measure, message);
                if (run < 0)
                    continue;
                values.append(elapsed);
                if (measure == Measure::Document) {
                    for (const auto &[part, time] : bench.parts())
                        samples.times[name + u'.' + part].append(time);
                }
            }
        }
        samples.times.insert(name, values);
    }
    return samples;
}

QJsonObject toJson(const QList<Row> &rows, const QJsonObject &context)
{
    QJsonArray array;
    for (const Row &row : rows) {
        QJsonObject stats;
        for (auto it = row.stats.cbegin(); it != row.stats.cend(); ++it)
            stats.insert(it.key(), it.value().toJson());
        array.append(QJsonObject{{u"key"_s, row.key},
                                 {u"label"_s, row.label},
                                 {u"messages"_s, row.messages},
                                 {u"mean_bytes"_s, row.meanBytes},
                                 {u"stats"_s, stats}});
    }
    QJsonObject result = context;
    result.insert(u"rows"_s, array);
    return result;
}

/// The earlier build's median of @p measure for @p key, 0 when it has none.
double baselineMedian(const QJsonObject &baseline, const QString &key, const QString &measure)
{
    for (const QJsonValue &value : baseline.value(u"rows"_s).toArray()) {
        const QJsonObject row = value.toObject();
        if (row.value(u"key"_s).toString() == key)
            return row.value(u"stats"_s)
                .toObject()
                .value(measure)
                .toObject()
                .value(u"median_ms"_s)
                .toDouble();
    }
    return 0;
}

QString markdown(const QList<Row> &rows, const QJsonObject &context, const QJsonObject &baseline)
{
    const bool compare = !baseline.isEmpty();
    const QString before = baseline.value(u"label"_s).toString();
    QString out = u"### Message model (bench/model-run)\n\n"_s;
    out += u"%1, %2 build, %3; %4 warm runs of every message (median and p95 over messages × runs). "
           "Load average (1 min) %5 before, %6 after, on %7 cores (%8).\n"_s.arg(
               context.value(u"label"_s).toString(), context.value(u"build_type"_s).toString(),
               context.value(u"date"_s).toString(), QString::number(context.value(u"runs"_s).toInt()),
               QString::number(context.value(u"load_before"_s).toDouble(), 'f', 2),
               QString::number(context.value(u"load_after"_s).toDouble(), 'f', 2),
               QString::number(context.value(u"cores"_s).toInt()), context.value(u"cpu"_s).toString());
    if (compare)
        out += u"Previous: %1, %2 build, load %3 before, %4 after.\n"_s.arg(
            before, baseline.value(u"build_type"_s).toString(),
            QString::number(baseline.value(u"load_before"_s).toDouble(), 'f', 2),
            QString::number(baseline.value(u"load_after"_s).toDouble(), 'f', 2));

    const auto modelTable = [&](const QString &measure, const QString &title) {
        out += u"\n**%1**\n\n| Messages | n | mean size | median | p95 | mean | "_s.arg(title);
        out += compare ? u"previous median | now ÷ previous |\n|---|--:|--:|--:|--:|--:|--:|--:|\n"_s
                       : u"\n|---|--:|--:|--:|--:|--:|\n"_s;
        for (const Row &row : rows) {
            const Stats stats = row.stats.value(measure);
            out += u"| %1 | %2 | %3 | %4 | %5 | %6 |"_s.arg(
                row.label, QString::number(row.messages), formatSize(row.meanBytes), formatTime(stats.median),
                formatTime(stats.p95), formatTime(stats.mean));
            if (compare) {
                const double previous = baselineMedian(baseline, row.key, measure);
                out += u" %1 | %2 |"_s.arg(
                    formatTime(previous),
                    previous > 0 ? QString::number(stats.median / previous, 'f', 2) + u'×' : u"—"_s);
            }
            out += u'\n';
        }
    };
    modelTable(u"sync"_s, u"Sync path: what the cache keeps of a body (text, paper clip, preview)"_s);
    modelTable(u"full"_s, u"Full model: headers, text, HTML, attachments, inline images"_s);

    if (!rows.isEmpty() && rows.first().stats.contains(u"view"_s)) {
        out += u"\n**Opening a message in the window (aim: under 50 ms for 1 MB)**\n\n"
               "Medians of SafeMessage::fromRaw, QTextDocument::setHtml of its body and the layout at "
               "900 px, their sum (with its p95), and the real MessageView::showMessage until its first "
               "paint.\n\n"
               "| Messages | fromRaw | setHtml | layout | document, median | p95 | view + paint, median | "
               "p95 |"_s;
        out += compare
                   ? u" previous document | previous view |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n"_s
                   : u"\n|---|--:|--:|--:|--:|--:|--:|--:|\n"_s;
        for (const Row &row : rows) {
            const Stats document = row.stats.value(u"document"_s);
            const Stats view = row.stats.value(u"view"_s);
            out += u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |"_s.arg(
                row.label, formatTime(row.stats.value(u"document.safe"_s).median),
                formatTime(row.stats.value(u"document.sethtml"_s).median),
                formatTime(row.stats.value(u"document.layout"_s).median), formatTime(document.median),
                formatTime(document.p95), formatTime(view.median), formatTime(view.p95));
            if (compare)
                out += u" %1 | %2 |"_s.arg(formatTime(baselineMedian(baseline, row.key, u"document"_s)),
                                           formatTime(baselineMedian(baseline, row.key, u"view"_s)));
            out += u'\n';
        }
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    // The offscreen platform says this at every window shown; it says nothing about the figures.
    static const QtMessageHandler defaultHandler = qInstallMessageHandler(nullptr);
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &text) {
        if (defaultHandler && !text.contains(u"propagateSizeHints"_s))
            defaultHandler(type, context, text);
    });
    // The window's path needs a GUI application; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QApplication::setOrganizationName(u"AmiensMailBench"_s);
    Translations::install(application, u"fr"_s);

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(u"runs"_s, u"Warm runs of every message."_s, u"R"_s, u"20"_s);
    const QCommandLineOption dataOption(u"data"_s, u"A directory of .eml files (repeatable)."_s, u"DIR"_s);
    const QCommandLineOption outOption(u"out"_s, u"Markdown file for the tables."_s, u"FILE"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"JSON file for every figure."_s, u"FILE"_s);
    const QCommandLineOption compareOption(u"compare"_s, u"An earlier build's --json, shown beside."_s,
                                           u"FILE"_s);
    const QCommandLineOption labelOption(u"label"_s, u"What is measured (the commit)."_s, u"TEXT"_s,
                                         u"working tree"_s);
    const QCommandLineOption noWindowOption(u"no-window"_s, u"Only the model, not the window."_s);
    const QCommandLineOption noGeneratedOption(u"no-generated"_s,
                                               u"Only the corpus, not the large generated messages."_s);
    parser.addOptions({runsOption, dataOption, outOption, jsonOption, compareOption, labelOption,
                       noWindowOption, noGeneratedOption});
    parser.process(application);

    const int runs = qMax(1, parser.value(runsOption).toInt());
    QStringList directories = parser.values(dataOption);
    if (directories.isEmpty()) {
        const QString source = QString::fromUtf8(AMIENS_BENCH_SOURCE_DIR);
        directories = {source + u"/tests/data/realworld"_s, source + u"/tests/data/phishing"_s};
    }
    QJsonObject baseline;
    if (parser.isSet(compareOption)) {
        QFile file(parser.value(compareOption));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "amiens-bench-model: cannot read %s\n", qPrintable(file.fileName()));
            return 1;
        }
        baseline = QJsonDocument::fromJson(file.readAll()).object();
    }

    const QList<MessageClass> classes = loadMessages(directories, !parser.isSet(noGeneratedOption));
    ModelBench bench(!parser.isSet(noWindowOption));
    const double loadBefore = loadAverage();
    QList<Row> rows;
    Samples corpus;
    Samples all;
    QElapsedTimer total;
    total.start();
    for (const MessageClass &messageClass : classes) {
        std::fprintf(stderr, "amiens-bench-model: %s (%lld messages)...\n", qPrintable(messageClass.label),
                     qlonglong(messageClass.messages.size()));
        const Samples samples = measureClass(bench, messageClass.messages, runs);
        rows.append(samples.row(messageClass.key, messageClass.label));
        if (!messageClass.generated)
            corpus += samples;
        all += samples;
    }
    // Overall: every time of the classes pooled.
    rows.append(corpus.row(u"corpus"_s, u"**All corpus messages**"_s));
    rows.append(all.row(u"all"_s, u"**All messages**"_s));
    const double loadAfter = loadAverage();

    const QJsonObject context{{u"label"_s, parser.value(labelOption)},
                              {u"origin"_s, QString::fromUtf8(Amiens::Bench::modelPathsOrigin())},
                              {u"build_type"_s, QString::fromUtf8(AMIENS_BENCH_BUILD_TYPE)},
                              {u"date"_s, QDateTime::currentDateTime().toString(Qt::ISODate)},
                              {u"runs"_s, runs},
                              {u"load_before"_s, loadBefore},
                              {u"load_after"_s, loadAfter},
                              {u"cores"_s, QThread::idealThreadCount()},
                              {u"cpu"_s, cpuModel()},
                              {u"seconds"_s, double(total.elapsed()) / 1000}};
    const QString table = markdown(rows, context, baseline);
    std::fputs(table.toUtf8().constData(), stdout);
    std::fflush(stdout);
    if (parser.isSet(outOption)) {
        QFile file(parser.value(outOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(table.toUtf8()) < 0) {
            std::fprintf(stderr, "amiens-bench-model: cannot write %s\n", qPrintable(file.fileName()));
            return 1;
        }
    }
    if (parser.isSet(jsonOption)) {
        QFile file(parser.value(jsonOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(QJsonDocument(toJson(rows, context)).toJson()) < 0) {
            std::fprintf(stderr, "amiens-bench-model: cannot write %s\n", qPrintable(file.fileName()));
            return 1;
        }
    }
    std::fprintf(stderr, "amiens-bench-model: done in %.0f s (sink %lld)\n", double(total.elapsed()) / 1000,
                 qlonglong(bench.sink()));
    return 0;
}
