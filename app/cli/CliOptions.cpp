#include "CliOptions.h"

using namespace Qt::StringLiterals;

namespace Amiens::CliOptions {

const QCommandLineOption profile(u"profile"_s, u"Profile directory."_s, u"DIR"_s);
const QCommandLineOption account(u"account"_s, u"Account id (default: the first one)."_s, u"ID"_s);
const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
const QCommandLineOption passwordStdin(u"password-stdin"_s,
                                       u"Read the password from the first line of stdin."_s);
const QCommandLineOption limit(u"limit"_s, u"At most N messages."_s, u"N"_s, u"50"_s);
const QCommandLineOption name(u"name"_s, u"Real name."_s, u"NAME"_s);

} // namespace Amiens::CliOptions
