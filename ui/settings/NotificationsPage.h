#pragma once

#include "account/Profile.h"

#include <QWidget>

class QCheckBox;

namespace Amiens {

/// "Notifications": whether new mail shows a desktop notification (NotificationPolicy).
class NotificationsPage : public QWidget
{
    Q_OBJECT
public:
    NotificationsPage(Profile profile, QWidget *parent = nullptr);

    [[nodiscard]] QCheckBox *newMailBox() const { return m_newMail; }
    bool save(QString *error) const;

private:
    Profile m_profile;
    QCheckBox *m_newMail = nullptr;
};

} // namespace Amiens
