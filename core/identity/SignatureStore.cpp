#include "SignatureStore.h"

#include "account/Account.h"
#include "account/Profile.h"
#include "mime/HtmlSanitizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

constexpr int kFormatVersion = 1;

QString formatName(Signature::Format format)
{
    return format == Signature::Format::Html ? u"html"_s : u"text"_s;
}

QString placementName(SignatureStore::Placement placement)
{
    return placement == SignatureStore::Placement::AboveQuote ? u"above"_s : u"below"_s;
}

QJsonObject toJson(const SignatureStore::IdentitySignatures &identity)
{
    QJsonArray signatures;
    for (const Signature &signature : identity.signatures) {
        signatures.append(QJsonObject{{u"id"_s, signature.id},
                                      {u"name"_s, signature.name},
                                      {u"format"_s, formatName(signature.format)},
                                      {u"text"_s, signature.text}});
    }
    return QJsonObject{{u"signatures"_s, signatures},
                       {u"defaultForNew"_s, identity.defaultForNew},
                       {u"defaultForReply"_s, identity.defaultForReply},
                       {u"placement"_s, placementName(identity.placement)},
                       {u"details"_s, QJsonObject{{u"function"_s, identity.details.function},
                                                  {u"establishment"_s, identity.details.establishment},
                                                  {u"postalAddress"_s, identity.details.postalAddress},
                                                  {u"phone"_s, identity.details.phone}}}};
}

SignatureStore::IdentitySignatures fromJson(const QJsonObject &object)
{
    SignatureStore::IdentitySignatures identity;
    const QJsonArray signatures = object.value(u"signatures"_s).toArray();
    for (const QJsonValue &value : signatures) {
        const QJsonObject entry = value.toObject();
        Signature signature;
        signature.id = entry.value(u"id"_s).toString();
        signature.name = entry.value(u"name"_s).toString();
        signature.format = entry.value(u"format"_s).toString() == "html"_L1 ? Signature::Format::Html
                                                                            : Signature::Format::PlainText;
        signature.text = entry.value(u"text"_s).toString();
        if (!signature.id.isEmpty())
            identity.signatures.append(signature);
    }
    identity.defaultForNew = object.value(u"defaultForNew"_s).toString();
    identity.defaultForReply = object.value(u"defaultForReply"_s).toString();
    identity.placement = object.value(u"placement"_s).toString() == "above"_L1
                             ? SignatureStore::Placement::AboveQuote
                             : SignatureStore::Placement::BelowQuote;
    const QJsonObject details = object.value(u"details"_s).toObject();
    identity.details.function = details.value(u"function"_s).toString();
    identity.details.establishment = details.value(u"establishment"_s).toString();
    identity.details.postalAddress = details.value(u"postalAddress"_s).toString();
    identity.details.phone = details.value(u"phone"_s).toString();
    return identity;
}

QString htmlToText(QString html)
{
    static const QRegularExpression lineBreaks(u"<\\s*(br|/p|/div|/li|/tr)\\b[^>]*>"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(u"<[^>]*>"_s);
    html.replace(u'\n', u' ');
    html.replace(lineBreaks, u"\n"_s);
    html.remove(tags);
    html.replace(u"&nbsp;"_s, u" "_s)
        .replace(u"&lt;"_s, u"<"_s)
        .replace(u"&gt;"_s, u">"_s)
        .replace(u"&quot;"_s, u"\""_s)
        .replace(u"&#39;"_s, u"'"_s)
        .replace(u"&amp;"_s, u"&"_s);
    QStringList lines = html.split(u'\n');
    for (QString &line : lines)
        line = line.trimmed();
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(u'\n');
}

} // namespace

SignatureStore::SignatureStore(const Profile &profile)
    : m_path(profile.directory() + u"/signatures.json"_s)
{
}

bool SignatureStore::load(QString *error)
{
    m_identities.clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read the signatures file %1.").arg(m_path);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        if (error)
            *error = tr("The signatures file %1 is damaged: %2").arg(m_path, parseError.errorString());
        return false;
    }
    const QJsonObject identities = document.object().value(u"identities"_s).toObject();
    for (auto it = identities.begin(); it != identities.end(); ++it)
        m_identities.insert(it.key().toLower(), fromJson(it.value().toObject()));
    return true;
}

