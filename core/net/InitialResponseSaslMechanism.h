#pragma once

#include <functional>
#include <vmime/security/sasl/builtinSASLMechanism.hpp>

namespace Amiens {

/// GSASL's client-first mechanisms (PLAIN, SCRAM-SHA-1, SCRAM-SHA-256) with their first message
/// sent in the AUTHENTICATE command (SASL-IR, RFC 4959): one round trip less per login. VMime
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

    /// Registers the mechanisms with VMime's factory; once per process (VmimePlatform).
    static void registerMechanisms();

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
