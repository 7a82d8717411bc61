#include "ScramAuthenticator.h"

#include <QList>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <openssl/evp.h>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// GS2 header "n,," (no channel binding, no authorisation identity), base64-encoded for c=.
constexpr char kGs2Header[] = "n,,";

std::optional<QByteArray> decodeBase64(const QByteArray &text)
{
    if (text.isEmpty())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

/// Compares without stopping at the first difference, so timing tells nothing about the value.
bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

void wipe(QByteArray &bytes)
{
    bytes.fill('\0');
    bytes.clear();
}

} // namespace

ScramAuthenticator::ScramAuthenticator(Hash hash, const QString &username, const QString &password,
                                       const QByteArray &clientNonce)
    : m_hash(hash)
    , m_username(escapeUsername(username))
    // Passwords are used as their UTF-8 bytes without SASLprep normalisation (RFC 4013): the same
    // bytes PLAIN sends, so a password that works with PLAIN works here for every ASCII password
    // and for non-ASCII ones typed in the composed form servers store.
    , m_password(password.toUtf8())
    , m_clientNonce(clientNonce)
{
    if (m_clientNonce.isEmpty()) {
        // 160 random bits as base64: printable and without ',' as RFC 5802 requires.
        quint32 words[5];
        QRandomGenerator::system()->fillRange(words);
        m_clientNonce = QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toBase64();
    }
}

ScramAuthenticator::~ScramAuthenticator()
{
    forgetSecrets();
}

void ScramAuthenticator::forgetSecrets()
{
    wipe(m_password);
}

QString ScramAuthenticator::mechanismName(Hash hash)
{
    return hash == Hash::Sha256 ? u"SCRAM-SHA-256"_s : u"SCRAM-SHA-1"_s;
}

std::optional<ScramAuthenticator::Hash> ScramAuthenticator::hashForMechanism(const QString &mechanism)
{
    const QString upper = mechanism.toUpper();
    if (upper == "SCRAM-SHA-256"_L1)
        return Hash::Sha256;
    if (upper == "SCRAM-SHA-1"_L1)
        return Hash::Sha1;
    return std::nullopt;
}

QByteArray ScramAuthenticator::escapeUsername(const QString &username)
{
    QByteArray escaped;
    for (const char c : username.toUtf8()) {
        if (c == '=')
            escaped += "=3D";
        else if (c == ',')
            escaped += "=2C";
        else
            escaped += c;
    }
    return escaped;
}

QCryptographicHash::Algorithm ScramAuthenticator::algorithm() const
{
    return m_hash == Hash::Sha256 ? QCryptographicHash::Sha256 : QCryptographicHash::Sha1;
}

QByteArray ScramAuthenticator::hmac(const QByteArray &key, const QByteArray &message) const
{
    return QMessageAuthenticationCode::hash(message, key, algorithm());
}

bool ScramAuthenticator::fail(Error error, const QString &technical)
{
    m_step = Step::Failed;
    m_error = error;
    m_technical = mechanismName(m_hash) + u": "_s + technical;
    forgetSecrets();
    wipe(m_expectedServerSignature);
    return false;
}

QByteArray ScramAuthenticator::clientFirst()
{
    if (m_step != Step::Start) {
        fail(Error::OutOfOrder, u"client-first requested twice"_s);
        return {};
    }
    m_clientFirstBare = "n=" + m_username + ",r=" + m_clientNonce;
    m_step = Step::SentFirst;
    return kGs2Header + m_clientFirstBare;
}

