#include "NotificationsPage.h"

#include "settings/NotificationPolicy.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

NotificationsPage::NotificationsPage(Profile profile, QWidget *parent)
    : QWidget(parent)
    , m_profile(std::move(profile))
{
    setObjectName(u"notificationsPage"_s);
    auto *layout = new QVBoxLayout(this);
    m_newMail = new QCheckBox(tr("Show a notification for new messages"), this);
    m_newMail->setObjectName(u"notifyNewMail"_s);
    m_newMail->setChecked(NotificationPolicy::load(m_profile).newMail);
    layout->addWidget(m_newMail);
    auto *note = new QLabel(tr("The notification says how many messages arrived in the inbox, never who sent "
                               "them or what they say."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addStretch(1);
}

bool NotificationsPage::save(QString *error) const
{
    NotificationPolicy policy;
    policy.newMail = m_newMail->isChecked();
    return policy.save(m_profile, error);
}

} // namespace Amiens
