#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <functional>

namespace Amiens::Test {

/// What one step of reading a hostile message cost.
struct StepCost
{
    qint64 ms = 0;    ///< wall-clock time
    qint64 cpuMs = 0; ///< CPU time of the whole process (its threads included) during the step
    /// Peak RSS during the step minus RSS before it, in kB; -1 when it cannot be read. When the
    /// peak cannot be reset and the step did not raise it, the RSS growth (a lower bound).
    qint64 growthKb = -1;
};

/// How much a step may cost: @p timeLimitMs of CPU (the work done, whatever else runs on the
/// machine), at most five times that of wall-clock time (a step blocked without working), and,
/// when checked, ten times the message plus 64 MB.
struct StepLimits
{
    qint64 timeLimitMs = 1000;
    bool checkMemory = true;
    qint64 memoryFactor = 10;
    qint64 memorySlackKb = 64 * 1024;
};

/// Runs @p step and measures its time and memory (Linux /proc/self/status, VmHWM reset first).
StepCost measureStep(const std::function<void()> &step);
/// Empty when @p cost is within @p limits for an input of @p inputSize bytes, else why not.
QString boundsProblem(const QString &caseName, const QString &step, const StepCost &cost, qsizetype inputSize,
                      const StepLimits &limits);
/// Which of @p count attachments to open: all of them, or a sample of @p sample (the first, the
/// last and some between): attachmentData() reads the whole message again at each call.
QList<int> attachmentSample(int count, int sample = 16);
/// The French notice a message past a limit must show.
const QString &complexityNoticePrefix();

} // namespace Amiens::Test
