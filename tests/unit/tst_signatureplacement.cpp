// Where the signature goes (issue 17: moved out of the composer): new mail, replies below or above
// the quote, another signature in place of the inserted one, never over text the user typed. No
// widgets: the edits are applied to plain strings, as the composer applies them to its document.
#include "account/Profile.h"
#include "compose/SignaturePlacement.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

const QString kMarie = u"mdupont@ac-amiens.fr"_s;
const QString kQuote = u"Le 3 juin 2025, Jean Martin a écrit :\n> On part jeudi.\n"_s;

SignatureStore signatures(const QString &profile, SignatureStore::Placement placement)
{
    SignatureStore store{Profile(profile)};
    SignatureStore::IdentitySignatures identity;
    identity.signatures = {
        {u"long"_s, u"Académique"_s, Signature::Format::PlainText, u"Marie Dupont\nCollège Jules Verne"_s},
        {u"short"_s, u"Courte"_s, Signature::Format::PlainText, u"M. D."_s}};
    identity.defaultForNew = u"long"_s;
    identity.defaultForReply = u"short"_s;
    identity.placement = placement;
    store.setForIdentity(kMarie, identity);
    return store;
}

/// What a plain-text editor shows after the edit, which is then reported back as the composer does.
QString apply(SignaturePlacement &placement, const QString &text, const QString &id)
{
    const SignaturePlacement::Edit edit = placement.change(text, id);
    QString result = text;
    result.remove(edit.removeAt, edit.removeLength);
    if (edit.signature) {
        const QString block = SignatureStore::plainTextBlock(*edit.signature);
        result.insert(edit.insertAt, edit.before + block + edit.after);
        placement.setInserted(block);
    }
    return result;
}

} // namespace

class TestSignaturePlacement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void newMailGetsItsDefaultAtTheEnd();
    void answersGetTheirsBelowOrAboveTheQuote();
    void anotherSignatureReplacesOnlyTheInsertedOne();
    void anEditedSignatureIsTheUsers();
    void aReopenedDraftKeepsItsSignature();
    void withoutStoreNothingIsPlaced();
    void wholeBlocksOnly_data();
    void wholeBlocksOnly();

private:
    QTemporaryDir m_dir;
};

void TestSignaturePlacement::newMailGetsItsDefaultAtTheEnd()
{
    SignaturePlacement placement(kMarie);
    placement.setStore(signatures(m_dir.path(), SignatureStore::Placement::AboveQuote));
    QCOMPARE(placement.defaultSignatureId().value_or(u"(none)"_s), u"long"_s);
    const SignaturePlacement::Edit edit = placement.change(QString(), u"long"_s);
    QVERIFY(edit.cursorToStart); // the writing starts above the signature
    QCOMPARE(apply(placement, QString(), u"long"_s), u"\n\n-- \nMarie Dupont\nCollège Jules Verne"_s);
    QCOMPARE(placement.currentId(), u"long"_s);
    QCOMPARE(placement.inserted(), u"-- \nMarie Dupont\nCollège Jules Verne"_s);
    // Typed text without a line break at its end gets an empty line before the signature.
    SignaturePlacement typed(kMarie);
    typed.setStore(signatures(m_dir.path(), SignatureStore::Placement::BelowQuote));
    QCOMPARE(apply(typed, u"Bonjour"_s, u"short"_s), u"Bonjour\n\n-- \nM. D."_s);
    QVERIFY(!typed.change(u"Bonjour"_s, QString()).cursorToStart);
}

void TestSignaturePlacement::answersGetTheirsBelowOrAboveTheQuote()
{
    const QString body = u"\n\n"_s + kQuote;
    SignaturePlacement below(kMarie);
    below.setStore(signatures(m_dir.path(), SignatureStore::Placement::BelowQuote));
    below.setAnswer(true);
    below.setQuote(kQuote);
    QCOMPARE(below.defaultSignatureId().value_or(u"(none)"_s), u"short"_s);
    QCOMPARE(apply(below, body, u"short"_s), body + u"\n-- \nM. D."_s);

    SignaturePlacement above(kMarie);
    above.setStore(signatures(m_dir.path(), SignatureStore::Placement::AboveQuote));
    above.setAnswer(true);
    above.setQuote(kQuote);
    const QString answered = apply(above, body, u"short"_s);
    QCOMPARE(answered, u"\n\n-- \nM. D.\n\n"_s + kQuote);
    // Another one goes where the first stood, still above the quote.
    QCOMPARE(apply(above, answered, u"long"_s), u"\n\n-- \nMarie Dupont\nCollège Jules Verne\n\n"_s + kQuote);

    // New mail never goes above a quote, even with the same words in it.
    SignaturePlacement fresh(kMarie);
    fresh.setStore(signatures(m_dir.path(), SignatureStore::Placement::AboveQuote));
    fresh.setQuote(kQuote);
    QCOMPARE(apply(fresh, body, u"short"_s), body + u"\n-- \nM. D."_s);
}

