// amiens-bench-ui: the reading window on a big cache. Run by bench/ui-run; see bench/README.md.
//   amiens-bench-ui --work DIR [--messages N] [--runs R] [--out FILE.md]
//   amiens-bench-ui --cache FILE.sqlite [--account ID] [--search WORDS]... [--runs R] [--out FILE.md]
//   amiens-bench-ui --unified-cache FILE.sqlite --unified-cache FILE2.sqlite... [--account ID]
//                   [--scroll-cap S] [--search WORDS]... [--runs R] [--out FILE.md]
// generates (once) a cache of N messages in DIR, or takes a cache a real sync filled (the realistic
// mailbox of bench/run), then starts itself R times as a child that opens the main window on it,
// and reports the median, min and max of each figure. --unified-cache (twice or more): the caches
// as accounts of « Tous les comptes », the unified list timed instead of the window.
#include "ChildProbe.h"
#include "MailboxGenerator.h"
#include "MainWindow.h"
#include "UnifiedProbe.h"
#include "cache/MailCache.h"
#include "util/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

const QString kAccountKey = u"mdupont@ac-amiens.fr"_s;
// A frequent word, a person, a topic, a rare exact number and a word found nowhere.
const QStringList kSearches = {u"réunion"_s, u"Hénault"_s, u"conseil de classe"_s, u"77777"_s,
                               u"introuvable"_s};

int runChild(int argc, char *argv[], const QString &cachePath, const QString &accountKey,
             const QStringList &searches)
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(u"AmiensMailBench"_s);
    Translations::install(application, u"fr"_s);
    MainWindow window;
    window.resize(1280, 800);
    window.setCachePath(cachePath, accountKey);
    Bench::ChildProbe probe(window, searches);
    probe.start();
    return application.exec();
}

/// --unified-child ACCOUNT CAP N CACHE... SEARCH...: every cache opened read-only, as the window's
/// readers are, each as an account of its own.
int runUnifiedChild(int argc, char *argv[], int first)
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(u"AmiensMailBench"_s);
    Translations::install(application, u"fr"_s);
    const QString accountKey = QString::fromUtf8(argv[first]);
    const int cap = QByteArray(argv[first + 1]).toInt();
    const int count = QByteArray(argv[first + 2]).toInt();
    std::vector<std::unique_ptr<MailCache>> caches;
    QList<UnifiedMailbox::Source> sources;
    for (int i = 0; i < count; ++i) {
        auto cache = std::make_unique<MailCache>();
        QString error;
        const QString path = QString::fromLocal8Bit(argv[first + 3 + i]);
        if (!cache->open(path, accountKey, MailCache::Mode::ReadOnly, &error)) {
            std::fprintf(stderr, "amiens-bench-ui: cannot open %s: %s\n", qPrintable(path),
                         qPrintable(error));
            return 1;
        }
        sources.append({u"compte%1"_s.arg(i + 1), cache.get()});
        caches.push_back(std::move(cache));
    }
    QStringList searches;
    for (int j = first + 3 + count; j < argc; ++j)
        searches.append(QString::fromUtf8(argv[j]));
    Bench::UnifiedProbe probe(sources, searches, cap);
    probe.start();
    return application.exec();
}

struct Figures
{
    QMap<QString, QList<double>> values;

    void add(const QString &name, double value) { values[name].append(value); }
    [[nodiscard]] QString row(const QString &name, const QString &label, const QString &unit,
                              const QString &aim) const
    {
        QList<double> list = values.value(name);
        if (list.isEmpty())
            return u"| %1 | — | — | — | %2 |\n"_s.arg(label, aim);
        std::sort(list.begin(), list.end());
        const double median =
            list.size() % 2 ? list[list.size() / 2] : (list[list.size() / 2 - 1] + list[list.size() / 2]) / 2;
        const auto format = [&unit](double value) -> QString {
            return QString::number(value, 'f', 1) + u' ' + unit;
        };
        return u"| %1 | %2 | %3 | %4 | %5 |\n"_s.arg(label, format(median), format(list.first()),
                                                     format(list.last()), aim);
    }
};

