#include "PhishingAnalyzer.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

QString domainOf(const QString &address)
{
    return address.section(u'@', -1).trimmed().toLower();
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

/// The shapes that fool the eye: "rn" for "m", "1" for "l", "0" for "o", "vv" for "w", and
/// Unicode letters that look Latin, folded to their Latin twin.
QString skeleton(QString domain)
{
    // Decoded whatever the top-level domain: homographs are made where browsers would not decode.
    domain = QUrl::fromAce(domain.toLatin1(), QUrl::IgnoreIDNWhitelist).toLower();
    static const QList<QPair<QString, QString>> confusables = {
        {u"rn"_s, u"m"_s}, {u"vv"_s, u"w"_s}, {u"1"_s, u"l"_s}, {u"0"_s, u"o"_s}, {u"а"_s, u"a"_s},
        {u"е"_s, u"e"_s},  {u"о"_s, u"o"_s},  {u"р"_s, u"p"_s}, {u"с"_s, u"c"_s}, {u"і"_s, u"i"_s},
        {u"ı"_s, u"i"_s},  {u"ѕ"_s, u"s"_s},  {u"ј"_s, u"j"_s}, {u"ԁ"_s, u"d"_s}, {u"ɑ"_s, u"a"_s}};
    for (const auto &[from, to] : confusables)
        domain.replace(from, to);
    return domain.normalized(QString::NormalizationForm_KD)
        .remove(QRegularExpression(u"[\\x{0300}-\\x{036f}]"_s));
}

bool isUrlShortener(const QString &host)
{
    static const QSet<QString> shorteners = {u"bit.ly"_s,     u"tinyurl.com"_s, u"t.co"_s,    u"goo.gl"_s,
                                             u"ow.ly"_s,      u"is.gd"_s,       u"buff.ly"_s, u"cutt.ly"_s,
                                             u"rebrand.ly"_s, u"shorturl.at"_s, u"tiny.cc"_s, u"rb.gy"_s};
    return shorteners.contains(host);
}

struct Link
{
    QString target;
    QString visibleText;
};

QList<Link> linksOf(const QString &html)
{
    static const QRegularExpression anchor(uR"(<a\s[^>]*href\s*=\s*["']?([^"'\s>]+)[^>]*>(.*?)</a\s*>)"_s,
                                           QRegularExpression::CaseInsensitiveOption |
                                               QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(u"<[^>]*>"_s);
    QList<Link> links;
    auto matches = anchor.globalMatch(html);
    while (matches.hasNext() && links.size() < 500) {
        const auto match = matches.next();
        links.append({match.captured(1).trimmed(), match.captured(2).remove(tags).simplified()});
    }
    return links;
}

/// A host name written in the visible text of a link ("www.ac-amiens.fr", "https://…").
QString hostShownIn(const QString &text)
{
    static const QRegularExpression host(uR"((?:https?://)?((?:[\w-]+\.)+[a-z]{2,})(?:[/:?#]|$))"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    const auto match = host.match(text.trimmed());
    return match.hasMatch() && match.capturedStart() == 0 ? match.captured(1).toLower() : QString();
}

bool sameSite(const QString &a, const QString &b)
{
    const auto registrable = [](const QString &host) {
        const QStringList labels = host.split(u'.');
        return labels.size() <= 2 ? host : labels.mid(labels.size() - 2).join(u'.');
    };
    return registrable(a) == registrable(b);
}

} // namespace

PhishingAnalyzer::PhishingAnalyzer(QStringList trustedDomains, QStringList knownColleagues)
    : m_trustedDomains(std::move(trustedDomains))
    , m_knownColleagues(std::move(knownColleagues))
{
    for (QString &domain : m_trustedDomains)
        domain = domain.trimmed().toLower();
}

QStringList PhishingAnalyzer::defaultTrustedDomains()
{
    return {u"ac-amiens.fr"_s, u"education.gouv.fr"_s};
}

bool PhishingAnalyzer::isTrustedDomain(const QString &domain) const
{
    const QString lower = domain.toLower();
    return std::any_of(m_trustedDomains.cbegin(), m_trustedDomains.cend(), [&](const QString &trusted) {
        return lower == trusted || lower.endsWith(u'.' + trusted);
    });
}

bool PhishingAnalyzer::isLookalikeDomain(const QString &domain) const
{
    const QString lower = domain.toLower();
    if (lower.isEmpty() || isTrustedDomain(lower))
        return false;
    const QString shape = skeleton(lower);
    for (const QString &trusted : m_trustedDomains) {
        // "ac-amiens.fr.example.com", "ac-amiens-fr.com": the trusted name inside another domain.
        if (lower.startsWith(trusted + u'.') || lower.contains(QString(trusted).replace(u'.', u'-')))
            return true;
        if (shape == trusted || (editDistance(shape, trusted) <= 2 && shape.size() >= trusted.size() - 2))
            return true;
        const QString trustedLabel = trusted.section(u'.', 0, 0);
        if (skeleton(lower.section(u'.', 0, 0)) == trustedLabel)
            return true;
    }
    return false;
}

