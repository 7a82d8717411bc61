#pragma once

#include "TlsFailure.h"

#include <QMetaType>
#include <QString>
#include <optional>

namespace Amiens {

/// A failure of a mail server operation, in terms the user and the UI can act on.
struct ServiceError
{
    enum class Kind
    {
        Certificate,    ///< server identity not verified: the UI may offer to trust it
        TlsUnavailable, ///< no encryption offered or possible: never fall back to clear text
        Authentication, ///< wrong identifier or password (or blocked account)
        Network,        ///< unreachable, refused, dropped
        Timeout,
        Cancelled,
        Protocol, ///< the server refused a command or answered something we cannot read
        Configuration,
        Storage, ///< the offline cache could not be written (disk full, permissions)
        Internal,
    };

    Kind kind = Kind::Internal;
    QString message;   ///< French, complete sentence for the user and the logs
    QString technical; ///< the underlying detail, for the logs and "Détails"
    std::optional<TlsFailure> tlsFailure;

    /// Whether trying again later may succeed without the user changing anything.
    [[nodiscard]] bool isTransient() const { return kind == Kind::Network || kind == Kind::Timeout; }
};

} // namespace Amiens

Q_DECLARE_METATYPE(Amiens::ServiceError)
