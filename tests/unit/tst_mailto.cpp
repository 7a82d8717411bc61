// mailto: links (RFC 6068) as other programs hand them to "amiens-mail mailto:…".
#include "compose/MailtoLink.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

class TestMailto : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notMailto();
    void addressOnly();
    void allFields();
    void percentEncodedUtf8AndPlus();
    void severalRecipients();
    void bodyLineBreaks();
    void subjectCannotAddHeaderLines();
    void attachmentsAndOtherHeadersIgnored();
    void emptyLinkOpensAnEmptyMessage();
};

void TestMailto::notMailto()
{
    QVERIFY(!MailtoLink::parse(u"https://ac-amiens.fr"_s));
    QVERIFY(!MailtoLink::parse(u"activate"_s));
    QVERIFY(!MailtoLink::parse(u"a@b.fr"_s));
    QVERIFY(MailtoLink::isMailto(u"MAILTO:a@b.fr"_s));
}

void TestMailto::addressOnly()
{
    const auto link = MailtoLink::parse(u"mailto:a@b.fr"_s);
    QVERIFY(link);
    QCOMPARE(link->to, QStringList{u"a@b.fr"_s});
    QVERIFY(link->cc.isEmpty());
    QVERIFY(link->subject.isEmpty());
    QVERIFY(link->body.isEmpty());
}

void TestMailto::allFields()
{
    const auto link = MailtoLink::parse(
        u"mailto:a@b.fr?subject=Conseil%20de%20classe&body=Bonjour&cc=c@d.fr&bcc=e@f.fr&In-Reply-To=%3Cx@y%3E"_s);
    QVERIFY(link);
    QCOMPARE(link->to, QStringList{u"a@b.fr"_s});
    QCOMPARE(link->cc, QStringList{u"c@d.fr"_s});
    QCOMPARE(link->bcc, QStringList{u"e@f.fr"_s});
    QCOMPARE(link->subject, u"Conseil de classe"_s);
    QCOMPARE(link->body, u"Bonjour"_s);
    QCOMPARE(link->inReplyTo, u"<x@y>"_s);
}

void TestMailto::percentEncodedUtf8AndPlus()
{
    // RFC 6068 §5: percent-encoded UTF-8; "+" is a literal plus sign (unlike HTML forms).
    const auto link =
        MailtoLink::parse(u"mailto:marie%2Bdsden@ac-amiens.fr?subject=R%C3%A9union+%C3%A9quipe"_s);
    QVERIFY(link);
    QCOMPARE(link->to, QStringList{u"marie+dsden@ac-amiens.fr"_s});
    QCOMPARE(link->subject, u"Réunion+équipe"_s);
}

void TestMailto::severalRecipients()
{
    const auto link = MailtoLink::parse(u"mailto:a@b.fr,%20c@d.fr?to=e@f.fr&cc=g@h.fr,i@j.fr&cc=k@l.fr"_s);
    QVERIFY(link);
    QCOMPARE(link->to, (QStringList{u"a@b.fr"_s, u"c@d.fr"_s, u"e@f.fr"_s}));
    QCOMPARE(link->cc, (QStringList{u"g@h.fr"_s, u"i@j.fr"_s, u"k@l.fr"_s}));
}

void TestMailto::bodyLineBreaks()
{
    const auto link = MailtoLink::parse(u"mailto:a@b.fr?body=Bonjour%2C%0D%0A%0D%0ACordialement%0Aeux"_s);
    QVERIFY(link);
    QCOMPARE(link->body, u"Bonjour,\n\nCordialement\neux"_s);
}

void TestMailto::subjectCannotAddHeaderLines()
{
    const auto link = MailtoLink::parse(u"mailto:a@b.fr?subject=Hello%0D%0ABcc:%20spy@evil.example"_s);
    QVERIFY(link);
    QVERIFY(!link->subject.contains(u'\n'));
    QVERIFY(!link->subject.contains(u'\r'));
    QVERIFY(link->bcc.isEmpty());
}

void TestMailto::attachmentsAndOtherHeadersIgnored()
{
    const auto link =
        MailtoLink::parse(u"mailto:a@b.fr?attach=/etc/passwd&attachment=file:///home/x/.ssh/id_rsa&from=boss@"
                          "ac-amiens.fr&subject=S&subject=Second&body=B&body=Other#fragment"_s);
    QVERIFY(link);
    QCOMPARE(link->to, QStringList{u"a@b.fr"_s});
    // The first subject and body win; the fragment is not part of the body.
    QCOMPARE(link->subject, u"S"_s);
    QCOMPARE(link->body, u"B"_s);
}

void TestMailto::emptyLinkOpensAnEmptyMessage()
{
    const auto link = MailtoLink::parse(u"mailto:"_s);
    QVERIFY(link);
    QVERIFY(link->to.isEmpty());
    QVERIFY(link->subject.isEmpty());
}

QTEST_GUILESS_MAIN(TestMailto)
#include "tst_mailto.moc"