void TestSignaturePlacement::anotherSignatureReplacesOnlyTheInsertedOne()
{
    SignaturePlacement placement(kMarie);
    placement.setStore(signatures(m_dir.path(), SignatureStore::Placement::BelowQuote));
    QString text = apply(placement, QString(), u"long"_s);
    // The same words typed above the signature are the user's.
    text.prepend(u"Bonjour à tous,\nMarie Dupont\nCollège Jules Verne"_s);
    text = apply(placement, text, u"short"_s);
    QCOMPARE(text, u"Bonjour à tous,\nMarie Dupont\nCollège Jules Verne\n\n-- \nM. D."_s);
    // None: the signature goes with its line break, the rest stays.
    text = apply(placement, text, QString());
    QCOMPARE(text, u"Bonjour à tous,\nMarie Dupont\nCollège Jules Verne\n"_s);
    QVERIFY(placement.currentId().isEmpty());
    QVERIFY(placement.inserted().isEmpty());
    QCOMPARE(
        apply(placement, text, u"long"_s),
        u"Bonjour à tous,\nMarie Dupont\nCollège Jules Verne\n\n-- \nMarie Dupont\nCollège Jules Verne"_s);
    // An unknown id is none.
    QVERIFY(!placement.change(text, u"gone"_s).signature);
}

void TestSignaturePlacement::anEditedSignatureIsTheUsers()
{
    SignaturePlacement placement(kMarie);
    placement.setStore(signatures(m_dir.path(), SignatureStore::Placement::BelowQuote));
    QString text = apply(placement, u"Bonjour"_s, u"long"_s) + u" (CPE)"_s;
    const SignaturePlacement::Edit edit = placement.change(text, u"short"_s);
    QCOMPARE(edit.removeLength, 0);
    placement.setInserted(SignatureStore::plainTextBlock(*edit.signature));
    text.insert(edit.insertAt, edit.before + placement.inserted());
    QCOMPARE(text, u"Bonjour\n\n-- \nMarie Dupont\nCollège Jules Verne (CPE)\n\n-- \nM. D."_s);
}

void TestSignaturePlacement::aReopenedDraftKeepsItsSignature()
{
    SignaturePlacement placement(kMarie);
    placement.setStore(signatures(m_dir.path(), SignatureStore::Placement::BelowQuote));
    placement.restore(u"short"_s, u"-- \nM. D."_s);
    QCOMPARE(placement.currentId(), u"short"_s);
    QCOMPARE(apply(placement, u"Brouillon\n\n-- \nM. D."_s, u"long"_s),
             u"Brouillon\n\n-- \nMarie Dupont\nCollège Jules Verne"_s);
}

void TestSignaturePlacement::withoutStoreNothingIsPlaced()
{
    SignaturePlacement placement(kMarie);
    QVERIFY(!placement.defaultSignatureId());
    QVERIFY(placement.signatures().isEmpty());
    const SignaturePlacement::Edit edit = placement.change(u"Bonjour"_s, u"long"_s);
    QVERIFY(!edit.signature);
    QCOMPARE(edit.removeLength, 0);
    QVERIFY(placement.currentId().isEmpty());
    // Another identity's signatures are not offered.
    SignaturePlacement other(u"jmartin@ac-amiens.fr"_s);
    other.setStore(signatures(m_dir.path(), SignatureStore::Placement::BelowQuote));
    QVERIFY(other.signatures().isEmpty());
    QCOMPARE(other.defaultSignatureId().value_or(u"(none)"_s), QString());
}

void TestSignaturePlacement::wholeBlocksOnly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qsizetype>("found");
    QTest::newRow("alone") << u"-- \nM. D."_s << qsizetype(0);
    QTest::newRow("after text") << u"Bonjour\n\n-- \nM. D."_s << qsizetype(9);
    QTest::newRow("before the quote") << u"\n-- \nM. D.\n\n> x"_s << qsizetype(1);
    QTest::newRow("the last of two") << u"-- \nM. D.\n-- \nM. D."_s << qsizetype(10);
    QTest::newRow("typed after it") << u"-- \nM. D. (CPE)"_s << qsizetype(-1);
    QTest::newRow("typed before it") << u"Salut-- \nM. D."_s << qsizetype(-1);
    QTest::newRow("absent") << u"Bonjour"_s << qsizetype(-1);
}

void TestSignaturePlacement::wholeBlocksOnly()
{
    QFETCH(QString, text);
    QFETCH(qsizetype, found);
    QCOMPARE(SignaturePlacement::findWholeBlock(text, u"-- \nM. D."_s), found);
    QCOMPARE(SignaturePlacement::findWholeBlock(text, QString()), qsizetype(-1));
}

QTEST_GUILESS_MAIN(TestSignaturePlacement)
#include "tst_signatureplacement.moc"
