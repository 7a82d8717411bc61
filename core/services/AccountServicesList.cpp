#include "AccountServicesList.h"

#include "services/AccountServices.h"

#include <algorithm>

namespace Amiens {

AccountServicesList::AccountServicesList() = default;

AccountServicesList::~AccountServicesList()
{
    clear();
}

AccountServices *AccountServicesList::add(std::unique_ptr<AccountServices> services)
{
    if (!services || find(services->account().id))
        return nullptr;
    m_services.push_back(std::move(services));
    return m_services.back().get();
}

std::unique_ptr<AccountServices> AccountServicesList::take(const QString &accountId)
{
    for (auto it = m_services.begin(); it != m_services.end(); ++it) {
        if ((*it)->account().id == accountId) {
            std::unique_ptr<AccountServices> taken = std::move(*it);
            m_services.erase(it);
            return taken;
        }
    }
    return nullptr;
}

AccountServices *AccountServicesList::find(const QString &accountId) const
{
    for (const auto &services : m_services) {
        if (services->account().id == accountId)
            return services.get();
    }
    return nullptr;
}

AccountServices *AccountServicesList::owning(const QString &address) const
{
    for (const auto &services : m_services) {
        if (services->account().owns(address))
            return services.get();
    }
    return nullptr;
}

QList<AccountServices *> AccountServicesList::all() const
{
    QList<AccountServices *> result;
    for (const auto &services : m_services)
        result.append(services.get());
    return result;
}

QStringList AccountServicesList::ids() const
{
    QStringList result;
    for (const auto &services : m_services)
        result.append(services->account().id);
    return result;
}

void AccountServicesList::sortLike(const QList<Account> &accounts)
{
    const auto rank = [&accounts](const AccountServices &services) {
        for (qsizetype i = 0; i < accounts.size(); ++i) {
            if (accounts.at(i).id == services.account().id)
                return i;
        }
        return accounts.size();
    };
    std::stable_sort(m_services.begin(), m_services.end(),
                     [&rank](const auto &a, const auto &b) { return rank(*a) < rank(*b); });
}

void AccountServicesList::clear()
{
    // The last opened first, as members are destroyed.
    while (!m_services.empty())
        m_services.pop_back();
}

} // namespace Amiens
