#include "ScramSaslMechanism.h"

#include "InitialResponseSaslMechanism.h"
#include "util/Logging.h"

#include <vmime/exception.hpp>
#include <vmime/security/sasl/SASLMechanismFactory.hpp>
#include <vmime/security/sasl/SASLSession.hpp>
#include <vmime/security/sasl/defaultSASLAuthenticator.hpp>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// A message of the exchange, in a buffer VMime frees with delete[].
void copyOut(const QByteArray &bytes, vmime::byte_t **output, size_t *outputLength)
{
    InitialResponseSaslMechanism::passUnchanged(reinterpret_cast<const vmime::byte_t *>(bytes.constData()),
                                                static_cast<size_t>(bytes.size()), output, outputLength);
}

} // namespace

ScramSaslMechanism::ScramSaslMechanism(vmime::shared_ptr<vmime::security::sasl::SASLContext>,
                                       const vmime::string &name)
    : m_name(name)
{
}

const vmime::string ScramSaslMechanism::getName() const
{
    return m_name;
}

bool ScramSaslMechanism::step(vmime::shared_ptr<vmime::security::sasl::SASLSession> session,
                              const vmime::byte_t *challenge, size_t challengeLength,
                              vmime::byte_t **response, size_t *responseLength)
{
    const QByteArray received(reinterpret_cast<const char *>(challenge),
                              static_cast<qsizetype>(challengeLength));
    switch (m_stage) {
    case Stage::Start: {
        // An initial response, or the answer to the server's empty "+ " (without SASL-IR).
        const auto hash = ScramAuthenticator::hashForMechanism(QString::fromStdString(m_name));
        const auto authenticator = session->getAuthenticator();
        if (!hash || !authenticator)
            throw vmime::exceptions::authentication_error("SCRAM: no credentials");
        m_scram =
            std::make_unique<ScramAuthenticator>(*hash, QString::fromStdString(authenticator->getUsername()),
                                                 QString::fromStdString(authenticator->getPassword()));
        copyOut(m_scram->clientFirst(), response, responseLength);
        m_stage = Stage::SentFirst;
        return false;
    }
    case Stage::SentFirst:
        if (const auto final = m_scram->clientFinal(received)) {
            copyOut(*final, response, responseLength);
            m_stage = Stage::SentFinal;
            return false;
        }
        break;
    case Stage::SentFinal:
        if (m_scram->verifyServerFinal(received)) {
            copyOut({}, response, responseLength);
            m_stage = Stage::Verified;
            return true;
        }
        break;
    case Stage::Verified:
        break;
    }
    const QString detail =
        m_scram && !m_scram->technical().isEmpty() ? m_scram->technical() : u"a step after the end"_s;
    qCWarning(lcNet).noquote() << "SCRAM login ended:" << detail;
    // Not a sasl_exception, which VMime answers by trying PLAIN with the same server.
    throw vmime::exceptions::authentication_error("SCRAM: " + detail.toStdString());
}

bool ScramSaslMechanism::isComplete() const
{
    return m_stage == Stage::Verified;
}

bool ScramSaslMechanism::hasInitialResponse() const
{
    return InitialResponseSaslMechanism::initialResponseAllowed();
}

void ScramSaslMechanism::encode(vmime::shared_ptr<vmime::security::sasl::SASLSession>,
                                const vmime::byte_t *input, size_t inputLength, vmime::byte_t **output,
                                size_t *outputLength)
{
    InitialResponseSaslMechanism::passUnchanged(input, inputLength, output, outputLength);
}

void ScramSaslMechanism::decode(vmime::shared_ptr<vmime::security::sasl::SASLSession>,
                                const vmime::byte_t *input, size_t inputLength, vmime::byte_t **output,
                                size_t *outputLength)
{
    InitialResponseSaslMechanism::passUnchanged(input, inputLength, output, outputLength);
}

void ScramSaslMechanism::registerMechanisms()
{
    auto *factory = vmime::security::sasl::SASLMechanismFactory::getInstance();
    for (const char *name : {"SCRAM-SHA-1", "SCRAM-SHA-256"})
        factory->registerMechanism<ScramSaslMechanism>(name);
}

void ScramSaslMechanism::requireServerProof(const vmime::security::sasl::SASLAuthenticator &authenticator)
{
    const auto *withMechanism =
        dynamic_cast<const vmime::security::sasl::defaultSASLAuthenticator *>(&authenticator);
    const auto scram =
        withMechanism ? vmime::dynamicCast<ScramSaslMechanism>(withMechanism->getSASLMechanism()) : nullptr;
    if (scram && !scram->isComplete()) {
        qCWarning(lcNet)
            << "SCRAM login refused: the server accepted it without proving it knows the password";
        throw vmime::exceptions::authentication_error(
            "SCRAM: the server accepted the login without its proof");
    }
}

} // namespace Amiens
