#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>
#include <optional>

namespace Amiens {

/// The client side of SASL SCRAM (RFC 5802 SCRAM-SHA-1, RFC 7677 SCRAM-SHA-256), without channel
/// binding ("n,,"): the connection is already verified TLS. It knows nothing of the protocol that
/// carries it; the caller moves the three messages and checks the outcome:
///
///     clientFirst() → server-first → clientFinal(serverFirst) → server-final → verifyServerFinal()
///
/// Authentication has succeeded only when verifyServerFinal() returns true: the server then proved
/// that it knows the password too. Anything else is a failure, whatever the protocol said.
///
/// The password is kept only until the proof is computed; neither it, the salted password nor the
/// proof appear in error() or technical().
class ScramAuthenticator
{
public:
    enum class Hash
    {
        Sha1,
        Sha256
    };

    enum class Error
    {
        None,
        OutOfOrder,              ///< a step called twice or before the previous one
        MalformedServerFirst,    ///< missing r=, s= or i=, bad base64, unknown mandatory extension
        NonceMismatch,           ///< the server nonce does not extend ours
        WeakIterationCount,      ///< fewer than kMinimumIterations
        ExcessiveIterationCount, ///< more than kMaximumIterations (a hostile server pinning the CPU)
        ServerError,             ///< server-final "e=…"
        MalformedServerFinal,
        ServerSignatureMismatch ///< the server does not know the password: an impostor
    };

    /// RFC 7677 §4: 4096 is the minimum a client should accept.
    static constexpr int kMinimumIterations = 4096;
    /// No real server needs more; beyond this the hashing would block the worker for seconds.
    static constexpr int kMaximumIterations = 1000000;

    /// @p clientNonce: for tests only (the RFC test vectors); empty draws a fresh random nonce.
    ScramAuthenticator(Hash hash, const QString &username, const QString &password,
                       const QByteArray &clientNonce = {});
    ~ScramAuthenticator();
    ScramAuthenticator(const ScramAuthenticator &) = delete;
    ScramAuthenticator &operator=(const ScramAuthenticator &) = delete;

    /// "SCRAM-SHA-1" or "SCRAM-SHA-256".
    [[nodiscard]] static QString mechanismName(Hash hash);
    /// The hash of a SASL mechanism name, or nothing for another mechanism (and the -PLUS ones).
    [[nodiscard]] static std::optional<Hash> hashForMechanism(const QString &mechanism);
    /// RFC 5802 §5.1 "saslname": ',' and '=' are escaped as =2C and =3D.
    [[nodiscard]] static QByteArray escapeUsername(const QString &username);

    /// The client-first message "n,,n=user,r=nonce".
    [[nodiscard]] QByteArray clientFirst();
    /// The client-final message "c=biws,r=…,p=proof", or nothing (error() says why) when the
    /// server-first message is not acceptable.
    [[nodiscard]] std::optional<QByteArray> clientFinal(const QByteArray &serverFirst);
    /// Whether @p serverFinal carries the server signature we expect ("v=…").
    [[nodiscard]] bool verifyServerFinal(const QByteArray &serverFinal);

    [[nodiscard]] bool isComplete() const { return m_step == Step::Verified; }
    [[nodiscard]] Hash hash() const { return m_hash; }
    [[nodiscard]] Error error() const { return m_error; }
    /// English detail for the logs (never a secret).
    [[nodiscard]] QString technical() const { return m_technical; }

private:
    enum class Step
    {
        Start,
        SentFirst,
        SentFinal,
        Verified,
        Failed
    };
    bool fail(Error error, const QString &technical);
    [[nodiscard]] QCryptographicHash::Algorithm algorithm() const;
    [[nodiscard]] QByteArray hmac(const QByteArray &key, const QByteArray &message) const;
    void forgetSecrets();

    Hash m_hash;
    QByteArray m_username; ///< escaped
    QByteArray m_password; ///< UTF-8; cleared once the proof is computed
    QByteArray m_clientNonce;
    QByteArray m_clientFirstBare;
    QByteArray m_expectedServerSignature;
    Step m_step = Step::Start;
    Error m_error = Error::None;
    QString m_technical;
};

} // namespace Amiens
