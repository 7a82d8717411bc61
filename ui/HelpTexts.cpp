#include "HelpTexts.h"

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {
QString link(const QUrl &url, const QString &text)
{
    if (url.isEmpty())
        return text.toHtmlEscaped();
    return u"<a href=\"%1\">%2</a>"_s.arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                          text.toHtmlEscaped());
}
} // namespace

QString HelpTexts::wrongPassword(const HelpCatalog &help, bool passcode)
{
    QString html;
    if (passcode) {
        html += u"<p>"_s +
                tr("Check your PIN, then type it again followed by a new code from your key: each code "
                   "works only once.")
                    .toHtmlEscaped() +
                u"</p>"_s;
    } else {
        html += u"<p>"_s +
                tr("Check your identifier: it is usually the first letter of your first name followed by "
                   "your surname, without accents or spaces (mdupont), sometimes with a number (mdupont2).")
                    .toHtmlEscaped() +
                u"</p>"_s;
        html += u"<p>"_s + link(help.passwordResetUrl(), tr("Forgot your password?")) + u" "_s +
                tr("The academy's page lets you choose a new one with your NUMEN.").toHtmlEscaped() +
                u"</p>"_s;
    }
    html += u"<p>"_s +
            tr("If you lost your identifier or your account is blocked, contact your head of school or your "
               "administrative service.")
                .toHtmlEscaped() +
            u"</p>"_s;
    return html;
}

QString HelpTexts::accountBlocked(const HelpCatalog &help)
{
    QString html = u"<h3>"_s + tr("Account blocked or hacked").toHtmlEscaped() + u"</h3>"_s;
    html += u"<p>"_s +
            tr("After several wrong passwords the academy blocks the account for a while. If you think "
               "someone else knows your password, or mail you did not write was sent from your address:")
                .toHtmlEscaped() +
            u"</p><ol>"_s;
    html += u"<li>"_s + link(help.passwordResetUrl(), tr("Change your password at once")) + u".</li>"_s;
    html += u"<li>"_s +
            tr("Tell your head of school or your administrative service, and the academy's support below.")
                .toHtmlEscaped() +
            u"</li>"_s;
    html += u"<li>"_s +
            tr("Never give your password to anyone: the academy never asks for it by mail or phone.")
                .toHtmlEscaped() +
            u"</li></ol>"_s;
    html += support(help);
    return html;
}

QString HelpTexts::support(const HelpCatalog &help)
{
    QString html = u"<h3>"_s + tr("Assistance").toHtmlEscaped() + u"</h3>"_s;
    const QList<HelpCatalog::Contact> contacts = help.contacts();
    if (contacts.isEmpty())
        html += u"<p>"_s + tr("No contact is configured on this computer.").toHtmlEscaped() + u"</p>"_s;
    for (const HelpCatalog::Contact &entry : contacts)
        html += contact(entry);
    return html;
}

QString HelpTexts::contact(const HelpCatalog::Contact &contact)
{
    QStringList lines{u"<b>"_s + contact.name.toHtmlEscaped() + u"</b>"_s};
    if (!contact.address.isEmpty())
        lines.append(contact.address.toHtmlEscaped());
    if (!contact.phone.isEmpty()) {
        QString digits = contact.phone;
        digits.remove(u' ');
        lines.append(tr("Phone: %1").arg(link(QUrl(u"tel:"_s + digits), contact.phone)));
    }
    if (!contact.email.isEmpty())
        lines.append(tr("Mail: %1").arg(link(QUrl(u"mailto:"_s + contact.email), contact.email)));
    return u"<p>"_s + lines.join(u"<br>"_s) + u"</p>"_s;
}

QString HelpTexts::passwordReminder(const HelpCatalog &help, qint64 ageInDays)
{
    const qint64 months = ageInDays / 30;
    return tr("You have been using the same password for about %n month(s). The academy asks for a new one "
              "every six months.",
              nullptr, static_cast<int>(months))
               .toHtmlEscaped() +
           u" "_s + link(help.passwordChangeUrl(), tr("Change my password"));
}

} // namespace Amiens
