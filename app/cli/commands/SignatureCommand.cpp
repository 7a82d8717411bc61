#include "SignatureCommand.h"

#include "CliOptions.h"
#include "CommandContext.h"
#include "identity/SignatureStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

const QCommandLineOption kFile(u"file"_s, u"File holding the signature (UTF-8)."_s, u"FILE"_s);
const QCommandLineOption kHtml(u"html"_s, u"The signature is simple HTML."_s);
const QCommandLineOption kDefault(u"default"_s, u"Use the signature by default for new, reply or both."_s,
                                  u"WHICH"_s);

/// The selected account and the profile's signatures; false, the error printed, when either fails.
bool openSignatures(CommandContext &context, std::optional<Account> &account, SignatureStore &store)
{
    account = context.selectedAccount();
    if (!account)
        return false;
    QString error;
    if (!store.load(&error)) {
        CommandContext::err() << SignatureCommand::tr("Error: %1").arg(error) << '\n';
        return false;
    }
    return true;
}

} // namespace

QString SignatureCommand::name() const
{
    return u"signature"_s;
}

QString SignatureCommand::usage() const
{
    return u"  signature list              the signatures of the account's address\n"
           "  signature set --name N --file F [--html] [--default new|reply|both]\n"_s;
}

QList<QCommandLineOption> SignatureCommand::options() const
{
    // --name is account add's option too: the parser has it once, with that description.
    return {CliOptions::name, kFile, kHtml, kDefault};
}

int SignatureCommand::run(CommandContext &context)
{
    const QString sub = context.arguments().value(1);
    if (sub == "list"_L1)
        return list(context);
    if (sub == "set"_L1)
        return set(context);
    return context.usageError(tr("Unknown command: %1").arg(context.arguments().join(u' ')));
}

int SignatureCommand::list(CommandContext &context)
{
    std::optional<Account> account;
    SignatureStore store(context.profile());
    if (!openSignatures(context, account, store))
        return CommandContext::Failure;
    QTextStream &out = CommandContext::out();
    const SignatureStore::IdentitySignatures identity = store.forIdentity(account->address);
    if (context.json()) {
        QJsonArray array;
        for (const Signature &signature : identity.signatures) {
            array.append(QJsonObject{
                {u"id"_s, signature.id},
                {u"name"_s, signature.name},
                {u"format"_s, signature.format == Signature::Format::Html ? u"html"_s : u"text"_s},
                {u"text"_s, signature.text},
                {u"defaultForNew"_s, signature.id == identity.defaultForNew},
                {u"defaultForReply"_s, signature.id == identity.defaultForReply}});
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const Signature &signature : identity.signatures) {
            QStringList defaults;
            if (signature.id == identity.defaultForNew)
                defaults.append(tr("new"));
            if (signature.id == identity.defaultForReply)
                defaults.append(tr("reply"));
            out << signature.name << '\t' << (signature.format == Signature::Format::Html ? "html" : "text")
                << '\t' << defaults.join(u',') << '\n';
        }
    }
    out.flush();
    return CommandContext::Success;
}

int SignatureCommand::set(CommandContext &context)
{
    const QCommandLineParser &parser = context.parser();
    const QString name = parser.value(CliOptions::name).trimmed();
    if (name.isEmpty() || !parser.isSet(kFile))
        return context.usageError(tr("signature set needs --name and --file."));
    const QString which = parser.value(kDefault);
    if (parser.isSet(kDefault) && which != "new"_L1 && which != "reply"_L1 && which != "both"_L1)
        return context.usageError(tr("--default takes new, reply or both."));
    const std::optional<QString> text = CommandContext::readTextFile(parser.value(kFile));
    if (!text)
        return context.usageError(tr("Cannot read %1.").arg(parser.value(kFile)));
    std::optional<Account> account;
    SignatureStore store(context.profile());
    if (!openSignatures(context, account, store))
        return CommandContext::Failure;
    SignatureStore::IdentitySignatures identity = store.forIdentity(account->address);
    // Same name: the signature is replaced in place, so its id (and the defaults) stay.
    Signature *signature = nullptr;
    for (Signature &existing : identity.signatures) {
        if (existing.name.compare(name, Qt::CaseInsensitive) == 0)
            signature = &existing;
    }
    if (!signature) {
        identity.signatures.append(
            Signature{SignatureStore::newId(), name, Signature::Format::PlainText, {}});
        signature = &identity.signatures.last();
    }
    signature->name = name;
    signature->format = parser.isSet(kHtml) ? Signature::Format::Html : Signature::Format::PlainText;
    signature->text = text->trimmed();
    if (which == "new"_L1 || which == "both"_L1)
        identity.defaultForNew = signature->id;
    if (which == "reply"_L1 || which == "both"_L1)
        identity.defaultForReply = signature->id;
    const QStringList problems = SignatureStore::validate(identity);
    if (!problems.isEmpty())
        return context.usageError(problems.join(u'\n'));
    store.setForIdentity(account->address, identity);
    QString error;
    if (!store.save(&error)) {
        CommandContext::err() << tr("Error: %1").arg(error) << '\n';
        return CommandContext::Failure;
    }
    CommandContext::out() << tr("Signature \"%1\" saved.").arg(name) << '\n';
    CommandContext::out().flush();
    return CommandContext::Success;
}

} // namespace Amiens
