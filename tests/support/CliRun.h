#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Amiens::Test {

/// What one run of a command-line program gave.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs @p program with @p arguments, @p input on its standard input, in @p environment (the
/// test's own when empty), and waits for it (60 s at most).
CliRun runCli(const QString &program, const QStringList &arguments, const QByteArray &input = {},
              QProcessEnvironment environment = {});

} // namespace Amiens::Test
