#pragma once

#include "sasl/ScramAuthenticator.h"

#include <memory>
#include <vmime/security/sasl/SASLAuthenticator.hpp>
#include <vmime/security/sasl/SASLContext.hpp>
#include <vmime/security/sasl/SASLMechanism.hpp>

namespace Amiens {

/// SCRAM-SHA-1 and SCRAM-SHA-256 for VMime's IMAP and SMTP logins, by ScramAuthenticator (the one
/// ManageSieve uses) in place of GNU SASL's:
/// - the salted password is derived by OpenSSL (GNU SASL's PBKDF2 was ~4 ms of every login);
/// - a server that fails to prove it knows the password (a wrong or malformed server-final) ends
///   the login with an authentication error. VMime catches GNU SASL's errors and goes on to the
///   next mechanism, PLAIN, which would hand the password to that very server;
/// - a login the server accepted before its proof is refused by requireServerProof(): VMime
///   takes any tagged OK as success.
/// The first message goes in the AUTHENTICATE command where InitialResponseSaslMechanism's
/// permit allows it, as for PLAIN.
class ScramSaslMechanism : public vmime::security::sasl::SASLMechanism
{
public:
    ScramSaslMechanism(vmime::shared_ptr<vmime::security::sasl::SASLContext> context,
                       const vmime::string &name);

    const vmime::string getName() const override;
    bool step(vmime::shared_ptr<vmime::security::sasl::SASLSession> session, const vmime::byte_t *challenge,
              size_t challengeLength, vmime::byte_t **response, size_t *responseLength) override;
    bool isComplete() const override;
    bool hasInitialResponse() const override;
    /// No security layer (RFC 5802): bytes pass unchanged.
    void encode(vmime::shared_ptr<vmime::security::sasl::SASLSession> session, const vmime::byte_t *input,
                size_t inputLength, vmime::byte_t **output, size_t *outputLength) override;
    void decode(vmime::shared_ptr<vmime::security::sasl::SASLSession> session, const vmime::byte_t *input,
                size_t inputLength, vmime::byte_t **output, size_t *outputLength) override;

    /// Registers both mechanisms with VMime's factory; once per process (VmimePlatform).
    static void registerMechanisms();

    /// After a login: throws VMime's authentication_error when it ended with a SCRAM exchange
    /// whose server proof was not verified (@p authenticator: the one given to the service).
    static void requireServerProof(const vmime::security::sasl::SASLAuthenticator &authenticator);

private:
    enum class Stage
    {
        Start,
        SentFirst,
        SentFinal,
        Verified
    };

    vmime::string m_name;
    Stage m_stage = Stage::Start;
    std::unique_ptr<ScramAuthenticator> m_scram;
};

} // namespace Amiens
