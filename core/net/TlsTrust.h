#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
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
    /// Without extra authorities the system store is left to OpenSSL, which reads only the root
    /// it needs from /etc/ssl/certs; with them, only they are loaded and the system store is
    /// consulted in acceptsDespite() when they do not verify the chain (reading all ~140 system
    /// certificates costs ~0.2 s, which was most of a one-shot no-change resync).
    [[nodiscard]] QSslConfiguration sslConfiguration() const;

    /// Whether a handshake that failed with @p errors may go on: the exact certificate is pinned
    /// for @p host and @p port, or (when extra authorities replaced the system store in
    /// sslConfiguration()) the system authorities verify @p chain for @p host.
    [[nodiscard]] bool acceptsDespite(const QString &host, quint16 port, const QList<QSslCertificate> &chain,
                                      const QList<QSslError> &errors) const;
};

} // namespace Amiens
