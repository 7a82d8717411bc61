#include "TlsTrust.h"

#include "account/Account.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>

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
    // Reading /etc/ssl/certs costs ~0.25 s (300 certificates parsed); it was most of a no-change
    // resync when done for every connection. The system store does not change while we run.
    static const QList<QSslCertificate> systemAuthorities = QSslConfiguration::systemCaCertificates();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> authorities;
    if (useSystemAuthorities)
        authorities = systemAuthorities;
    authorities.append(extraAuthorities);
    configuration.setCaCertificates(authorities);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

} // namespace Amiens
