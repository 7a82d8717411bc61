#include "TlsTrust.h"

#include "account/Account.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {
} // namespace

std::optional<QList<QSslCertificate>> TlsTrust::loadAuthorities(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = TlsTrust::tr("Cannot read the certificate authority file %1: %2")
                         .arg(path, file.errorString());
        return std::nullopt;
    }
    QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        if (error)
            *error = TlsTrust::tr("The file %1 holds no PEM certificate.").arg(path);
        return std::nullopt;
    }
    return certificates;
}

std::optional<TlsTrust> TlsTrust::forAccount(const Account &account, QString *error)
{
    TlsTrust trust;
    if (!account.caFile.isEmpty()) {
        auto authorities = loadAuthorities(account.caFile, error);
        if (!authorities)
            return std::nullopt;
        trust.extraAuthorities = *authorities;
    }
    trust.pinnedCertificates = account.pinnedCertificates;
    return trust;
}

QString TlsTrust::pinFor(const QString &host, quint16 port, const QSslCertificate &certificate)
{
    const QByteArray digest = QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
    return u"%1:%2 sha256/%3"_s.arg(host.toLower()).arg(port).arg(QString::fromLatin1(digest.toHex()));
}

bool TlsTrust::isPinned(const QString &host, quint16 port, const QSslCertificate &certificate) const
{
    return !certificate.isNull() && pinnedCertificates.contains(pinFor(host, port, certificate));
}

QSslConfiguration TlsTrust::sslConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // Setting any CA list turns off Qt's on-demand loading of the system roots, so the list is
    // set only when there are extra authorities (acceptsDespite() then brings the system ones).
    if (!extraAuthorities.isEmpty() || !useSystemAuthorities)
        configuration.setCaCertificates(extraAuthorities);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

bool TlsTrust::acceptsDespite(const QString &host, quint16 port, const QList<QSslCertificate> &chain,
                              const QList<QSslError> &errors) const
{
    if (errors.isEmpty() || chain.isEmpty())
        return false;
    if (isPinned(host, port, chain.first()))
        return true;
    if (extraAuthorities.isEmpty() || !useSystemAuthorities)
        return false;
    // Only a chain the extra authorities could not place: anything else (expired, wrong name,
    // revoked…) stays refused whatever store is used.
    for (const QSslError &error : errors) {
        switch (error.error()) {
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
            break;
        default:
            return false;
        }
    }
    // Verifies against the system store (read once per process, here only) and the host name.
    return QSslCertificate::verify(chain, host).isEmpty();
}

} // namespace Amiens