std::optional<QByteArray> ScramAuthenticator::clientFinal(const QByteArray &serverFirst)
{
    if (m_step != Step::SentFirst) {
        fail(Error::OutOfOrder, u"server-first out of order"_s);
        return std::nullopt;
    }
    const auto refuse = [this](Error error, const QString &technical) -> std::optional<QByteArray> {
        fail(error, technical);
        return std::nullopt;
    };
    const QList<QByteArray> attributes = serverFirst.split(',');
    if (serverFirst.startsWith("m="))
        return refuse(Error::MalformedServerFirst, u"unsupported mandatory extension"_s);
    if (attributes.size() < 3 || !attributes[0].startsWith("r=") || !attributes[1].startsWith("s=") ||
        !attributes[2].startsWith("i="))
        return refuse(Error::MalformedServerFirst, u"server-first is not r=…,s=…,i=…"_s);

    const QByteArray nonce = attributes[0].mid(2);
    // The server adds its part to ours; anything else may be a replay of another exchange.
    if (!nonce.startsWith(m_clientNonce) || nonce.size() <= m_clientNonce.size())
        return refuse(Error::NonceMismatch, u"the server nonce does not extend the client nonce"_s);

    const auto salt = decodeBase64(attributes[1].mid(2));
    if (!salt)
        return refuse(Error::MalformedServerFirst, u"salt is not base64"_s);

    const QByteArray countText = attributes[2].mid(2);
    bool digitsOnly = !countText.isEmpty() && countText.size() <= 10;
    for (const char c : countText)
        digitsOnly = digitsOnly && c >= '0' && c <= '9';
    const qint64 iterations = digitsOnly ? countText.toLongLong() : -1;
    if (iterations <= 0)
        return refuse(Error::MalformedServerFirst, u"iteration count is not a positive number"_s);
    if (iterations < kMinimumIterations)
        return refuse(Error::WeakIterationCount,
                      u"iteration count %1 is below %2"_s.arg(iterations).arg(kMinimumIterations));
    if (iterations > kMaximumIterations)
        return refuse(Error::ExcessiveIterationCount,
                      u"iteration count %1 is above %2"_s.arg(iterations).arg(kMaximumIterations));

    const QByteArray withoutProof = "c=" + QByteArray(kGs2Header).toBase64() + ",r=" + nonce;
    const QByteArray authMessage = m_clientFirstBare + ',' + serverFirst + ',' + withoutProof;

    // OpenSSL's PBKDF2: GNU SASL's took ~4 ms of every IMAP login for Dovecot's 4,096 rounds,
    // Qt's more; OpenSSL's is under half of that.
    QByteArray saltedPassword(QCryptographicHash::hashLength(algorithm()), Qt::Uninitialized);
    const bool derived = PKCS5_PBKDF2_HMAC(m_password.constData(), static_cast<int>(m_password.size()),
                                           reinterpret_cast<const unsigned char *>(salt->constData()),
                                           static_cast<int>(salt->size()), static_cast<int>(iterations),
                                           m_hash == Hash::Sha256 ? EVP_sha256() : EVP_sha1(),
                                           static_cast<int>(saltedPassword.size()),
                                           reinterpret_cast<unsigned char *>(saltedPassword.data())) == 1;
    forgetSecrets();
    if (!derived) {
        wipe(saltedPassword);
        return refuse(Error::MalformedServerFirst, u"the salted password could not be derived"_s);
    }
    QByteArray clientKey = hmac(saltedPassword, "Client Key");
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, algorithm());
    const QByteArray clientSignature = hmac(storedKey, authMessage);
    QByteArray proof = clientKey;
    for (qsizetype i = 0; i < proof.size(); ++i)
        proof[i] = static_cast<char>(proof[i] ^ clientSignature[i]);
    m_expectedServerSignature = hmac(hmac(saltedPassword, "Server Key"), authMessage);
    wipe(saltedPassword);
    wipe(clientKey);

    const QByteArray message = withoutProof + ",p=" + proof.toBase64();
    wipe(proof);
    m_step = Step::SentFinal;
    return message;
}

bool ScramAuthenticator::verifyServerFinal(const QByteArray &serverFinal)
{
    if (m_step != Step::SentFinal)
        return fail(Error::OutOfOrder, u"server-final out of order"_s);
    const qsizetype comma = serverFinal.indexOf(',');
    const QByteArray first = comma < 0 ? serverFinal : serverFinal.left(comma);
    if (first.startsWith("e="))
        return fail(Error::ServerError, u"server error: "_s + QString::fromUtf8(first.mid(2).left(80)));
    if (!first.startsWith("v="))
        return fail(Error::MalformedServerFinal, u"server-final has no verifier"_s);
    const auto signature = decodeBase64(first.mid(2));
    if (!signature)
        return fail(Error::MalformedServerFinal, u"server signature is not base64"_s);
    if (!equalConstantTime(*signature, m_expectedServerSignature))
        return fail(Error::ServerSignatureMismatch, u"the server signature does not match"_s);
    wipe(m_expectedServerSignature);
    m_step = Step::Verified;
    return true;
}

} // namespace Amiens
