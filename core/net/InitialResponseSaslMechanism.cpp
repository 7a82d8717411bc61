#include "InitialResponseSaslMechanism.h"

#include <cstring>
#include <vmime/security/sasl/SASLMechanismFactory.hpp>

namespace Amiens {

namespace {
/// The permit of the login running on this thread (VMime logs in on the caller's thread).
thread_local const std::function<bool()> *t_allowed = nullptr;
} // namespace

void InitialResponseSaslMechanism::passUnchanged(const vmime::byte_t *input, size_t inputLength,
                                                 vmime::byte_t **output, size_t *outputLength)
{
    *output = new vmime::byte_t[inputLength];
    if (inputLength > 0)
        std::memcpy(*output, input, inputLength);
    *outputLength = inputLength;
}

InitialResponseSaslMechanism::InitialResponseSaslMechanism(
    vmime::shared_ptr<vmime::security::sasl::SASLContext> context, const vmime::string &name)
    : builtinSASLMechanism(std::move(context), name)
{
}

bool InitialResponseSaslMechanism::hasInitialResponse() const
{
    return initialResponseAllowed();
}

bool InitialResponseSaslMechanism::initialResponseAllowed()
{
    return t_allowed && (*t_allowed)();
}

void InitialResponseSaslMechanism::encode(vmime::shared_ptr<vmime::security::sasl::SASLSession>,
                                          const vmime::byte_t *input, size_t inputLength,
                                          vmime::byte_t **output, size_t *outputLength)
{
    passUnchanged(input, inputLength, output, outputLength);
}

void InitialResponseSaslMechanism::decode(vmime::shared_ptr<vmime::security::sasl::SASLSession>,
                                          const vmime::byte_t *input, size_t inputLength,
                                          vmime::byte_t **output, size_t *outputLength)
{
    passUnchanged(input, inputLength, output, outputLength);
}

void InitialResponseSaslMechanism::registerMechanisms()
{
    auto *factory = vmime::security::sasl::SASLMechanismFactory::getInstance();
    // A client-first mechanism: its first message needs no challenge.
    if (factory->isMechanismSupported("PLAIN"))
        factory->registerMechanism<InitialResponseSaslMechanism>("PLAIN");
}

InitialResponseSaslMechanism::Permit::Permit(std::function<bool()> allowed)
    : m_allowed(std::move(allowed))
    , m_previous(t_allowed)
{
    t_allowed = &m_allowed;
}

InitialResponseSaslMechanism::Permit::~Permit()
{
    t_allowed = m_previous;
}

} // namespace Amiens
