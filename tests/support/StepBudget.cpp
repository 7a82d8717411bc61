#include "StepBudget.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <algorithm>
#include <ctime>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Amiens::Test {

namespace {

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

/// CPU time used by the process so far, in milliseconds.
qint64 processCpuMs()
{
    timespec used{};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &used) != 0)
        return 0;
    return qint64(used.tv_sec) * 1000 + used.tv_nsec / 1000000;
}

} // namespace

StepCost measureStep(const std::function<void()> &step)
{
    const bool reset = resetPeakMemory();
    const qint64 rssBefore = statusKb("VmRSS:");
    const qint64 peakBefore = statusKb("VmHWM:");
    QElapsedTimer timer;
    const qint64 cpuBefore = processCpuMs();
    timer.start();
    step();
    StepCost cost;
    cost.ms = timer.elapsed();
    cost.cpuMs = processCpuMs() - cpuBefore;
    const qint64 peakAfter = statusKb("VmHWM:");
    if (rssBefore >= 0 && peakAfter >= 0) {
        if (reset || peakAfter > peakBefore)
            cost.growthKb = peakAfter - rssBefore;
        else
            cost.growthKb = std::max<qint64>(0, statusKb("VmRSS:") - rssBefore);
    }
    return cost;
}

QString boundsProblem(const QString &caseName, const QString &step, const StepCost &cost, qsizetype inputSize,
                      const StepLimits &limits)
{
    // CPU time judges the work, so that a loaded machine (tests in parallel, a build) does not
    // fail a bounded step; the wall clock still catches a step that blocks.
    if (cost.cpuMs >= limits.timeLimitMs)
        return u"%1: %2 used %3 ms of CPU (limit %4 ms)"_s.arg(caseName, step)
            .arg(cost.cpuMs)
            .arg(limits.timeLimitMs);
    if (cost.ms >= 5 * limits.timeLimitMs)
        return u"%1: %2 took %3 ms (limit %4 ms)"_s.arg(caseName, step)
            .arg(cost.ms)
            .arg(5 * limits.timeLimitMs);
    const qint64 limitKb = limits.memoryFactor * inputSize / 1024 + limits.memorySlackKb;
    if (limits.checkMemory && cost.growthKb > limitKb) {
        return u"%1: %2 grew the process by %3 kB (limit %4 kB for a %5-byte message)"_s.arg(caseName, step)
            .arg(cost.growthKb)
            .arg(limitKb)
            .arg(inputSize);
    }
    return {};
}

QList<int> attachmentSample(int count, int sample)
{
    QSet<int> chosen;
    if (count <= sample) {
        for (int i = 0; i < count; ++i)
            chosen.insert(i);
    } else {
        for (int i = 0; i < sample / 4; ++i) {
            chosen.insert(i);
            chosen.insert(count - 1 - i);
        }
        for (int i = 1; i < sample && chosen.size() < sample; ++i)
            chosen.insert(static_cast<int>(qint64(count) * i / sample));
    }
    QList<int> indexes(chosen.cbegin(), chosen.cend());
    std::sort(indexes.begin(), indexes.end());
    return indexes;
}

const QString &complexityNoticePrefix()
{
    static const QString prefix = u"Ce message est trop complexe pour être affiché entièrement"_s;
    return prefix;
}

} // namespace Amiens::Test
