#pragma once

#include <QCommandLineOption>

namespace Amiens::CliOptions {

// The options every command may read (the context's), then those several commands share.
extern const QCommandLineOption profile;
extern const QCommandLineOption account;
extern const QCommandLineOption json;
extern const QCommandLineOption passwordStdin;
extern const QCommandLineOption limit;
extern const QCommandLineOption name;

} // namespace Amiens::CliOptions
