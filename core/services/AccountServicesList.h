#pragma once

#include "account/Account.h"

#include <QList>
#include <QStringList>
#include <memory>
#include <vector>

namespace Amiens {

class AccountServices;

/// The services of the accounts open side by side (the window's personal and functional
/// mailboxes), in the profile's order: one AccountServices per account, found by its id or by
/// an address it owns. It owns them; taking one out (removing the account) leaves the others.
class AccountServicesList
{
public:
    AccountServicesList();
    ~AccountServicesList();
    AccountServicesList(const AccountServicesList &) = delete;
    AccountServicesList &operator=(const AccountServicesList &) = delete;

    /// Adds @p services last; nullptr (and @p services destroyed) when its account is already there.
    AccountServices *add(std::unique_ptr<AccountServices> services);
    /// Takes the account's services out; nullptr when it is not there.
    [[nodiscard]] std::unique_ptr<AccountServices> take(const QString &accountId);
    [[nodiscard]] AccountServices *find(const QString &accountId) const;
    /// The account whose address or alias @p address is (any case), nullptr when none.
    [[nodiscard]] AccountServices *owning(const QString &address) const;
    [[nodiscard]] QList<AccountServices *> all() const;
    [[nodiscard]] QStringList ids() const;
    [[nodiscard]] qsizetype size() const { return static_cast<qsizetype>(m_services.size()); }
    [[nodiscard]] bool isEmpty() const { return m_services.empty(); }
    /// Puts them in the order of @p accounts (Profile::accounts()); those it does not list keep
    /// their order after the others.
    void sortLike(const QList<Account> &accounts);
    /// Destroys them all, the last first.
    void clear();

private:
    std::vector<std::unique_ptr<AccountServices>> m_services;
};

} // namespace Amiens
