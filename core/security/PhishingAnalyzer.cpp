#include "PhishingAnalyzer.h"

#include "security/AttachmentName.h"

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
    // A domain already in Unicode (SMTPUTF8 mail, an href in UTF-8) is taken as it is.
    bool ascii = true;
    for (const QChar c : std::as_const(domain))
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        domain = QUrl::fromAce(domain.toLatin1(), QUrl::IgnoreIDNWhitelist);
    domain = domain.toLower();
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

/// @p html without its tags, in one pass (an unterminated "<" drops the rest).
QString withoutTags(QStringView html)
{
    QString text;
    text.reserve(html.size());
    bool inTag = false;
    for (const QChar c : html) {
        if (c == u'<')
            inTag = true;
        else if (c == u'>' && inTag)
            inTag = false;
        else if (!inTag)
            text += c;
    }
    return text;
}

/// The links of an HTML body with their visible text, in one forward pass: each anchor's end and
/// the next "</a>" are found once (a regular expression retried at every "<a" of a page of
/// unclosed anchors took seconds, then hit PCRE's match limit and found no link at all).
QList<Link> linksOf(const QString &html)
{
    static const QRegularExpression href(uR"(\shref\s*=\s*["']?([^"'\s>]+))"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    constexpr qsizetype kMaxTagChars = 8192;
    constexpr qsizetype kMaxTextChars = 2048;
    QList<Link> links;
    qsizetype position = 0;
    qsizetype nextClose = -2; // not looked for yet; -1: there is none further on
    while (links.size() < 500) {
        const qsizetype open = html.indexOf(u"<a"_s, position, Qt::CaseInsensitive);
        if (open < 0 || open + 2 >= html.size())
            break;
        position = open + 2;
        if (!html.at(open + 2).isSpace())
            continue; // <abbr>, <address>…
        const qsizetype tagEnd = html.indexOf(u'>', open);
        if (tagEnd < 0)
            break;
        position = tagEnd + 1;
        const auto target = href.match(QStringView(html).sliced(open, std::min(tagEnd - open, kMaxTagChars)));
        if (!target.hasMatch())
            continue;
        if (nextClose != -1 && nextClose < tagEnd)
            nextClose = html.indexOf(u"</a>"_s, tagEnd, Qt::CaseInsensitive);
        const qsizetype textEnd = nextClose < 0 ? html.size() : nextClose;
        const QStringView text =
            QStringView(html).sliced(tagEnd + 1, std::min(textEnd - tagEnd - 1, kMaxTextChars));
        links.append({target.captured(1).trimmed(), withoutTags(text).simplified()});
    }
    return links;
}

/// Bare URLs in a plain-text body: no visible text to compare, but the target still counts.
QList<Link> linksInText(const QString &text)
{
    static const QRegularExpression url(uR"((?:https?://|www\.)[^\s<>"']+)"_s,
                                        QRegularExpression::CaseInsensitiveOption);
    QList<Link> links;
    auto matches = url.globalMatch(text);
    while (matches.hasNext() && links.size() < 500) {
        QString target = matches.next().captured(0);
        if (target.startsWith(u"www."_s, Qt::CaseInsensitive))
            target.prepend(u"http://"_s);
        links.append({target, QString()});
    }
    return links;
}

