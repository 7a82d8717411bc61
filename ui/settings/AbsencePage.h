#pragma once

#include "sieve/VacationSettings.h"

#include <QWidget>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace Amiens {

/// "Absence": the out-of-office message kept on the server (ManageSieve). The fields stay
/// disabled until the server's settings are loaded, so that nothing the user types can be lost
/// to a late load or overwrite rules the page has not seen.
class AbsencePage : public QWidget
{
    Q_OBJECT
public:
    explicit AbsencePage(QWidget *parent = nullptr);

    void setSettings(const VacationSettings &settings);
    /// The loaded settings with the fields' values (time zone and academy domains kept).
    [[nodiscard]] VacationSettings settings() const;
    /// Shows each problem next to its field; true when the settings can be saved.
    bool validate();
    void setEditable(bool editable);
    /// A line above the fields: loading, saved, the server's refusal, no ManageSieve (rich text).
    void setStatus(const QString &html, bool error);

    [[nodiscard]] static bool isValidAddress(const QString &address);

Q_SIGNALS:
    /// A link in the status line ("amiens:password", or the webmail's address).
    void linkActivated(const QString &link);

private:
    void updateEnabled();

    VacationSettings m_loaded;
    QLabel *m_status = nullptr;
    QCheckBox *m_enabled = nullptr;
    QCheckBox *m_hasStart = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QCheckBox *m_hasEnd = nullptr;
    QDateTimeEdit *m_end = nullptr;
    QLabel *m_datesError = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_message = nullptr;
    QLabel *m_messageError = nullptr;
    QSpinBox *m_days = nullptr;
    QLineEdit *m_addresses = nullptr;
    QLabel *m_addressesError = nullptr;
    QCheckBox *m_academyOnly = nullptr;
    QWidget *m_fields = nullptr;
};

} // namespace Amiens