bool SignatureStore::save(QString *error) const
{
    QJsonObject identities;
    for (auto it = m_identities.begin(); it != m_identities.end(); ++it)
        identities.insert(it.key(), toJson(it.value()));
    const QJsonObject root{{u"version"_s, kFormatVersion}, {u"identities"_s, identities}};
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write the signatures file %1.").arg(m_path);
        return false;
    }
    // Phone numbers and postal addresses are personal data, like the rest of the profile.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write the signatures file %1.").arg(m_path);
        return false;
    }
    return true;
}

SignatureStore::IdentitySignatures SignatureStore::forIdentity(const QString &address) const
{
    return m_identities.value(address.trimmed().toLower());
}

void SignatureStore::setForIdentity(const QString &address, const IdentitySignatures &signatures)
{
    m_identities.insert(address.trimmed().toLower(), signatures);
}

std::optional<Signature> SignatureStore::defaultSignature(const QString &address, bool reply) const
{
    const IdentitySignatures identity = forIdentity(address);
    const QString id = reply ? identity.defaultForReply : identity.defaultForNew;
    for (const Signature &signature : identity.signatures) {
        if (!id.isEmpty() && signature.id == id)
            return signature;
    }
    return std::nullopt;
}

Signature SignatureStore::academyTemplate(const Account &account, const Details &details,
                                          Signature::Format format)
{
    QStringList lines{account.realName.trimmed(), details.function.trimmed(),
                      details.establishment.trimmed()};
    if (account.address.endsWith(u"@ac-amiens.fr"_s, Qt::CaseInsensitive))
        lines.append(tr("Académie d'Amiens"));
    lines.append(details.postalAddress.simplified());
    if (!details.phone.trimmed().isEmpty())
        lines.append(tr("Phone: %1").arg(details.phone.trimmed()));
    lines.append(account.address.trimmed());
    lines.removeAll(QString());

    Signature signature;
    signature.id = newId();
    signature.name = tr("Academic signature");
    signature.format = format;
    if (format == Signature::Format::PlainText) {
        signature.text = lines.join(u'\n');
    } else {
        // The name in bold, as in the academy's guide; everything else plain.
        QStringList escaped;
        for (const QString &line : std::as_const(lines))
            escaped.append(line.toHtmlEscaped());
        if (!escaped.isEmpty() && !account.realName.trimmed().isEmpty())
            escaped.first() = u"<b>"_s + escaped.first() + u"</b>"_s;
        signature.text = u"<p>"_s + escaped.join(u"<br>"_s) + u"</p>"_s;
    }
    return signature;
}

QString SignatureStore::plainTextBlock(const Signature &signature)
{
    // Sanitised first, so that a script's or style's content never shows up as text.
    const QString text = signature.format == Signature::Format::Html
                             ? htmlToText(HtmlSanitizer::sanitize(signature.text).html)
                             : signature.text;
    // "-- " with its trailing space: mail readers hide or strip what follows it in replies.
    return u"-- \n"_s + text;
}

QString SignatureStore::htmlBlock(const Signature &signature)
{
    if (signature.format == Signature::Format::Html)
        return HtmlSanitizer::sanitize(signature.text).html;
    return u"<pre>-- \n"_s + signature.text.toHtmlEscaped() + u"</pre>"_s;
}

QStringList SignatureStore::validate(const IdentitySignatures &signatures)
{
    QStringList problems;
    QSet<QString> names;
    QSet<QString> ids;
    for (const Signature &signature : signatures.signatures) {
        const QString name = signature.name.trimmed();
        if (name.isEmpty())
            problems.append(tr("Every signature needs a name."));
        else if (names.contains(name.toLower()))
            problems.append(tr("Two signatures are named \"%1\".").arg(name));
        names.insert(name.toLower());
        ids.insert(signature.id);
        if (signature.text.trimmed().isEmpty())
            problems.append(tr("The signature \"%1\" is empty.").arg(name));
    }
    if (!signatures.defaultForNew.isEmpty() && !ids.contains(signatures.defaultForNew))
        problems.append(tr("The signature chosen for new messages no longer exists."));
    if (!signatures.defaultForReply.isEmpty() && !ids.contains(signatures.defaultForReply))
        problems.append(tr("The signature chosen for replies no longer exists."));
    return problems;
}

QString SignatureStore::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace Amiens
