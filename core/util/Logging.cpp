#include "Logging.h"

Q_LOGGING_CATEGORY(lcAccount, "amiens.account", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCredentials, "amiens.credentials", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "amiens.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTls, "amiens.tls", QtInfoMsg)
Q_LOGGING_CATEGORY(lcImap, "amiens.imap", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMime, "amiens.mime", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCache, "amiens.cache", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "amiens.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProtocol, "amiens.protocol", QtWarningMsg)
