#pragma once

#include "Signature.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace Amiens {

struct Account;
class Profile;

/// The signatures of every identity (sending address) of a profile, in <profile>/signatures.json:
/// one or more per identity, which one goes into new mail and which into replies, and whether it
/// goes above or below the quoted text. A missing file simply means no signature yet.
class SignatureStore
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::SignatureStore)

public:
    enum class Placement
    {
        BelowQuote,
        AboveQuote
    };

    /// What the academy's template needs beyond the account: the academy's guide asks for the
    /// person's function, school or service, its postal address and a phone number.
    struct Details
    {
        QString function;      ///< "Professeure de mathématiques", "Secrétaire de direction"
        QString establishment; ///< "Collège Jules Verne, Amiens"
        QString postalAddress;
        QString phone;
        friend bool operator==(const Details &, const Details &) = default;
    };

    struct IdentitySignatures
    {
        QList<Signature> signatures;
        QString defaultForNew;   ///< a signature id, empty for none
        QString defaultForReply; ///< a signature id, empty for none
        Placement placement = Placement::BelowQuote;
        Details details;
        friend bool operator==(const IdentitySignatures &, const IdentitySignatures &) = default;
    };

    explicit SignatureStore(const Profile &profile);

    [[nodiscard]] QString path() const { return m_path; }
    /// Reads the file; a missing file is an empty store, an unreadable one an error.
    bool load(QString *error);
    /// Writes the whole file atomically, readable by the user only.
    bool save(QString *error) const;

    [[nodiscard]] QStringList identities() const { return m_identities.keys(); }
    /// Identities are e-mail addresses, compared without case.
    [[nodiscard]] IdentitySignatures forIdentity(const QString &address) const;
    void setForIdentity(const QString &address, const IdentitySignatures &signatures);
    /// The signature the composer inserts for a new message or a reply, if any.
    [[nodiscard]] std::optional<Signature> defaultSignature(const QString &address, bool reply) const;

    /// The academy's signature, filled from the account (name, address) and @p details; empty
    /// details leave no blank line.
    [[nodiscard]] static Signature academyTemplate(const Account &account, const Details &details,
                                                   Signature::Format format);
    /// What goes into a plain-text message: "-- " on its own line, then the text (an HTML
    /// signature is reduced to its text).
    [[nodiscard]] static QString plainTextBlock(const Signature &signature);
    /// What goes into an HTML message: sanitised HTML (a plain-text signature is escaped and keeps
    /// its separator).
    [[nodiscard]] static QString htmlBlock(const Signature &signature);
    /// French sentences for what is wrong (no name, duplicate names, a default that does not
    /// exist, an empty text); empty when the settings can be saved.
    [[nodiscard]] static QStringList validate(const IdentitySignatures &signatures);
    [[nodiscard]] static QString newId();

private:
    QString m_path;
    QMap<QString, IdentitySignatures> m_identities;
};

} // namespace Amiens
