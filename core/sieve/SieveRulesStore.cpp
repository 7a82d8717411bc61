#include "SieveRulesStore.h"

#include "SieveScriptBuilder.h"
#include "SieveScriptEditor.h"

using namespace Qt::StringLiterals;

namespace Amiens {

SieveRulesStore::SieveRulesStore(ManageSieveClient &client)
    : m_client(client)
{
}

bool SieveRulesStore::fail(ServiceError::Kind kind, const QString &message, const QString &technical)
{
    m_error = ServiceError();
    m_error.kind = kind;
    m_error.message = message;
    m_error.technical = technical;
    return false;
}

std::optional<SieveRulesStore::State> SieveRulesStore::load(const QTimeZone &userZone)
{
    const auto scripts = m_client.listScripts();
    if (!scripts) {
        m_error = m_client.lastError();
        return std::nullopt;
    }
    State state;
    state.scriptName = kScriptName;
    bool exists = false;
    for (const ManageSieveClient::ScriptInfo &script : *scripts) {
        if (script.active) {
            state.scriptName = script.name;
            state.scriptActive = true;
            exists = true;
            break;
        }
        if (script.name == kScriptName)
            exists = true;
    }
    if (exists) {
        const auto text = m_client.getScript(state.scriptName);
        if (!text) {
            m_error = m_client.lastError();
            return std::nullopt;
        }
        state.script = *text;
    }
    state.rules = SieveScriptReader::read(state.script, userZone);
    return state;
}

bool SieveRulesStore::save(const VacationSettings &vacation, const ForwardSettings &forward)
{
    const ManageSieveCapabilities &capabilities = m_client.capabilities();
    for (const QString &extension : SieveScriptBuilder::requiredExtensions(vacation, forward)) {
        if (!capabilities.hasExtension(extension))
            return fail(ServiceError::Kind::Configuration,
                        extension == u"vacation"_s
                            ? tr("The mail server does not support automatic replies (Sieve vacation).")
                            : tr("The mail server does not support the Sieve extension \"%1\" that these "
                                 "settings need.")
                                  .arg(extension),
                        u"missing Sieve extension "_s + extension);
    }
    const auto state = load(vacation.timeZone);
    if (!state)
        return false;
    if (state->rules.blockDamaged)
        return fail(
            ServiceError::Kind::Configuration,
            tr("The out-of-office rules on the server were edited by hand and cannot be updated safely."),
            u"damaged AmiensMail block in "_s + state->scriptName);
    if (state->rules.hasForeignVacation && vacation.enabled)
        return fail(ServiceError::Kind::Configuration,
                    tr("Another out-of-office message is already set up on the server (for example from the "
                       "webmail). Turn it off there first."),
                    u"foreign vacation rule in "_s + state->scriptName);
    QString error;
    const auto edited = SieveScriptEditor::apply(state->script, vacation, forward, &error);
    if (!edited)
        return fail(ServiceError::Kind::Configuration,
                    tr("The filter rules on the server cannot be read, so they were left unchanged."), error);
    if (*edited == state->script && state->scriptActive)
        return true;
    if (capabilities.hasCheckScript() && !m_client.checkScript(*edited)) {
        m_error = m_client.lastError();
        return false;
    }
    if (!m_client.putScript(state->scriptName, *edited)) {
        m_error = m_client.lastError();
        return false;
    }
    if (!state->scriptActive && !m_client.setActive(state->scriptName)) {
        m_error = m_client.lastError();
        return false;
    }
    return true;
}

} // namespace Amiens
