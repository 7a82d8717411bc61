// Our Sieve block: building it, putting it into a user's script without touching anything else,
// and reading the settings back (ours, Roundcube's and KMail's shapes).
#include "sieve/SieveParser.h"
#include "sieve/SieveScriptBuilder.h"
#include "sieve/SieveScriptEditor.h"
#include "sieve/SieveScriptReader.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using Source = SieveScriptReader::Source;

namespace {

const QTimeZone kParis("Europe/Paris");

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(AMIENS_SOURCE_DIR "/tests/data/sieve/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

VacationSettings holidays()
{
    VacationSettings vacation;
    vacation.enabled = true;
    vacation.timeZone = kParis;
    // Across the end of summer time (25 October 2026): each bound keeps its own offset.
    vacation.start = QDateTime(QDate(2026, 10, 17), QTime(12, 0), kParis);
    vacation.end = QDateTime(QDate(2026, 11, 1), QTime(23, 59), kParis);
    vacation.subject = u"Absente : congés d'automne « Toussaint » \"vraiment\" \\ fin"_s;
    vacation.message = u"Bonjour,\n\nJe suis absente jusqu'au 2 novembre.\n.\n..deux points\n"
                       u"Pour une urgence : « secrétariat » au 03 22 82 38 23.\n\"Cordialement\" \\ Marie"_s;
    vacation.days = 3;
    vacation.addresses = {u"marie.dupont@ac-amiens.fr"_s, u"mdupont@ac-amiens.fr"_s};
    vacation.academyOnly = true;
    vacation.academyDomains = {u"ac-amiens.fr"_s, u"education.gouv.fr"_s};
    return vacation;
}

/// The script with our block cut out.
QByteArray withoutBlock(const QByteArray &script)
{
    QString error;
    const auto span = SieveScriptEditor::findBlock(script, &error);
    if (!span)
        return script;
    return script.left(span->begin) + script.mid(span->end);
}

} // namespace

class TestSieveScript : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotingAndDotStuffing();
    void blockShape();
    void roundTripEnabled();
    void roundTripDisabledKeepsTheText();
    void roundTripWithoutDates();
    void forwardingRoundTrip_data();
    void forwardingRoundTrip();
    void userScriptKeptByteForByte();
    void crlfScriptKeepsItsLineEndings();
    void requireMerging();
    void scriptWithoutRequire();
    void emptySettingsRemoveTheBlock();
    void damagedBlockIsRefused();
    void unparsableScriptIsRefused();
    void readsRoundcubeVacation();
    void readsDisabledRoundcubeVacation();
    void readsKMailVacation();
    void ownBlockWinsOverForeignVacation();
    void parserCornerCases();
    void userRulesOnTheMarkerLinesAreKept();
    void variablesDoNotExpandTheUserTexts();
    void withoutVariablesTheTextsAreWrittenAsTyped();
};

