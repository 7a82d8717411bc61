#include "AccountPreferences.h"

#include "AccountPaths.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Amiens {

AccountPreferences::AccountPreferences(Profile profile, QString accountId)
    : m_profile(std::move(profile))
    , m_accountId(std::move(accountId))
{
}

QString AccountPreferences::group(QSettings &settings, const QString &section) const
{
    // The usual case, settled without reading profile.ini: nothing left from before to adopt.
    const bool legacy = settings.childGroups().contains(section);
    if (!m_accountId.isEmpty() && !legacy)
        return AccountPaths::preferencesGroup(m_accountId) + u'/' + section;
    const QStringList ids = m_profile.orderedIds();
    const QString firstId = ids.isEmpty() ? QString() : ids.constFirst();
    const QString id = m_accountId.isEmpty() ? firstId : m_accountId;
    if (id.isEmpty())
        return section; // no account yet: the profile's own settings, adopted later
    const QString own = AccountPaths::preferencesGroup(id) + u'/' + section;
    if (id != firstId || !legacy)
        return own;
    // The first account adopts what was saved before accounts had their own settings.
    settings.beginGroup(section);
    const QStringList keys = settings.allKeys();
    QVariantMap values;
    for (const QString &key : keys)
        values.insert(key, settings.value(key));
    settings.endGroup();
    settings.beginGroup(own);
    if (settings.allKeys().isEmpty()) {
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            settings.setValue(it.key(), it.value());
    }
    settings.endGroup();
    settings.remove(section);
    QString error;
    m_profile.savePreferences(settings, &error);
    return own;
}

void AccountPreferences::beginGroup(QSettings &settings, const QString &section) const
{
    settings.beginGroup(group(settings, section));
}

bool AccountPreferences::contains(QSettings &settings, const QString &section) const
{
    const QString path = group(settings, section);
    const qsizetype slash = path.lastIndexOf(u'/');
    if (slash < 0)
        return settings.childGroups().contains(path);
    settings.beginGroup(path.left(slash));
    const bool found = settings.childGroups().contains(path.mid(slash + 1));
    settings.endGroup();
    return found;
}

} // namespace Amiens