/// A person's name for comparison: no accents, no case, punctuation as spaces, padded with
/// spaces so that " jean petit " is found in " jean petit college " but not in " jean petitjean ".
QString foldedName(const QString &text)
{
    static const QRegularExpression accents(u"[\\x{0300}-\\x{036f}]"_s);
    static const QRegularExpression punctuation(u"[^\\w@.]+"_s,
                                                QRegularExpression::UseUnicodePropertiesOption);
    QString folded = text.normalized(QString::NormalizationForm_KD).remove(accents).toLower();
    folded.replace(punctuation, u" "_s);
    return u' ' + folded.simplified() + u' ';
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
{
    for (QString &domain : m_trustedDomains)
        domain = domain.trimmed().toLower();
    m_trustedDomains.removeAll(QString());
    m_trustedDomains.removeDuplicates();
    for (const QString &name : std::as_const(knownColleagues)) {
        // "Marie" alone would match half the parents; a first and a last name are needed.
        const QString folded = foldedName(name);
        if (folded.count(u' ') >= 3 && folded.size() >= 7)
            m_knownColleagues.append(folded);
    }
    m_knownColleagues.removeDuplicates();
}

QStringList PhishingAnalyzer::defaultTrustedDomains()
{
    // The academy, the ministry, and every other academy by its exact domain: staff write to
    // each other across academies all the time. Never a pattern such as "ac-*.fr": anyone can
    // register ac-arniens.fr, and a pattern would trust exactly the look-alikes.
    return {u"ac-amiens.fr"_s,
            u"education.gouv.fr"_s,
            u"ac-aix-marseille.fr"_s,
            u"ac-besancon.fr"_s,
            u"ac-bordeaux.fr"_s,
            u"ac-clermont.fr"_s,
            u"ac-corse.fr"_s,
            u"ac-creteil.fr"_s,
            u"ac-dijon.fr"_s,
            u"ac-grenoble.fr"_s,
            u"ac-guadeloupe.fr"_s,
            u"ac-guyane.fr"_s,
            u"ac-lille.fr"_s,
            u"ac-limoges.fr"_s,
            u"ac-lyon.fr"_s,
            u"ac-martinique.fr"_s,
            u"ac-mayotte.fr"_s,
            u"ac-montpellier.fr"_s,
            u"ac-nancy-metz.fr"_s,
            u"ac-nantes.fr"_s,
            u"ac-nice.fr"_s,
            u"ac-normandie.fr"_s,
            u"ac-orleans-tours.fr"_s,
            u"ac-paris.fr"_s,
            u"ac-poitiers.fr"_s,
            u"ac-reims.fr"_s,
            u"ac-rennes.fr"_s,
            u"ac-reunion.fr"_s,
            u"ac-strasbourg.fr"_s,
            u"ac-toulouse.fr"_s,
            u"ac-versailles.fr"_s,
            u"ac-noumea.nc"_s,
            u"ac-polynesie.pf"_s,
            u"ac-wf.wf"_s,
            u"ac-spm.fr"_s};
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
    QString lower = domain.toLower();
    if (lower.endsWith(u'.'))
        lower.chop(1);
    if (lower.isEmpty() || isTrustedDomain(lower))
        return false;
    const QString shape = skeleton(lower);
    if (isTrustedDomain(shape))
        return true; // a homograph of a trusted domain or of one of its sub-domains
    const QStringList labels = shape.split(u'.', Qt::SkipEmptyParts);
    for (const QString &trusted : m_trustedDomains) {
        // "ac-amiens.fr.example.com", "mail.ac-amiens.fr.example.com", "ac-amiens-fr.com": the
        // trusted name inside another domain.
        if (QString(u'.' + shape + u'.').contains(QString(u'.' + trusted + u'.')) ||
            shape.contains(QString(trusted).replace(u'.', u'-')))
            return true;
        if (editDistance(shape, trusted) <= 2 && shape.size() >= trusted.size() - 2)
            return true;
        // "ac-amiens.com", "ac-arniens.org": the academy's own name under another top-level domain
        // (not for "education.gouv.fr", whose first label is also the ministry's education.fr).
        const QString trustedLabel = trusted.section(u'.', 0, 0);
        // "ac-amiens-webmail.com", "securite-ac-amiens.net": the name as a part of another one.
        if (trusted.count(u'.') == 1 && trustedLabel.size() >= 5 && labels.size() >= 2) {
            const QString registrable = labels.at(labels.size() - 2);
            if (registrable == trustedLabel ||
                QString(u'-' + registrable + u'-').contains(QString(u'-' + trustedLabel + u'-')))
                return true;
        }
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
    const QString name = input.headers.from.name;
    static const QRegularExpression authority(
        u"acad[ée]mi|rectorat|recteur|rectrice|dsden|\\bdsi\\b|\\bdane\\b|support|messagerie|webmail|"
        "administrat|\\badmin\\b|service informatique|assistance informatique|helpdesk|help desk|"
        "it service|it department|[ée]ducation nationale|minist[èe]re de l'[ée]ducation|ac-amiens"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    const QString folded = foldedName(name);
    const bool nameShowsTrustedDomain =
        std::any_of(m_trustedDomains.cbegin(), m_trustedDomains.cend(),
                    [&](const QString &trusted) { return name.toLower().contains(trusted); });
    const bool claimsAuthority = authority.match(name).hasMatch() || nameShowsTrustedDomain;
    const bool lookalikeSender = isLookalikeDomain(fromDomain);

    if (lookalikeSender) {
        warn(u"lookalike-domain"_s,
             tr("The sender's domain %1 imitates an academy domain. It is not the academy.").arg(fromDomain));
    }
    if (external) {
        warn(u"external-sender"_s,
             tr("External sender: %1 is not an academy address.").arg(input.headers.from.address));
        const bool colleague = std::any_of(m_knownColleagues.cbegin(), m_knownColleagues.cend(),
                                           [&](const QString &known) { return folded.contains(known); });
        if (claimsAuthority || colleague) {
            warn(u"display-name-impersonation"_s,
                 tr("The name \"%1\" suggests the academy or a colleague, but the message comes from %2.")
                     .arg(name, input.headers.from.address));
        }
    }
    bool repliesLeaveTheAcademy = false;
    for (const MailAddress &replyTo : input.headers.replyTo) {
        const QString replyDomain = domainOf(replyTo.address);
        if (!replyDomain.isEmpty() && replyDomain != fromDomain &&
            (claimsAuthority || isTrustedDomain(fromDomain)) && !isTrustedDomain(replyDomain)) {
            repliesLeaveTheAcademy = true;
            warn(u"reply-to-mismatch"_s,
                 tr("Replies would go to %1, outside the academy, not to the sender.").arg(replyTo.address));
        }
    }

    // Links: from the HTML when there is some (with their visible text), else the bare URLs of
    // the plain text.
    const QList<Link> links = input.html.isEmpty() ? linksInText(input.text) : linksOf(input.html);
    bool linksLeaveTheAcademy = false;
    bool suspiciousLink = false;
    for (const Link &link : links) {
        const QUrl url(link.target);
        const QString host = url.host().toLower();
        if (host.isEmpty())
            continue;
        const bool trustedHost = isTrustedDomain(host);
        // Nobody can put a page under gouv.fr (cybermalveillance.gouv.fr in a password notice).
        linksLeaveTheAcademy = linksLeaveTheAcademy || (!trustedHost && !host.endsWith(u".gouv.fr"_s));
        const QString shown = hostShownIn(link.visibleText);
        // A link that shows one site and opens an academy site does no harm.
        if (!shown.isEmpty() && !trustedHost && !sameSite(shown, host)) {
            warn(u"deceptive-link"_s, tr("A link shows %1 but leads to %2.").arg(shown, host));
            suspiciousLink = true;
        }
        if (!QHostAddress(host).isNull()) {
            warn(u"ip-link"_s,
                 tr("A link leads to a bare network address (%1), as phishing links often do.").arg(host));
            suspiciousLink = true;
        }
        if (isUrlShortener(host)) {
            warn(u"shortened-link"_s,
                 tr("A link is shortened (%1): its real destination is hidden.").arg(host));
            suspiciousLink = true;
        }
        if (isLookalikeDomain(host)) {
            warn(u"lookalike-link"_s, tr("A link leads to %1, which imitates an academy site.").arg(host));
            suspiciousLink = true;
        }
    }
    static const QRegularExpression form(u"<form[\\s>/]"_s, QRegularExpression::CaseInsensitiveOption);
    const bool hasForm = form.match(input.html).hasMatch();
    if (hasForm)
        warn(u"form"_s, tr("The message contains a form: never type a password into a message."));

    // Requests, not mentions: a parent whose child lost a password is not phishing.
    static const QRegularExpression credentials(
        u"\\bnumen\\b|v[ée]rification (?:de |du )?(?:votre )?compte|"
        "(?:v[ée]rifi(?:er|ez)|confirm(?:er|ez)|valid(?:er|ez)|mett(?:re|ez) [àa] jour|actualis(?:er|ez)|"
        "saisi(?:r|ssez)|entr(?:er|ez)|communiqu(?:er|ez)|renseign(?:er|ez)|indiqu(?:er|ez)|"
        "fourni(?:r|ssez)|transmet(?:tre|tez)|r[ée]activ(?:er|ez)|d[ée]bloqu(?:er|ez)|conserv(?:er|ez))"
        "\\s+(?:\\S+\\s+){0,3}?(?:votre|vos)\\s+(?:mot de passe|identifiants?|numen|compte|"
        "informations? de connexion|coordonn[ée]es de connexion|acc[èe]s|messagerie|bo[iî]te)|"
        "votre (?:mot de passe|compte|messagerie|bo[iî]te(?: aux lettres| de messagerie)?)\\s+"
        "(?:va\\s+)?(?:(?:a\\s+[ée]t[ée]|sera(?:\\s+bient[ôo]t)?|est|a)\\s+)?(?:suspendu|bloqu[ée]|"
        "d[ée]sactiv[ée]|supprim[ée]|plein|satur[ée]|expir[ée]|expirer|expire|expirera|arrive [àa] "
        "expiration)|"
        "bo[iî]te (?:aux lettres |de messagerie |mail )?(?:est )?(?:pleine|satur[ée]e)|quota (?:de "
        "messagerie )?"
        "(?:est )?(?:atteint|d[ée]pass[ée])|"
        "verify your (?:account|identity|password|mailbox|email)|confirm your (?:account|identity|password|"
        "credentials|login)|(?:update|validate|enter|reset) your (?:password|credentials|login|account)|"
        "your (?:password|account|mailbox) (?:will expire|has expired|expires|is (?:suspended|locked|full)|"
        "will be (?:suspended|closed|deleted|deactivated))|login details|mailbox (?:is )?full"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    // The academy's own notices about passwords (a change reminder pointing at its own site)
    // are left alone; from outside, or with a way to send the password elsewhere, they warn.
    const bool couldCollect = external || lookalikeSender || repliesLeaveTheAcademy || linksLeaveTheAcademy ||
                              suspiciousLink || hasForm;
    if (couldCollect &&
        (credentials.match(input.headers.subject).hasMatch() || credentials.match(input.text).hasMatch())) {
        warn(u"credential-request"_s,
             tr("This message asks about your password or identifiers. The academy will "
                "never ask for your identifiers by e-mail."));
    }
    warnAboutAttachments(input, warnings);
    return warnings;
}

void PhishingAnalyzer::warnAboutAttachments(const Input &input, QList<MessageWarning> &warnings) const
{
    QStringList programs, disguised, deceptive, archives, webForms, webScripts, macros, locked;
    for (const AttachmentVerdict &verdict : input.attachments) {
        const QString name = u"« "_s + AttachmentName::visible(verdict.name) + u" »"_s;
        if (verdict.program)
            programs.append(name);
        if (verdict.disguised)
            disguised.append(name);
        if (verdict.deceptiveName)
            deceptive.append(name);
        if (!verdict.programMembers.isEmpty())
            archives.append(name + u" (« "_s + AttachmentName::visible(verdict.programMembers.constFirst()) +
                            u" »)"_s);
        if (verdict.webForm)
            webForms.append(name);
        if (verdict.webScript)
            webScripts.append(name);
        if (verdict.macros)
            macros.append(name);
        if (verdict.encryptedArchive)
            locked.append(name);
    }
    const auto warn = [&warnings](const QString &code, const QString &text) {
        warnings.append({code, text});
    };
    const QString separator = u", "_s;
    if (!programs.isEmpty())
        warn(u"attachment-program"_s,
             tr("%1: a program, a script, a shortcut or a disk image. Opening it could run it on this "
                "computer; AmiensMail does not open it.")
                 .arg(programs.join(separator)));
    if (!disguised.isEmpty())
        warn(u"attachment-disguised"_s,
             tr("%1 pretends to be a document but is a program.").arg(disguised.join(separator)));
    if (!deceptive.isEmpty())
        warn(u"attachment-deceptive-name"_s,
             tr("The name %1 holds invisible or look-alike characters that hide what the file really is.")
                 .arg(deceptive.join(separator)));
    if (!archives.isEmpty())
        warn(u"attachment-archive-program"_s,
             tr("The archive %1 holds a program or a script.").arg(archives.join(separator)));
    if (!webForms.isEmpty())
        warn(u"attachment-html-form"_s,
             tr("%1 is a web page with a form, as fake login pages are. Never type your password in a "
                "page received by e-mail.")
                 .arg(webForms.join(separator)));
    if (!webScripts.isEmpty())
        warn(u"attachment-html-script"_s,
             tr("%1 is a web page that runs a script or sends you to another site when opened.")
                 .arg(webScripts.join(separator)));
    if (!macros.isEmpty())
        warn(u"attachment-macros"_s,
             tr("%1 contains macros, programs that run once they are enabled. Do not enable them unless "
                "you expected this document from its author.")
                 .arg(macros.join(separator)));

    // Locking an archive and giving its key in the same message only hides it from virus checks.
    static const QRegularExpression password(
        uR"re((?:mot de passe|mdp|password|passwort|code(?: d'acc[èe]s| d'ouverture)?|cl[ée]))re"
        uR"re((?:\s+(?:de l'archive|du fichier|du zip|des fichiers|pour l'ouvrir|)re"
        uR"re(pour (?:ouvrir|d[ée]compresser|extraire))re"
        uR"re((?: (?:le|la|les) (?:fichiers?|archive|documents?|pi[èe]ces? jointes?))?))?)re"
        uR"re(\s*(?:(:|=)|\s(est|is)\s)\s*([«"“'‘]?)\s*([^\s«»"”'’]{3,40}))re"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression digit(u"\\d"_s);
    bool passwordGiven = false;
    if (!locked.isEmpty()) {
        auto matches = password.globalMatch(input.text);
        while (matches.hasNext() && !passwordGiven) {
            const auto match = matches.next();
            // "mot de passe : 2026" always; "le mot de passe est communiqué par SMS" is no password.
            passwordGiven = !match.captured(1).isEmpty() || !match.captured(3).isEmpty() ||
                            match.captured(4).contains(digit);
        }
    }
    if (passwordGiven)
        warn(u"attachment-encrypted-archive"_s,
             tr("The archive %1 is locked with a password given in the message itself: a way to get past "
                "virus checks.")
                 .arg(locked.join(separator)));

    static const QRegularExpression enableContent(
        u"activ(?:er|ez|e)\\s+(?:le contenu|les contenus|les macros|la modification|l'[ée]dition)|"
        "autoris(?:er|ez) les macros|enable (?:the )?(?:content|editing|macros)"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    if (enableContent.match(input.text).hasMatch() || enableContent.match(input.headers.subject).hasMatch())
        warn(u"enable-content-request"_s,
             tr("The message asks you to enable content or macros: that is how a booby-trapped document "
                "takes control of a computer."));
}

} // namespace Amiens