void TestSieveScript::quotingAndDotStuffing()
{
    QCOMPARE(SieveScriptBuilder::quotedString(u"a \"b\" \\ c"_s), QByteArray(R"("a \"b\" \\ c")"));
    QCOMPARE(SieveScriptBuilder::quotedString(u"ligne 1\r\nligne 2"_s), QByteArray("\"ligne 1 ligne 2\""));
    QCOMPARE(SieveScriptBuilder::quotedString(u"été"_s), QByteArray("\"\xc3\xa9t\xc3\xa9\""));
    QCOMPARE(SieveScriptBuilder::multiLineString(u"a\n.\n..b\n.c\n\"q\" \\"_s, "\n"),
             QByteArray("text:\na\n..\n...b\n..c\n\"q\" \\\n.\n"));
    QCOMPARE(SieveScriptBuilder::stringList({u"a"_s, u"b\"c"_s}), QByteArray(R"(["a", "b\"c"])"));
}

void TestSieveScript::blockShape()
{
    const QByteArray block = SieveScriptBuilder::buildBlock(holidays(), ForwardSettings(), {}, "\n");
    const QByteArray expected = fixture(u"expected-block.sieve"_s);
    if (block != expected)
        qWarning("generated block:\n%s", block.constData());
    QCOMPARE(block, expected);
    QVERIFY(SieveParser::parse(block));
}

void TestSieveScript::roundTripEnabled()
{
    const VacationSettings vacation = holidays();
    const QByteArray script = SieveScriptBuilder::buildScript(vacation, ForwardSettings());
    const auto read = SieveScriptReader::read(script, QTimeZone::utc());
    QCOMPARE(read.vacationSource, Source::AmiensMail);
    QVERIFY(!read.hasForeignVacation);
    QCOMPARE(read.vacation.timeZone, kParis);
    QCOMPARE(read.vacation.start, vacation.start);
    QCOMPARE(read.vacation.end, vacation.end);
    QCOMPARE(read.vacation.start.toTimeZone(kParis).time(), QTime(12, 0));
    QCOMPARE(read.vacation.subject, vacation.subject);
    QCOMPARE(read.vacation.message, vacation.message);
    QCOMPARE(read.vacation, vacation);
}

void TestSieveScript::roundTripDisabledKeepsTheText()
{
    VacationSettings vacation = holidays();
    vacation.enabled = false;
    const QByteArray script = SieveScriptBuilder::buildScript(vacation, ForwardSettings());
    QVERIFY(script.contains("if allof (false,"));
    auto read = SieveScriptReader::read(script, kParis);
    QCOMPARE(read.vacation, vacation);
    // And on again: the same settings as before it was turned off.
    read.vacation.enabled = true;
    QCOMPARE(read.vacation, holidays());
}

void TestSieveScript::roundTripWithoutDates()
{
    VacationSettings vacation;
    vacation.enabled = true;
    vacation.timeZone = kParis;
    vacation.message = u"Absente."_s;
    const QByteArray script = SieveScriptBuilder::buildScript(vacation, ForwardSettings());
    QVERIFY(!script.contains("currentdate"));
    QVERIFY(script.contains("require [\"vacation\"];"));
    QCOMPARE(SieveScriptReader::read(script, kParis).vacation, vacation);
}

void TestSieveScript::forwardingRoundTrip_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("keepCopy");
    QTest::newRow("copy") << true << true;
    QTest::newRow("no copy") << true << false;
    QTest::newRow("off") << false << true;
}

void TestSieveScript::forwardingRoundTrip()
{
    QFETCH(bool, enabled);
    QFETCH(bool, keepCopy);
    const ForwardSettings forward{enabled, u"marie.dupont@exemple.fr"_s, keepCopy};
    const QByteArray script = SieveScriptBuilder::buildScript(VacationSettings(), forward);
    QCOMPARE(script.contains("require [\"copy\"];"), keepCopy);
    QCOMPARE(script.contains("redirect :copy"), keepCopy);
    const auto read = SieveScriptReader::read(script, kParis);
    QCOMPARE(read.forward, forward);
    QCOMPARE(read.vacationSource, Source::None);
}

void TestSieveScript::userScriptKeptByteForByte()
{
    const QByteArray user = fixture(u"user-rules.sieve"_s);
    QString error;
    const auto edited = SieveScriptEditor::apply(user, holidays(), ForwardSettings(), &error);
    QVERIFY2(edited, qPrintable(error));
    QCOMPARE(withoutBlock(*edited), user);
    // The block comes right after the user's require line, before the first rule.
    QVERIFY(edited->startsWith(
        QByteArray(user.left(user.indexOf("\n\n# Les listes") + 1) + "# BEGIN AmiensMail rules")));
    QVERIFY(SieveParser::parse(*edited, &error));

    // Changing the settings replaces only our block; turning everything off gives the original back.
    VacationSettings changed = holidays();
    changed.subject = u"Autre sujet"_s;
    const auto again = SieveScriptEditor::apply(*edited, changed, ForwardSettings(), &error);
    QVERIFY(again);
    QCOMPARE(withoutBlock(*again), user);
    QCOMPARE(SieveScriptReader::read(*again, kParis).vacation, changed);
    QCOMPARE(again->count("# BEGIN AmiensMail rules"), 1);
    const auto removed = SieveScriptEditor::removeBlock(*again, &error);
    QVERIFY(removed);
    QCOMPARE(*removed, user);

    // The user's rules are still read as not ours.
    const auto read = SieveScriptReader::read(*edited, kParis);
    QCOMPARE(read.vacationSource, Source::AmiensMail);
    QVERIFY(!read.hasForeignVacation);
}

