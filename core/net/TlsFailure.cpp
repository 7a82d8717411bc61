#include "TlsFailure.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QString reasonFor(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return TlsFailure::tr("the certificate is not issued by a trusted authority");
    case QSslError::CertificateSignatureFailed:
    case QSslError::UnableToDecryptCertificateSignature:
    case QSslError::UnableToDecodeIssuerPublicKey:
        return TlsFailure::tr("the certificate's signature is invalid (possibly forged)");
    case QSslError::CertificateExpired:
        return TlsFailure::tr("the certificate has expired");
    case QSslError::CertificateNotYetValid:
        return TlsFailure::tr("the certificate is not valid yet");
    case QSslError::HostNameMismatch:
        return TlsFailure::tr("the certificate was issued for another server name");
    case QSslError::CertificateRevoked:
        return TlsFailure::tr("the certificate has been revoked");
    case QSslError::InvalidPurpose:
    case QSslError::InvalidCaCertificate:
    case QSslError::PathLengthExceeded:
        return TlsFailure::tr("the certificate chain is not valid for a server");
    default:
        return error.errorString();
    }
}

} // namespace

QString TlsFailure::leafSha256Fingerprint() const
{
    const QSslCertificate certificate = leaf();
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString TlsFailure::describe() const
{
    QStringList reasons;
    for (const QSslError &error : errors) {
        const QString reason = reasonFor(error);
        if (!reasons.contains(reason))
            reasons.append(reason);
    }
    QString text =
        TlsFailure::tr("The identity of %1 (port %2) could not be verified: %3.")
            .arg(host)
            .arg(port)
            .arg(reasons.isEmpty() ? TlsFailure::tr("the secure connection failed") : reasons.join(u"; "_s));
    const QSslCertificate certificate = leaf();
    if (!certificate.isNull()) {
        const QLocale locale;
        text += u'\n' + TlsFailure::tr("Subject: %1").arg(certificate.subjectDisplayName()) + u'\n' +
                TlsFailure::tr("Issuer: %1").arg(certificate.issuerDisplayName()) + u'\n' +
                TlsFailure::tr("Valid from %1 to %2")
                    .arg(locale.toString(certificate.effectiveDate(), QLocale::ShortFormat),
                         locale.toString(certificate.expiryDate(), QLocale::ShortFormat)) +
                u'\n' + TlsFailure::tr("SHA-256 fingerprint: %1").arg(leafSha256Fingerprint());
    }
    return text;
}

} // namespace Amiens
