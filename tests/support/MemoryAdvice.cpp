#include "MemoryAdvice.h"

#include <QFile>
#include <QList>
#include <cstdint>

using namespace Qt::StringLiterals;

namespace Amiens::Test {

bool kernelTakesHugePageAdvice()
{
    QFile mode(u"/sys/kernel/mm/transparent_hugepage/enabled"_s);
    // "always [madvise] never": the bracketed word is the mode in force.
    return mode.open(QIODevice::ReadOnly) && !mode.readAll().contains("[never]");
}

bool advisedForHugePages(const void *address, QString *error)
{
    QFile maps(u"/proc/self/smaps"_s);
    if (!maps.open(QIODevice::ReadOnly)) {
        if (error)
            *error = maps.errorString();
        return false;
    }
    const auto wanted = reinterpret_cast<std::uintptr_t>(address);
    bool inside = false;
    // A mapping's first line is "start-end perms ...", its flags come later as "VmFlags: rd wr ...".
    for (const QByteArray &line : maps.readAll().split('\n')) {
        if (line.startsWith("VmFlags:")) {
            if (inside)
                return line.mid(8).simplified().split(' ').contains("hg");
            continue;
        }
        // Field lines are "Name:   value"; a mapping's own line starts with its range.
        const QByteArray first = line.left(line.indexOf(' '));
        const qsizetype dash = first.indexOf('-');
        bool startOk = false;
        bool endOk = false;
        const auto start = first.left(dash).toULongLong(&startOk, 16);
        const auto end = first.mid(dash + 1).toULongLong(&endOk, 16);
        if (dash > 0 && startOk && endOk)
            inside = wanted >= start && wanted < end;
    }
    if (error)
        *error = u"no mapping holds the address"_s;
    return false;
}

} // namespace Amiens::Test
