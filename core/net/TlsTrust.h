#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStringList>
#include <optional>

namespace Amiens {

struct Account;

/// Which certificates a connection accepts: the system authorities, optional extra authorities
/// (a private or site CA), and exact certificates the user explicitly accepted for one host and
/// port. There is no "accept anything" switch.
struct TlsTrust
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::TlsTrust)

public:
    bool useSystemAuthorities = true;
    QList<QSslCertificate> extraAuthorities;
    QStringList pinnedCertificates; ///< "host:port sha256/HEX", see pinFor()

    /// The account's trust: system CAs plus its CA file and pins.
    [[nodiscard]] static std::optional<TlsTrust> forAccount(const Account &account, QString *error);

    /// Loads every certificate of a PEM bundle; fails when the file holds none.
    [[nodiscard]] static std::optional<QList<QSslCertificate>> loadAuthorities(const QString &path,
                                                                               QString *error);

    /// The entry that pins @p certificate for @p host and @p port.
    [[nodiscard]] static QString pinFor(const QString &host, quint16 port,
                                        const QSslCertificate &certificate);
    [[nodiscard]] bool isPinned(const QString &host, quint16 port, const QSslCertificate &certificate) const;

    /// A client configuration that verifies the peer against these authorities, TLS 1.2 or later.
    [[nodiscard]] QSslConfiguration sslConfiguration() const;
};

} // namespace Amiens