/// Starts this program @p runs times with @p arguments, each a fresh child: times process start →
/// its "first-screen" line, records "search MS HITS WORDS" and "NAME VALUE" lines, and hands any
/// other line, split at spaces, to @p other. False when a child fails.
bool runChildren(const QStringList &arguments, int runs, Figures &figures, QMap<QString, int> &searchHits,
                 const std::function<void(const QStringList &parts)> &other)
{
    for (int run = 0; run < runs; ++run) {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (!environment.contains(u"QT_QPA_PLATFORM"_s))
            environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer sinceStart;
        sinceStart.start();
        child.start(QCoreApplication::applicationFilePath(), arguments);
        QByteArray pending;
        while (child.state() != QProcess::NotRunning || child.bytesAvailable() > 0) {
            child.waitForReadyRead(100);
            pending += child.readAllStandardOutput();
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const QString line = QString::fromUtf8(pending.left(newline));
                pending.remove(0, newline + 1);
                const QStringList parts = line.split(u' ');
                if (parts.first() == "first-screen"_L1) {
                    figures.add(u"first-screen-ms"_s, sinceStart.nsecsElapsed() / 1e6);
                } else if (parts.first() == "search"_L1 && parts.size() >= 4) {
                    figures.add(u"search-ms"_s, parts[1].toDouble());
                    searchHits[parts.mid(3).join(u' ')] = parts[2].toInt();
                } else if (parts.size() == 2) {
                    figures.add(parts[0], parts[1].toDouble());
                } else {
                    other(parts);
                }
            }
            if (child.state() == QProcess::NotRunning && child.bytesAvailable() == 0)
                break;
        }
        child.waitForFinished(60000);
        if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
            std::fprintf(stderr, "amiens-bench-ui: run %d failed\n", run + 1);
            return false;
        }
        std::fprintf(stderr, "run %d/%d done\n", run + 1, runs);
    }
    return true;
}

/// "Searches (hits): « WORDS » (N), …" under a table.
QString searchesLine(const QMap<QString, int> &searchHits)
{
    QStringList searchTexts;
    for (auto it = searchHits.cbegin(); it != searchHits.cend(); ++it)
        searchTexts.append(u"« %1 » (%2)"_s.arg(it.key()).arg(it.value()));
    return u"\nSearches (hits): "_s + searchTexts.join(u", "_s) + u"\n"_s;
}

bool writeTable(const QString &table, const QString &outPath)
{
    std::fputs(table.toUtf8().constData(), stdout);
    if (outPath.isEmpty())
        return true;
    QFile out(outPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "amiens-bench-ui: cannot write %s\n", qPrintable(out.fileName()));
        return false;
    }
    out.write(table.toUtf8());
    return true;
}

