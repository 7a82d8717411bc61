#pragma once

#include "ConnectionReport.h"
#include "ServiceError.h"

#include <QCoreApplication>
#include <exception>

namespace Amiens {

/// Turns what VMime threw, plus what our socket recorded, into a ServiceError the user can act on.
class VmimeErrorTranslator
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::VmimeErrorTranslator)

public:
    /// @p serverName names the server in messages ("imap.ac-amiens.fr").
    static ServiceError translate(const std::exception_ptr &failure, const ConnectionReport *report,
                                  bool cancelled, const QString &serverName);
};

} // namespace Amiens
