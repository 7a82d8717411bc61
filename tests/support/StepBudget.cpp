#include "StepBudget.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <algorithm>

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

} // namespace

StepCost measureStep(const std::function<void()> &step)
{
    const bool reset = resetPeakMemory();
    const qint64 rssBefore = statusKb("VmRSS:");
    const qint64 peakBefore = statusKb("VmHWM:");
    QElapsedTimer timer;
    timer.start();
    step();
    StepCost cost;
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

QString boundsProblem(const QString &caseName, const QString &step, const StepCost &cost, qsizetype inputSize,
                      const StepLimits &limits)
{
    if (cost.ms >= limits.timeLimitMs)
        return u"%1: %2 took %3 ms (limit %4 ms)"_s.arg(caseName, step).arg(cost.ms).arg(limits.timeLimitMs);
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