void TestSieveScript::crlfScriptKeepsItsLineEndings()
{
    QByteArray user = fixture(u"user-rules.sieve"_s);
    user.replace("\n", "\r\n");
    QString error;
    const auto edited =
        SieveScriptEditor::apply(user, holidays(), ForwardSettings{true, u"a@b.fr"_s, true}, &error);
    QVERIFY(edited);
    QCOMPARE(withoutBlock(*edited), user);
    QCOMPARE(edited->count('\n'), edited->count("\r\n"));
    QCOMPARE(SieveScriptReader::read(*edited, kParis).vacation, holidays());
}

void TestSieveScript::requireMerging()
{
    const QByteArray user = "require [\"fileinto\", \"date\", \"copy\"];\nfileinto \"INBOX\";\n";
    QString error;
    const auto edited =
        SieveScriptEditor::apply(user, holidays(), ForwardSettings{true, u"a@b.fr"_s, true}, &error);
    QVERIFY(edited);
    // Only what the user's require lacks is required by our block; the user's line is untouched.
    QVERIFY2(edited->contains("\nrequire [\"vacation\", \"relational\"];\n"), edited->constData());
    const auto parsed = SieveParser::parse(*edited);
    QVERIFY(parsed);
    QStringList all = parsed->leadingRequires();
    all.sort();
    QCOMPARE(all, (QStringList{u"copy"_s, u"date"_s, u"fileinto"_s, u"relational"_s, u"vacation"_s}));

    // Everything already required: no require of ours at all.
    const QByteArray full = "require [\"vacation\", \"date\", \"relational\"];\n";
    const auto second = SieveScriptEditor::apply(full, holidays(), ForwardSettings(), &error);
    QVERIFY(second);
    QCOMPARE(second->count("require"), 1);
    // A single-string require counts too.
    const auto third =
        SieveScriptEditor::apply("require \"vacation\";\n", holidays(), ForwardSettings(), &error);
    QVERIFY(third->contains("require [\"date\", \"relational\"];"));
}

void TestSieveScript::scriptWithoutRequire()
{
    const QByteArray user = "# rien\nkeep;\n";
    QString error;
    const auto edited = SieveScriptEditor::apply(user, holidays(), ForwardSettings(), &error);
    QVERIFY(edited);
    QVERIFY(edited->startsWith("# BEGIN AmiensMail rules"));
    QVERIFY(edited->endsWith(user));
    // An empty script becomes our block alone.
    const auto fresh = SieveScriptEditor::apply({}, holidays(), ForwardSettings(), &error);
    QCOMPARE(*fresh, SieveScriptBuilder::buildScript(holidays(), ForwardSettings()));
}

void TestSieveScript::emptySettingsRemoveTheBlock()
{
    QVERIFY(SieveScriptBuilder::buildScript(VacationSettings(), ForwardSettings()).isEmpty());
    QString error;
    const auto edited = SieveScriptEditor::apply("keep;\n", VacationSettings(), ForwardSettings(), &error);
    QCOMPARE(*edited, QByteArray("keep;\n"));
}

