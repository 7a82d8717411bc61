#include "Account.h"

#include <QSettings>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

void saveEndpoint(QSettings &settings, const QString &group, const ServerEndpoint &endpoint)
{
    settings.beginGroup(group);
    settings.setValue(u"host"_s, endpoint.host);
    settings.setValue(u"port"_s, endpoint.port);
    settings.setValue(u"security"_s, ServerEndpoint::securityName(endpoint.security));
    settings.setValue(u"login"_s, endpoint.login);
    settings.endGroup();
}

ServerEndpoint loadEndpoint(QSettings &settings, const QString &group)
{
    settings.beginGroup(group);
    ServerEndpoint endpoint;
    endpoint.host = settings.value(u"host"_s).toString();
    endpoint.port = static_cast<quint16>(settings.value(u"port"_s).toUInt());
    // An unreadable security value must never fall back to something weaker: implicit TLS is
    // the strictest mode we have.
    endpoint.security = ServerEndpoint::parseSecurity(settings.value(u"security"_s).toString())
                            .value_or(ConnectionSecurity::ImplicitTls);
    endpoint.login = settings.value(u"login"_s).toString();
    settings.endGroup();
    return endpoint;
}

} // namespace

QString Account::credentialModeName(CredentialMode mode)
{
    switch (mode) {
    case CredentialMode::Keychain:
        return u"keychain"_s;
    case CredentialMode::AskAtStart:
        return u"ask"_s;
    case CredentialMode::Passcode:
        return u"passcode"_s;
    }
    return {};
}

CredentialMode Account::parseCredentialMode(const QString &name)
{
    if (name == "ask"_L1)
        return CredentialMode::AskAtStart;
    if (name == "passcode"_L1)
        return CredentialMode::Passcode;
    return CredentialMode::Keychain;
}

QStringList Account::addresses() const
{
    return QStringList{address} + aliases;
}

bool Account::owns(const QString &candidate) const
{
    const QString wanted = candidate.trimmed();
    if (wanted.isEmpty())
        return false;
    const QStringList all = addresses();
    return std::any_of(all.begin(), all.end(), [&wanted](const QString &mine) {
        return mine.compare(wanted, Qt::CaseInsensitive) == 0;
    });
}

void Account::save(QSettings &settings) const
{
    settings.setValue(u"id"_s, id);
    settings.setValue(u"realName"_s, realName);
    settings.setValue(u"address"_s, address);
    settings.setValue(u"preset"_s, presetId);
    settings.setValue(u"label"_s, label);
    settings.setValue(u"aliases"_s, aliases);
    settings.setValue(u"kind"_s, kind == MailboxKind::Functional ? u"functional"_s : u"personal"_s);
    settings.setValue(u"caFile"_s, caFile);
    settings.setValue(u"pinnedCertificates"_s, pinnedCertificates);
    settings.setValue(u"credentials"_s, credentialModeName(credentialMode));
    settings.setValue(u"sharedWorkstation"_s, sharedWorkstation);
    if (passwordChangedAt.isValid())
        settings.setValue(u"passwordChangedAt"_s, passwordChangedAt.toUTC().toString(Qt::ISODate));
    saveEndpoint(settings, u"imap"_s, imap);
    saveEndpoint(settings, u"smtp"_s, smtp);
    // Only an explicit server is written, so that the default keeps following the IMAP host.
    if (sieve.isComplete())
        saveEndpoint(settings, u"sieve"_s, sieve);
}

Account Account::load(QSettings &settings)
{
    Account account;
    account.id = settings.value(u"id"_s).toString();
    account.realName = settings.value(u"realName"_s).toString();
    account.address = settings.value(u"address"_s).toString();
    account.presetId = settings.value(u"preset"_s).toString();
    account.label = settings.value(u"label"_s).toString();
    account.aliases = settings.value(u"aliases"_s).toStringList();
    account.kind = settings.value(u"kind"_s).toString() == "functional"_L1 ? MailboxKind::Functional
                                                                           : MailboxKind::Personal;
    account.caFile = settings.value(u"caFile"_s).toString();
    account.pinnedCertificates = settings.value(u"pinnedCertificates"_s).toStringList();
    account.credentialMode = parseCredentialMode(settings.value(u"credentials"_s).toString());
    account.sharedWorkstation = settings.value(u"sharedWorkstation"_s, false).toBool();
    account.passwordChangedAt =
        QDateTime::fromString(settings.value(u"passwordChangedAt"_s).toString(), Qt::ISODate);
    account.imap = loadEndpoint(settings, u"imap"_s);
    account.smtp = loadEndpoint(settings, u"smtp"_s);
    if (settings.childGroups().contains(u"sieve"_s))
        account.sieve = loadEndpoint(settings, u"sieve"_s);
    return account;
}

} // namespace Amiens
