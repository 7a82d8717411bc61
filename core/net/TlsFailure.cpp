#include "TlsFailure.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TlsFailure", text);
}

QString reasonFor(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return tr("the certificate is not issued by a trusted authority");
    case QSslError::CertificateSignatureFailed:
    case QSslError::UnableToDecryptCertificateSignature:
    case QSslError::UnableToDecodeIssuerPublicKey:
        return tr("the certificate's signature is invalid (possibly forged)");
    case QSslError::CertificateExpired:
        return tr("the certificate has expired");
    case QSslError::CertificateNotYetValid:
        return tr("the certificate is not valid yet");
    case QSslError::HostNameMismatch:
        return tr("the certificate was issued for another server name");
    case QSslError::CertificateRevoked:
        return tr("the certificate has been revoked");
    case QSslError::InvalidPurpose:
    case QSslError::InvalidCaCertificate:
    case QSslError::PathLengthExceeded:
        return tr("the certificate chain is not valid for a server");
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
    QString text = tr("The identity of %1 (port %2) could not be verified: %3.")
                       .arg(host)
                       .arg(port)
                       .arg(reasons.isEmpty() ? tr("the secure connection failed") : reasons.join(u"; "_s));
    const QSslCertificate certificate = leaf();
    if (!certificate.isNull()) {
        const QLocale locale;
        text += u'\n'
                + tr("Subject: %1").arg(certificate.subjectDisplayName()) + u'\n'
                + tr("Issuer: %1").arg(certificate.issuerDisplayName()) + u'\n'
                + tr("Valid from %1 to %2")
                      .arg(locale.toString(certificate.effectiveDate(), QLocale::ShortFormat),
                           locale.toString(certificate.expiryDate(), QLocale::ShortFormat))
                + u'\n' + tr("SHA-256 fingerprint: %1").arg(leafSha256Fingerprint());
    }
    return text;
}

} // namespace Amiens
