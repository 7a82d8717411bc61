#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

namespace Amiens {

/// Why a server's certificate was refused, with what the user needs to decide: who the
/// certificate claims to be, who issued it, when it is valid, and its SHA-256 fingerprint.
struct TlsFailure
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::TlsFailure)

public:
    QString host;
    quint16 port = 0;
    QList<QSslError> errors;
    QList<QSslCertificate> chain; ///< as the server sent it, leaf first

    [[nodiscard]] QSslCertificate leaf() const { return chain.isEmpty() ? QSslCertificate() : chain.first(); }
    /// "AB:CD:…" over the leaf's DER encoding.
    [[nodiscard]] QString leafSha256Fingerprint() const;
    /// French, several lines: the reasons and the certificate's identity.
    [[nodiscard]] QString describe() const;
};

} // namespace Amiens