QList<MessageWarning> PhishingAnalyzer::analyse(const Input &input) const
{
    QList<MessageWarning> warnings;
    if (input.ownFolder)
        return warnings;
    const auto warn = [&warnings](const QString &code, const QString &text) {
        if (std::none_of(warnings.cbegin(), warnings.cend(),
                         [&](const MessageWarning &w) { return w.code == code; }))
            warnings.append({code, text});
    };

    const QString fromDomain = domainOf(input.headers.from.address);
    const bool external = !fromDomain.isEmpty() && !isTrustedDomain(fromDomain);
    const QString name = input.headers.from.name.toLower();
    static const QRegularExpression authority(
        u"acad[ée]mie|rectorat|dsden|\\bdane\\b|support|messagerie|webmail|administrat|service informatique|"
        "helpdesk|it service|[ée]ducation nationale|ac-amiens"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    const bool claimsAuthority = authority.match(name).hasMatch();

    if (isLookalikeDomain(fromDomain)) {
        warn(u"lookalike-domain"_s,
             tr("The sender's domain %1 imitates an academy domain. It is not the academy.").arg(fromDomain));
    }
    if (external) {
        warn(u"external-sender"_s,
             tr("External sender: %1 is not an academy address.").arg(input.headers.from.address));
        const bool colleague =
            std::any_of(m_knownColleagues.cbegin(), m_knownColleagues.cend(), [&](const QString &known) {
                return !known.isEmpty() && name.contains(known.toLower());
            });
        if (claimsAuthority || colleague) {
            warn(u"display-name-impersonation"_s,
                 tr("The name \"%1\" suggests the academy or a colleague, but the message comes from %2.")
                     .arg(input.headers.from.name, input.headers.from.address));
        }
    }
    for (const MailAddress &replyTo : input.headers.replyTo) {
        const QString replyDomain = domainOf(replyTo.address);
        if (!replyDomain.isEmpty() && replyDomain != fromDomain &&
            (claimsAuthority || isTrustedDomain(fromDomain)) && !isTrustedDomain(replyDomain)) {
            warn(u"reply-to-mismatch"_s,
                 tr("Replies would go to %1, outside the academy, not to the sender.").arg(replyTo.address));
        }
    }

    const QList<Link> links = linksOf(input.html);
    for (const Link &link : links) {
        const QUrl url(link.target);
        const QString host = url.host().toLower();
        if (host.isEmpty())
            continue;
        const QString shown = hostShownIn(link.visibleText);
        if (!shown.isEmpty() && !sameSite(shown, host)) {
            warn(u"deceptive-link"_s, tr("A link shows %1 but leads to %2.").arg(shown, host));
        }
        if (!QHostAddress(host).isNull())
            warn(u"ip-link"_s,
                 tr("A link leads to a bare network address (%1), as phishing links often do.").arg(host));
        if (isUrlShortener(host))
            warn(u"shortened-link"_s,
                 tr("A link is shortened (%1): its real destination is hidden.").arg(host));
        if (isLookalikeDomain(host))
            warn(u"lookalike-link"_s, tr("A link leads to %1, which imitates an academy site.").arg(host));
    }
    static const QRegularExpression form(u"<form[\\s>]"_s, QRegularExpression::CaseInsensitiveOption);
    if (form.match(input.html).hasMatch())
        warn(u"form"_s, tr("The message contains a form: never type a password into a message."));

    static const QRegularExpression credentials(
        u"mot de passe|identifiants?\\b|\\bnumen\\b|v[ée]rification (?:de|du) (?:votre )?compte|"
        "v[ée]rifier (?:votre )?compte|confirmer (?:votre )?identit[ée]|bo[iî]te (?:aux lettres |de "
        "messagerie )?(?:est )?pleine|"
        "password|verify your account|confirm your identity|login details|mailbox (?:is )?full"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    // Academy mail about passwords without links (a change reminder) is left alone.
    if ((external || !links.isEmpty()) &&
        (credentials.match(input.headers.subject).hasMatch() || credentials.match(input.text).hasMatch())) {
        warn(u"credential-request"_s,
             tr("This message talks about your password or identifiers. The academy will "
                "never ask for your identifiers by e-mail."));
    }
    return warnings;
}

} // namespace Amiens