void TestSieveScript::damagedBlockIsRefused()
{
    QByteArray script = SieveScriptBuilder::buildScript(holidays(), ForwardSettings());
    script.replace("# END AmiensMail rules", "# fin");
    QString error;
    QVERIFY(!SieveScriptEditor::apply(script, holidays(), ForwardSettings(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(SieveScriptReader::read(script, kParis).blockDamaged);
}

void TestSieveScript::unparsableScriptIsRefused()
{
    QString error;
    QVERIFY(!SieveScriptEditor::apply("if true { keep;\n", holidays(), ForwardSettings(), &error));
    QVERIFY2(error.contains(u"line"_s), qPrintable(error));
    QVERIFY(!SieveScriptEditor::apply("text:\nnever ends\n", holidays(), ForwardSettings(), &error));
}

void TestSieveScript::readsRoundcubeVacation()
{
    const auto read = SieveScriptReader::read(fixture(u"roundcube-vacation.sieve"_s), kParis);
    QCOMPARE(read.vacationSource, Source::Roundcube);
    QVERIFY(read.hasForeignVacation);
    QVERIFY(read.vacation.enabled);
    QCOMPARE(read.vacation.start, QDateTime(QDate(2026, 7, 6), QTime(0, 0), kParis));
    QCOMPARE(read.vacation.end, QDateTime(QDate(2026, 8, 28), QTime(23, 59, 59), kParis));
    QCOMPARE(read.vacation.days, 3);
    QCOMPARE(read.vacation.subject, u"Absente jusqu'au 28 août"_s);
    QCOMPARE(read.vacation.message, u"Bonjour,\nje suis absente."_s);
    QCOMPARE(read.vacation.addresses,
             (QStringList{u"marie.dupont@ac-amiens.fr"_s, u"mdupont@ac-amiens.fr"_s}));
    QVERIFY(!read.vacation.academyOnly);
}

void TestSieveScript::readsDisabledRoundcubeVacation()
{
    const auto read = SieveScriptReader::read(fixture(u"roundcube-vacation-off.sieve"_s), kParis);
    QCOMPARE(read.vacationSource, Source::Roundcube);
    QVERIFY(!read.vacation.enabled);
    // The period survives in the comment Roundcube leaves after "if false".
    QCOMPARE(read.vacation.start, QDateTime(QDate(2026, 7, 6), QTime(8, 0), kParis));
    QCOMPARE(read.vacation.end, QDateTime(QDate(2026, 8, 28), QTime(23, 59, 59), kParis));
    QCOMPARE(read.vacation.message, u"Je suis absente."_s);
}

void TestSieveScript::readsKMailVacation()
{
    const auto read = SieveScriptReader::read(fixture(u"kmail-vacation.sieve"_s), kParis);
    QCOMPARE(read.vacationSource, Source::OtherClient);
    QVERIFY(read.vacation.enabled);
    // No :zone: the server's time, read in the user's zone.
    QCOMPARE(read.vacation.start, QDateTime(QDate(2026, 7, 1), QTime(0, 0), kParis));
    QCOMPARE(read.vacation.end, QDateTime(QDate(2026, 8, 31), QTime(23, 59, 59), kParis));
    QCOMPARE(read.vacation.subject, u"Absent jusqu'au 31/08"_s);
    QCOMPARE(read.vacation.message, u"Je suis absente.\n.Point."_s);
    QVERIFY(read.vacation.academyOnly);
    QCOMPARE(read.vacation.academyDomains, QStringList{u"ac-amiens.fr"_s});
    QCOMPARE(read.vacation.days, 7);
}

void TestSieveScript::ownBlockWinsOverForeignVacation()
{
    QString error;
    const auto edited = SieveScriptEditor::apply(fixture(u"roundcube-vacation.sieve"_s), holidays(),
                                                 ForwardSettings(), &error);
    QVERIFY(edited);
    const auto read = SieveScriptReader::read(*edited, kParis);
    QCOMPARE(read.vacationSource, Source::AmiensMail);
    QVERIFY(read.hasForeignVacation);
    QCOMPARE(read.vacation, holidays());
}

void TestSieveScript::parserCornerCases()
{
    QString error;
    const auto parsed =
        SieveParser::parse("require [\"a\",\"b\"];/* c */if anyof(not exists \"x\", size :over 10K)"
                           "{ redirect \"\\q\\\"x\"; } elsif true { discard; } else { keep; }\r\n",
                           &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->commands.size(), 4);
    QCOMPARE(parsed->commands[1].tests.first().tests[1].arguments.last().number, 10 * 1024);
    QCOMPARE(parsed->commands[1].block.first().arguments.first().strings.first(), u"q\"x"_s);
    QCOMPARE(parsed->comments.first().text, u" c "_s);
    QVERIFY(!SieveParser::parse("keep", &error));
    QVERIFY(!SieveParser::parse("if true { keep; } }", &error));
    QVERIFY(!SieveParser::parse("redirect [\"a\" \"b\"];", &error));
    QVERIFY(!SieveParser::parse(QByteArray(200, '{'), &error));
}

void TestSieveScript::userRulesOnTheMarkerLinesAreKept()
{
    // The user (or another tool) wrote a rule before our BEGIN marker, on its line, and one after
    // our END marker written as a bracket comment: both are theirs and must survive every save.
    // Everything is required up front, so our block has no require that "keep;" would precede.
    const QByteArray require = "require [\"fileinto\", \"vacation\", \"date\", \"relational\"];\r\n";
    QString error;
    const auto edited =
        SieveScriptEditor::apply(QByteArray(require + "stop;\r\n"), holidays(), ForwardSettings(), &error);
    QVERIFY2(edited, qPrintable(error));
    QByteArray script = *edited;
    script.replace("\r\n# BEGIN AmiensMail rules", "\r\nkeep; # BEGIN AmiensMail rules");
    script.replace("# END AmiensMail rules\r\n", "/* END AmiensMail rules */ fileinto \"Suivi\";\r\n");
    QVERIFY(SieveParser::parse(script, &error));
    QCOMPARE(SieveScriptReader::read(script, kParis).vacation, holidays());

    VacationSettings changed = holidays();
    changed.message = u"Autre message"_s;
    const auto saved = SieveScriptEditor::apply(script, changed, ForwardSettings(), &error);
    QVERIFY2(saved, qPrintable(error));
    QVERIFY2(saved->startsWith(QByteArray(require + "keep; \r\n# BEGIN AmiensMail rules")),
             saved->constData());
    QVERIFY2(saved->endsWith("# END AmiensMail rules\r\n fileinto \"Suivi\";\r\nstop;\r\n"),
             saved->constData());
    QVERIFY(SieveParser::parse(*saved, &error));
    QCOMPARE(saved->count("AmiensMail rules"), 2);
    QCOMPARE(SieveScriptReader::read(*saved, kParis).vacation, changed);

    // Removing our block leaves exactly the user's part of the lines.
    const auto removed = SieveScriptEditor::removeBlock(script, &error);
    QVERIFY2(removed, qPrintable(error));
    QCOMPARE(*removed, QByteArray(require + "keep;  fileinto \"Suivi\";\r\nstop;\r\n"));
    QVERIFY(SieveParser::parse(*removed, &error));

    // A marker alone on its line (with spaces around) still takes its whole line, as before.
    QByteArray indented = *edited;
    indented.replace("# BEGIN AmiensMail rules", "  # BEGIN AmiensMail rules");
    indented.replace("# END AmiensMail rules\r\n", "# END AmiensMail rules  \r\n");
    QCOMPARE(*SieveScriptEditor::removeBlock(indented, &error), QByteArray(require + "stop;\r\n"));
}

void TestSieveScript::variablesDoNotExpandTheUserTexts()
{
    // Under RFC 5229 the server expands "${…}" in every string: the user's own "${prenom}" would
    // become "Jean" or nothing, and "${a.b}" (an unknown namespace) would break the script.
    const QByteArray require = "require [\"variables\", \"fileinto\"];\n";
    const QByteArray rules =
        "set \"prenom\" \"Jean\";\nif header :matches \"subject\" \"*\" { set \"sujet\" \"${1}\"; }\n";
    const QByteArray user = require + rules;
    VacationSettings vacation;
    vacation.enabled = true;
    vacation.timeZone = kParis;
    vacation.subject = u"Re: ${sujet} ${"_s;
    vacation.message = u"Merci ${prenom},\ncoût : ${montant} € ; $5 ; ${a.b} ; ${amiensmail_dollar}}"_s;
    vacation.days = 2;
    const ForwardSettings forward{false, u"x${y}@ac-amiens.fr"_s, true};
    QString error;
    const auto edited = SieveScriptEditor::apply(user, vacation, forward, &error);
    QVERIFY2(edited, qPrintable(error));
    const QByteArray expected =
        require +
        "# BEGIN AmiensMail rules (out-of-office, forwarding): written by AmiensMail, "
        "edit them in AmiensMail\n"
        "require [\"vacation\", \"copy\"];\n"
        "set \"amiensmail_dollar\" \"$\";\n"
        "# time zone: Europe/Paris\n"
        "if allof (not header :is \"precedence\" [\"bulk\", \"list\", \"junk\"],\n"
        "          not exists \"list-id\",\n"
        "          anyof (not exists \"auto-submitted\", header :is \"auto-submitted\" \"no\"),\n"
        "          not address :localpart :matches \"from\" [\"*noreply*\", \"*no-reply*\", "
        "\"mailer-daemon\"])\n"
        "{\n"
        "    vacation :days 2 :subject \"Re: ${amiensmail_dollar}{sujet} ${amiensmail_dollar}{\" text:\n"
        "Merci ${amiensmail_dollar}{prenom},\n"
        "co\xc3\xbbt : ${amiensmail_dollar}{montant} \xe2\x82\xac ; $5 ; ${amiensmail_dollar}{a.b} ; "
        "${amiensmail_dollar}{amiensmail_dollar}}\n"
        ".\n"
        "    ;\n"
        "}\n"
        "if false\n"
        "{\n"
        "    redirect :copy \"x${amiensmail_dollar}{y}@ac-amiens.fr\";\n"
        "}\n"
        "# END AmiensMail rules\n" +
        rules;
    if (*edited != expected)
        qWarning("generated script:\n%s", edited->constData());
    QCOMPARE(*edited, expected);

    // Read back, the texts are the user's, exactly; saved again, the script does not change.
    const auto read = SieveScriptReader::read(*edited, kParis);
    QCOMPARE(read.vacationSource, Source::AmiensMail);
    QCOMPARE(read.vacation, vacation);
    QCOMPARE(read.forward, forward);
    QCOMPARE(*SieveScriptEditor::apply(*edited, read.vacation, read.forward, &error), expected);
    QCOMPARE(*SieveScriptEditor::removeBlock(*edited, &error), user);
}

void TestSieveScript::withoutVariablesTheTextsAreWrittenAsTyped()
{
    VacationSettings vacation = holidays();
    vacation.message = u"Merci ${prenom}, coût : ${montant}"_s;
    QString error;
    // No "variables": "${" means nothing to the server, and the block is what it always was.
    const QByteArray user = "require [\"fileinto\"];\n";
    const auto edited = SieveScriptEditor::apply(user, vacation, ForwardSettings(), &error);
    QVERIFY(edited);
    QCOMPARE(*edited, QByteArray(user + SieveScriptBuilder::buildBlock(vacation, ForwardSettings(),
                                                                       {u"fileinto"_s}, "\n")));
    QVERIFY(edited->contains("Merci ${prenom}, co\xc3\xbbt : ${montant}\n"));
    QVERIFY(!edited->contains("amiensmail_dollar"));
    QCOMPARE(SieveScriptReader::read(*edited, kParis).vacation, vacation);

    // "variables" but no "${" in any text: the same block as without variables.
    const QByteArray withVariables = "require [\"fileinto\", \"variables\"];\n";
    const auto plain = SieveScriptEditor::apply(withVariables, holidays(), ForwardSettings(), &error);
    QCOMPARE(*plain, QByteArray(withVariables +
                                SieveScriptBuilder::buildBlock(holidays(), ForwardSettings(), {}, "\n")));
    QCOMPARE(SieveScriptReader::read(*plain, kParis).vacation, holidays());
}

QTEST_GUILESS_MAIN(TestSieveScript)
#include "tst_sievescript.moc"
