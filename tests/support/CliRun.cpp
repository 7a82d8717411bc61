#include "CliRun.h"

#include <QProcess>

namespace Amiens::Test {

CliRun runCli(const QString &program, const QStringList &arguments, const QByteArray &input,
              QProcessEnvironment environment)
{
    QProcess process;
    if (environment.isEmpty())
        environment = QProcessEnvironment::systemEnvironment();
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        qWarning("%s did not finish", qPrintable(program));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace Amiens::Test
