#pragma once

#include <functional>
#include <vmime/security/sasl/builtinSASLMechanism.hpp>

namespace Amiens {

/// GSASL's PLAIN with its first message sent in the AUTHENTICATE command (SASL-IR, RFC 4959): one
/// round trip less per login (SCRAM does the same in ScramSaslMechanism). VMime
/// 0.9.2's builtinSASLMechanism never offers an initial response (« It seems GNU SASL does not
/// support initial response »), although GSASL's client step gives one from an empty challenge.
/// The mechanism is the same, so is its security: only the first message goes earlier.
///
/// VMime's IMAP code sends the initial response without checking SASL-IR, so it is only offered
/// inside a Permit whose check says the server announced it; elsewhere (SMTP, a server without
/// SASL-IR) the mechanism behaves as VMime's own.
class InitialResponseSaslMechanism : public vmime::security::sasl::builtinSASLMechanism
{
public:
    InitialResponseSaslMechanism(vmime::shared_ptr<vmime::security::sasl::SASLContext> context,
                                 const vmime::string &name);

    bool hasInitialResponse() const override;

    /// PLAIN and SCRAM negotiate no security layer (RFC 4616, RFC 5802): after the login every
    /// byte passes unchanged. VMime still wraps the connection in its SASLSocket, and Debian's
    /// builtinSASLMechanism, built without optimisation, copied each received byte one at a time
    /// after a round through GSASL (14 % of the client's CPU in a first sync of real mail); here
    /// one memcpy into the buffer SASLSocket frees with delete[].
    void encode(vmime::shared_ptr<vmime::security::sasl::SASLSession> session, const vmime::byte_t *input,
                size_t inputLength, vmime::byte_t **output, size_t *outputLength) override;
    void decode(vmime::shared_ptr<vmime::security::sasl::SASLSession> session, const vmime::byte_t *input,
                size_t inputLength, vmime::byte_t **output, size_t *outputLength) override;

    /// What encode() and decode() do (ScramSaslMechanism's too): @p input copied into a new
    /// buffer, which VMime frees with delete[].
    static void passUnchanged(const vmime::byte_t *input, size_t inputLength, vmime::byte_t **output,
                              size_t *outputLength);

    /// Registers PLAIN with VMime's factory; once per process (VmimePlatform). SCRAM is
    /// ScramSaslMechanism's.
    static void registerMechanisms();
    /// Whether a login on this thread may send its first message with AUTHENTICATE (Permit).
    [[nodiscard]] static bool initialResponseAllowed();

    /// While it lives, logins on this thread send an initial response when @p allowed says so
    /// (asked at the moment VMime chooses, after the greeting's capabilities were read).
    class Permit
    {
    public:
        explicit Permit(std::function<bool()> allowed);
        ~Permit();
        Permit(const Permit &) = delete;
        Permit &operator=(const Permit &) = delete;

    private:
        std::function<bool()> m_allowed;
        const std::function<bool()> *m_previous;
    };
};

} // namespace Amiens
