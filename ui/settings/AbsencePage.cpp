#include "AbsencePage.h"

#include "ThemeColours.h"
#include "util/Clock.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setStyleSheet(ThemeColours::textStyleSheet(label->palette(), ThemeColours::Tone::Error));
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QDateTimeEdit *dateTimeEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    // Minutes are what people plan an absence with; seconds would only confuse the round trip.
    edit->setDisplayFormat(u"dd/MM/yyyy HH:mm"_s);
    return edit;
}

QStringList splitAddresses(const QString &text)
{
    static const QRegularExpression separators(u"[,;\\s]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace

AbsencePage::AbsencePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"absencePage"_s);
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(u"absenceStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    connect(m_status, &QLabel::linkActivated, this, &AbsencePage::linkActivated);
    layout->addWidget(m_status);

    m_fields = new QWidget(this);
    auto *form = new QFormLayout(m_fields);
    m_enabled = new QCheckBox(tr("Send an automatic reply while I am away"), m_fields);
    m_enabled->setObjectName(u"absenceEnabled"_s);
    form->addRow(m_enabled);

    m_hasStart = new QCheckBox(tr("From"), m_fields);
    m_hasStart->setObjectName(u"absenceHasStart"_s);
    m_start = dateTimeEdit(u"absenceStart"_s, m_fields);
    // The check box beside it is its label on screen, not its name for a screen reader.
    m_start->setAccessibleName(tr("Start of the absence"));
    form->addRow(m_hasStart, m_start);
    m_hasEnd = new QCheckBox(tr("Until"), m_fields);
    m_hasEnd->setObjectName(u"absenceHasEnd"_s);
    m_end = dateTimeEdit(u"absenceEnd"_s, m_fields);
    m_end->setAccessibleName(tr("End of the absence"));
    form->addRow(m_hasEnd, m_end);
    m_datesError = errorLabel(u"absenceDatesError"_s, m_fields);
    form->addRow(m_datesError);

    m_subject = new QLineEdit(m_fields);
    m_subject->setObjectName(u"absenceSubject"_s);
    form->addRow(tr("Subject:"), m_subject);
    m_message = new QPlainTextEdit(m_fields);
    m_message->setObjectName(u"absenceMessage"_s);
    m_message->setTabChangesFocus(true);
    form->addRow(tr("Message:"), m_message);
    m_messageError = errorLabel(u"absenceMessageError"_s, m_fields);
    form->addRow(m_messageError);

    m_days = new QSpinBox(m_fields);
    m_days->setObjectName(u"absenceDays"_s);
    // RFC 5230 asks servers to accept 1 day at least; Pigeonhole caps long periods anyway.
    m_days->setRange(1, 365);
    m_days->setSuffix(tr(" day(s)"));
    form->addRow(tr("Reply to the same sender at most once every"), m_days);

    m_addresses = new QLineEdit(m_fields);
    m_addresses->setObjectName(u"absenceAddresses"_s);
    m_addresses->setPlaceholderText(tr("marie.dupont@ac-amiens.fr, mdupont@ac-amiens.fr"));
    form->addRow(tr("Answer for the addresses:"), m_addresses);
    m_addressesError = errorLabel(u"absenceAddressesError"_s, m_fields);
    form->addRow(m_addressesError);

    m_academyOnly = new QCheckBox(tr("Do not reply to messages from outside the academy"), m_fields);
    m_academyOnly->setObjectName(u"absenceAcademyOnly"_s);
    form->addRow(m_academyOnly);
    layout->addWidget(m_fields);
    layout->addStretch();

    connect(m_enabled, &QCheckBox::toggled, this, &AbsencePage::updateEnabled);
    connect(m_hasStart, &QCheckBox::toggled, this, &AbsencePage::updateEnabled);
    connect(m_hasEnd, &QCheckBox::toggled, this, &AbsencePage::updateEnabled);
    setSettings(VacationSettings());
    setEditable(false);
}

void AbsencePage::setSettings(const VacationSettings &settings)
{
    m_loaded = settings;
    const QDateTime now = Clock::currentDateTime().toTimeZone(settings.timeZone);
    const auto fill = [&](QCheckBox *has, QDateTimeEdit *edit, const QDateTime &when,
                          const QDateTime &fallback) {
        has->setChecked(when.isValid());
        const QDateTime shown = (when.isValid() ? when : fallback).toTimeZone(settings.timeZone);
        edit->setDate(shown.date());
        edit->setTime(QTime(shown.time().hour(), shown.time().minute()));
    };
    fill(m_hasStart, m_start, settings.start, QDateTime(now.date(), QTime(8, 0), settings.timeZone));
    fill(m_hasEnd, m_end, settings.end, QDateTime(now.date().addDays(7), QTime(18, 0), settings.timeZone));
    m_enabled->setChecked(settings.enabled);
    m_subject->setText(settings.subject);
    m_message->setPlainText(settings.message);
    m_days->setValue(qBound(1, settings.days, 365));
    m_addresses->setText(settings.addresses.join(u", "_s));
    m_academyOnly->setChecked(settings.academyOnly);
    for (QLabel *label : {m_datesError, m_messageError, m_addressesError})
        showError(label, {});
    updateEnabled();
}

VacationSettings AbsencePage::settings() const
{
    VacationSettings settings = m_loaded;
    settings.enabled = m_enabled->isChecked();
    settings.start = m_hasStart->isChecked() ? QDateTime(m_start->date(), m_start->time(), settings.timeZone)
                                             : QDateTime();
    settings.end =
        m_hasEnd->isChecked() ? QDateTime(m_end->date(), m_end->time(), settings.timeZone) : QDateTime();
    settings.subject = m_subject->text().trimmed();
    settings.message = m_message->toPlainText();
    settings.days = m_days->value();
    settings.addresses = splitAddresses(m_addresses->text());
    settings.academyOnly = m_academyOnly->isChecked();
    return settings;
}

bool AbsencePage::isValidAddress(const QString &address)
{
    // Deliberately simple: one @, a dot in the domain, no spaces or angle brackets. The server
    // checks the rest; this catches typing mistakes before anything is sent.
    static const QRegularExpression pattern(u"^[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\".]+$"_s);
    return pattern.match(address.trimmed()).hasMatch();
}

bool AbsencePage::validate()
{
    const VacationSettings edited = settings();
    QString datesError;
    if (edited.start.isValid() && edited.end.isValid() && edited.end <= edited.start)
        datesError = tr("The end of the absence must come after its start.");
    else if (edited.enabled && edited.end.isValid() && edited.end < Clock::currentDateTime())
        datesError = tr("The end of the absence is already past.");
    showError(m_datesError, datesError);

    showError(m_messageError, edited.enabled && edited.message.trimmed().isEmpty()
                                  ? tr("Write the message your correspondents will receive.")
                                  : QString());

    QStringList invalid;
    for (const QString &address : edited.addresses) {
        if (!isValidAddress(address))
            invalid.append(address);
    }
    showError(m_addressesError, invalid.isEmpty()
                                    ? QString()
                                    : tr("Not a valid e-mail address: %1").arg(invalid.join(u", "_s)));
    return datesError.isEmpty() && m_messageError->isHidden() && invalid.isEmpty();
}

void AbsencePage::setEditable(bool editable)
{
    m_fields->setEnabled(editable);
}

void AbsencePage::setStatus(const QString &html, bool error)
{
    m_status->setStyleSheet(
        error ? ThemeColours::textStyleSheet(m_status->palette(), ThemeColours::Tone::Error) : QString());
    m_status->setText(html);
    m_status->setVisible(!html.isEmpty());
}

void AbsencePage::updateEnabled()
{
    m_start->setEnabled(m_hasStart->isChecked());
    m_end->setEnabled(m_hasEnd->isChecked());
}

} // namespace Amiens