int runUnified(const QStringList &caches, const QString &accountKey, int scrollCap, int runs,
               const QStringList &searches, const QString &outPath)
{
    if (caches.size() < 2) {
        std::fputs("amiens-bench-ui: --unified-cache is needed twice or more\n", stderr);
        return 2;
    }
    int messages = 0;
    for (const QString &path : caches) {
        // Opened for writing once, as the account's worker does at start: the cache is brought to
        // the current schema before the window's read-only connection reads it.
        MailCache cache;
        QString error;
        if (!QFile::exists(path) || !cache.open(path, accountKey, MailCache::Mode::ReadWrite, &error)) {
            std::fprintf(stderr, "amiens-bench-ui: cannot open %s: %s\n", qPrintable(path),
                         qPrintable(error));
            return 1;
        }
        for (const CachedFolder &folder : cache.folderStore().folders())
            messages += cache.messageStore().messageCount(folder.id);
    }
    Figures figures;
    QMap<QString, int> searchHits;
    QMap<QString, int> viewRows;
    const QStringList arguments = QStringList{u"--unified-child"_s, accountKey, QString::number(scrollCap),
                                              QString::number(caches.size())} +
                                  caches + searches;
    const bool ran = runChildren(arguments, runs, figures, searchHits, [&](const QStringList &parts) {
        if (parts.first() == "view"_L1 && parts.size() == 5) {
            viewRows[parts[1]] = parts[2].toInt();
            figures.add(u"view-"_s + parts[1], parts[3].toDouble());
            figures.add(u"end-"_s + parts[1], parts[4].toDouble());
        }
    });
    if (!ran)
        return 1;
    QString table =
        u"### « Tous les comptes », %1 accounts, %2 cached messages (%3 runs, fresh process each)\n\n"_s
            .arg(caches.size())
            .arg(messages)
            .arg(runs);
    table += u"| Figure | median | min | max | aim |\n|---|---|---|---|---|\n"_s;
    table += figures.row(u"first-screen-ms"_s, u"Process start to first screen of the merged inboxes"_s,
                         u"ms"_s, u"—"_s);
    for (const QString &view : {u"inboxes"_s, u"unread"_s, u"flagged"_s}) {
        const QString rows = QString::number(viewRows.value(view));
        table +=
            figures.row(u"view-"_s + view, u"%1 (%2 rows): opened, first screen painted"_s.arg(view, rows),
                        u"ms"_s, u"—"_s);
        table += figures.row(u"end-"_s + view, u"%1: jump to the last screen, painted"_s.arg(view), u"ms"_s,
                             u"—"_s);
    }
    table +=
        figures.row(u"search-ms"_s, u"Search across the accounts, query → list painted"_s, u"ms"_s, u"—"_s);
    table +=
        figures.row(u"scroll-all-ms"_s,
                    u"Scrolling the merged inboxes page by page, painted (capped at %1 s)"_s.arg(scrollCap),
                    u"ms"_s, u"—"_s);
    table += figures.row(u"scroll-reached-row"_s, u"Row reached by the scrolling"_s, u"rows"_s, u"—"_s);
    table += figures.row(u"rss-after-scroll-mb"_s, u"Resident memory after scrolling"_s, u"MB"_s, u"—"_s);
    table += figures.row(u"rss-peak-mb"_s, u"Peak resident memory"_s, u"MB"_s, u"—"_s);
    table += searchesLine(searchHits);
    return writeTable(table, outPath) ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    for (int i = 1; i + 3 < argc; ++i) {
        if (qstrcmp(argv[i], "--unified-child") == 0)
            return runUnifiedChild(argc, argv, i + 1);
    }
    // --child CACHE ACCOUNT [SEARCH]...
    for (int i = 1; i + 2 < argc; ++i) {
        if (qstrcmp(argv[i], "--child") == 0) {
            QStringList searches;
            for (int j = i + 3; j < argc; ++j)
                searches.append(QString::fromUtf8(argv[j]));
            return runChild(i + 1, argv, QString::fromLocal8Bit(argv[i + 1]), QString::fromUtf8(argv[i + 2]),
                            searches);
        }
    }
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption workOption(u"work"_s, u"Directory for the generated cache."_s, u"DIR"_s);
    const QCommandLineOption messagesOption(u"messages"_s, u"Messages in the folder."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Measured runs (fresh processes)."_s, u"R"_s, u"5"_s);
    const QCommandLineOption outOption(u"out"_s, u"Markdown file for the table."_s, u"FILE"_s);
    const QCommandLineOption cacheOption(
        u"cache"_s, u"An existing cache (mail.sqlite) instead of a generated one."_s, u"FILE"_s);
    const QCommandLineOption accountOption(u"account"_s, u"The cache's account."_s, u"ID"_s, kAccountKey);
    const QCommandLineOption searchOption(u"search"_s, u"A search to time (repeatable)."_s, u"WORDS"_s);
    const QCommandLineOption titleOption(u"title"_s, u"What the cache holds, for the table's title."_s,
                                         u"TEXT"_s);
    const QCommandLineOption unifiedOption(
        u"unified-cache"_s, u"A cache as one account of « Tous les comptes » (twice or more)."_s, u"FILE"_s);
    const QCommandLineOption scrollCapOption(
        u"scroll-cap"_s, u"Seconds after which the unified list's scrolling stops."_s, u"S"_s, u"60"_s);
    parser.addOptions({workOption, messagesOption, runsOption, outOption, cacheOption, accountOption,
                       searchOption, titleOption, unifiedOption, scrollCapOption});
    parser.process(application);
    const QString work = parser.value(workOption);
    int messages = parser.value(messagesOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QString cachePath = parser.value(cacheOption);
    const QString accountKey = parser.value(accountOption);
    const QStringList searches = parser.isSet(searchOption) ? parser.values(searchOption) : kSearches;
    if (parser.isSet(unifiedOption))
        return runUnified(parser.values(unifiedOption), accountKey, parser.value(scrollCapOption).toInt(),
                          runs, searches, parser.value(outOption));
    if (cachePath.isEmpty()) {
        if (work.isEmpty() || messages <= 0) {
            std::fputs(
                "amiens-bench-ui: --cache FILE, or --work DIR and a positive --messages, are required\n",
                stderr);
            return 2;
        }
        // A folder of its own: the cache makes the folder it sits in private (0700), and WORK must stay
        // traversable for the test servers' mail user (bench/run keeps their state there).
        const QString cacheFolder = work + u"/ui"_s;
        QDir().mkpath(cacheFolder);
        cachePath = cacheFolder + u"/ui-"_s + QString::number(messages) + u".sqlite"_s;
        QElapsedTimer generation;
        generation.start();
        QString error;
        if (!Bench::MailboxGenerator::ensure(cachePath, accountKey, messages, &error)) {
            std::fprintf(stderr, "amiens-bench-ui: cannot prepare the cache: %s\n", qPrintable(error));
            return 1;
        }
        std::fprintf(stderr, "cache of %d messages ready in %.1f s (%s)\n", messages,
                     generation.elapsed() / 1000.0, qPrintable(cachePath));
    } else if (!QFile::exists(cachePath)) {
        std::fprintf(stderr, "amiens-bench-ui: no cache at %s\n", qPrintable(cachePath));
        return 2;
    } else {
        MailCache cache;
        QString error;
        if (!cache.open(cachePath, accountKey, MailCache::Mode::ReadOnly, &error)) {
            std::fprintf(stderr, "amiens-bench-ui: cannot open %s: %s\n", qPrintable(cachePath),
                         qPrintable(error));
            return 1;
        }
        messages = 0;
        for (const CachedFolder &folder : cache.folderStore().folders())
            messages += cache.messageStore().messageCount(folder.id);
    }

    Figures figures;
    QMap<QString, int> searchHits;
    QList<double> largestOpened;
    const bool ran = runChildren(QStringList{u"--child"_s, cachePath, accountKey} + searches, runs, figures,
                                 searchHits, [&](const QStringList &parts) {
                                     if (parts.first() == "open"_L1 && parts.size() == 3) {
                                         figures.add(u"open-largest-ms"_s, parts[1].toDouble());
                                         largestOpened.append(parts[2].toDouble());
                                     }
                                 });
    if (!ran)
        return 1;

    const QString holds = parser.isSet(titleOption) ? parser.value(titleOption) : u"cached messages"_s;
    QString table =
        u"### Reading window, %1 %2 (%3 runs, fresh process each)\n\n"_s.arg(messages).arg(holds).arg(runs);
    table += u"| Figure | median | min | max | aim |\n|---|---|---|---|---|\n"_s;
    table += figures.row(u"first-screen-ms"_s, u"Process start to first screen of the list"_s, u"ms"_s,
                         u"< 150 ms (issue 19; 300 ms in issue 10)"_s);
    table += figures.row(u"rest-ms"_s,
                         u"Then the rest of the list's ids read, laid out and painted (before any input)"_s,
                         u"ms"_s, u"—"_s);
    table += figures.row(u"rss-after-open-mb"_s, u"Resident memory after opening the folder"_s, u"MB"_s,
                         u"< 150 MB"_s);
    table += figures.row(u"search-ms"_s, u"Search latency (query → list painted), all queries"_s, u"ms"_s,
                         u"< 30 ms (issue 19; 50 ms in issue 10)"_s);
    table +=
        figures.row(u"open-largest-ms"_s, u"Opening the largest messages (click → first screen painted)"_s,
                    u"ms"_s, u"< 100 ms for 10 MB"_s);
    table += figures.row(u"scroll-all-ms"_s, u"Scrolling the whole list, page by page, painted"_s, u"ms"_s,
                         u"—"_s);
    table += figures.row(u"scroll-reached-row"_s, u"Row reached by the scrolling (top of the last screen)"_s,
                         u"rows"_s, u"—"_s);
    table += figures.row(u"rss-after-scroll-mb"_s, u"Resident memory after scrolling everything"_s, u"MB"_s,
                         u"—"_s);
    table += figures.row(u"rss-peak-mb"_s, u"Peak resident memory"_s, u"MB"_s, u"—"_s);
    table += searchesLine(searchHits);
    if (!largestOpened.isEmpty()) {
        std::sort(largestOpened.begin(), largestOpened.end(), std::greater<>());
        QStringList sizes;
        for (const double size : std::as_const(largestOpened)) {
            const QString text = QString::number(size, 'f', 1) + u" MB"_s;
            if (!sizes.contains(text))
                sizes.append(text);
        }
        table += u"\nLargest messages opened: "_s + sizes.join(u", "_s) + u"\n"_s;
    }
    std::fputs(table.toUtf8().constData(), stdout);
    if (parser.isSet(outOption)) {
        QFile out(parser.value(outOption));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "amiens-bench-ui: cannot write %s\n", qPrintable(out.fileName()));
            return 1;
        }
        out.write(table.toUtf8());
    }
    return 0;
}
