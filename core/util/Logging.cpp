#include "Logging.h"

Q_LOGGING_CATEGORY(lcAccount, "amiens.account", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCredentials, "amiens.credentials", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "amiens.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTls, "amiens.tls", QtInfoMsg)
Q_LOGGING_CATEGORY(lcImap, "amiens.imap", QtInfoMsg)
