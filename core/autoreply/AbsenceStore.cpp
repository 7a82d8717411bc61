#include "AbsenceStore.h"

#include "account/AccountPreferences.h"
#include "account/Profile.h"
#include "util/Clock.h"

#include <QFile>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

void writeVacation(QSettings &settings, const VacationSettings &vacation)
{
    settings.setValue(u"enabled"_s, vacation.enabled);
    settings.setValue(u"start"_s,
                      vacation.start.isValid() ? vacation.start.toString(Qt::ISODate) : QString());
    settings.setValue(u"end"_s, vacation.end.isValid() ? vacation.end.toString(Qt::ISODate) : QString());
    settings.setValue(u"timeZone"_s, QString::fromLatin1(vacation.timeZone.id()));
    settings.setValue(u"subject"_s, vacation.subject);
    settings.setValue(u"message"_s, vacation.message);
    settings.setValue(u"days"_s, vacation.days);
    settings.setValue(u"addresses"_s, vacation.addresses.join(u','));
    settings.setValue(u"academyOnly"_s, vacation.academyOnly);
    settings.setValue(u"academyDomains"_s, vacation.academyDomains.join(u','));
}

VacationSettings readVacation(QSettings &settings)
{
    VacationSettings vacation;
    vacation.enabled = settings.value(u"enabled"_s, false).toBool();
    const QByteArray zone = settings.value(u"timeZone"_s).toString().toLatin1();
    if (!zone.isEmpty() && QTimeZone::isTimeZoneIdAvailable(zone))
        vacation.timeZone = QTimeZone(zone);
    const auto when = [&](const QString &key) {
        const QString text = settings.value(key).toString();
        return text.isEmpty() ? QDateTime()
                              : QDateTime::fromString(text, Qt::ISODate).toTimeZone(vacation.timeZone);
    };
    vacation.start = when(u"start"_s);
    vacation.end = when(u"end"_s);
    vacation.subject = settings.value(u"subject"_s).toString();
    vacation.message = settings.value(u"message"_s).toString();
    vacation.days = qBound(1, settings.value(u"days"_s, 7).toInt(), 365);
    vacation.addresses = settings.value(u"addresses"_s).toString().split(u',', Qt::SkipEmptyParts);
    vacation.academyOnly = settings.value(u"academyOnly"_s, false).toBool();
    const QStringList domains =
        settings.value(u"academyDomains"_s).toString().split(u',', Qt::SkipEmptyParts);
    if (!domains.isEmpty())
        vacation.academyDomains = domains;
    return vacation;
}

bool finish(const Profile &profile, QSettings &settings, QString *error)
{
    return profile.savePreferences(settings, error);
}

bool runsAt(const VacationSettings &vacation, const QDateTime &now)
{
    return vacation.enabled && vacation.coversTime(now);
}

} // namespace

AbsenceStore::ClientSide AbsenceStore::loadClientSide(const Profile &profile, const QString &accountId)
{
    QSettings settings(profile.preferencesPath(), QSettings::IniFormat);
    AccountPreferences(profile, accountId).beginGroup(settings, u"clientAbsence"_s);
    ClientSide clientSide;
    clientSide.active = settings.value(u"active"_s, false).toBool();
    clientSide.vacation = readVacation(settings);
    const QString enabledAt = settings.value(u"enabledAt"_s).toString();
    if (!enabledAt.isEmpty())
        clientSide.enabledAt = QDateTime::fromString(enabledAt, Qt::ISODate);
    settings.endGroup();
    return clientSide;
}

bool AbsenceStore::saveClientSide(const Profile &profile, ClientSide clientSide, QString *error,
                                  const QString &accountId)
{
    if (!profile.ensureExists(error))
        return false;
    const ClientSide before = loadClientSide(profile, accountId);
    if (!clientSide.vacation.enabled)
        clientSide.enabledAt = QDateTime();
    else if (!clientSide.enabledAt.isValid())
        clientSide.enabledAt = before.vacation.enabled && before.enabledAt.isValid()
                                   ? before.enabledAt
                                   : Clock::currentDateTimeUtc();
    QSettings settings(profile.preferencesPath(), QSettings::IniFormat);
    AccountPreferences(profile, accountId).beginGroup(settings, u"clientAbsence"_s);
    settings.setValue(u"active"_s, clientSide.active);
    writeVacation(settings, clientSide.vacation);
    settings.setValue(u"enabledAt"_s, clientSide.enabledAt.isValid()
                                          ? clientSide.enabledAt.toUTC().toString(Qt::ISODate)
                                          : QString());
    settings.endGroup();
    return finish(profile, settings, error);
}

void AbsenceStore::rememberServerVacation(const Profile &profile, const VacationSettings &vacation,
                                          const QString &accountId)
{
    QString error;
    if (!profile.ensureExists(&error))
        return;
    QSettings settings(profile.preferencesPath(), QSettings::IniFormat);
    AccountPreferences(profile, accountId).beginGroup(settings, u"serverAbsence"_s);
    writeVacation(settings, vacation);
    settings.endGroup();
    finish(profile, settings, &error);
}

std::optional<VacationSettings> AbsenceStore::lastServerVacation(const Profile &profile,
                                                                 const QString &accountId)
{
    QSettings settings(profile.preferencesPath(), QSettings::IniFormat);
    const AccountPreferences preferences(profile, accountId);
    if (!preferences.contains(settings, u"serverAbsence"_s))
        return std::nullopt;
    preferences.beginGroup(settings, u"serverAbsence"_s);
    VacationSettings vacation = readVacation(settings);
    settings.endGroup();
    return vacation;
}

std::optional<VacationSettings> AbsenceStore::activeAt(const Profile &profile, const QDateTime &now,
                                                       const QString &accountId)
{
    const ClientSide clientSide = loadClientSide(profile, accountId);
    if (clientSide.active && runsAt(clientSide.vacation, now))
        return clientSide.vacation;
    if (const auto server = lastServerVacation(profile, accountId); server && runsAt(*server, now))
        return server;
    return std::nullopt;
}

} // namespace Amiens
