// The draft's life cycle (issue 17: moved out of the composer), without widgets: saved only when
// the message changed, by the autosave too, reopened as the same draft, kept or deleted on closing,
// deleted once sent. The "fields" are two strings here, as the composer's are its widgets.
#include "drafts/DraftSession.h"
#include "drafts/DraftStore.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Amiens;
using namespace std::chrono_literals;

namespace {

const QString kMarie = u"mdupont@ac-amiens.fr"_s;

/// What a composer would show: a subject and a text.
struct Fields
{
    QString subject;
    QString text;

    [[nodiscard]] QByteArray fingerprint() const { return (subject + u'\x1f' + text).toUtf8(); }
    [[nodiscard]] Draft draft() const
    {
        Draft draft;
        draft.toText = u"jean.martin@ac-amiens.fr"_s;
        draft.message.subject = subject;
        draft.message.plainText = text;
        return draft;
    }
};

std::unique_ptr<DraftSession> sessionOver(const Fields &fields)
{
    return std::make_unique<DraftSession>(
        kMarie, [&fields] { return fields.fingerprint(); }, [&fields] { return fields.draft(); });
}

} // namespace

class TestDraftSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void savesOnlyWhatChanged();
    void autosaveSavesChanges();
    void autosaveReportsADiskError();
    void reopenedDraftStaysTheSame();
    void closingAsksOnlyWhenSomethingIsUnsaved();
    void keepingAndDiscardingOnClose();
    void sendingDeletesTheDraft();
    void saveNowCountsAsUnchanged();
    void withoutDirectoryNothingIsWritten();
};

void TestDraftSession::savesOnlyWhatChanged()
{
    QTemporaryDir dir;
    const QString drafts = dir.filePath(u"drafts"_s);
    Fields fields;
    auto session = sessionOver(fields);
    session->setDirectory(drafts);
    session->markPristine();
    QSignalSpy saved(session.get(), &DraftSession::saved);
    QVERIFY(session->save());
    QCOMPARE(saved.size(), 0); // nothing written yet: nothing to save
    QVERIFY(!QFile::exists(drafts));

    fields.subject = u"Conseil de classe"_s;
    QVERIFY(session->save());
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.last().at(0).toString(), session->draftId());
    QVERIFY(!saved.last().at(1).toBool());
    auto onDisk = DraftStore(drafts).load(session->draftId());
    QVERIFY(onDisk);
    QCOMPARE(onDisk->revision, 1);
    QCOMPARE(onDisk->message.subject, u"Conseil de classe"_s);
    QCOMPARE(onDisk->toText, u"jean.martin@ac-amiens.fr"_s);
    QVERIFY(!onDisk->message.messageId.isEmpty());
    QVERIFY(onDisk->message.messageId.endsWith(u"@ac-amiens.fr"_s));

    QVERIFY(session->save());
    QCOMPARE(saved.size(), 1);
    fields.text = u"Bonjour,\nvoici l'ordre du jour."_s;
    QVERIFY(session->save());
    QCOMPARE(saved.size(), 2);
    onDisk = DraftStore(drafts).load(session->draftId());
    QCOMPARE(onDisk->revision, 2);
    QCOMPARE(onDisk->message.plainText, fields.text);
    // The Message-ID of the server copy stays the same across saves.
    QCOMPARE(session->draft().message.messageId, onDisk->message.messageId);
    QCOMPARE(session->draft().revision, 2);
}

void TestDraftSession::autosaveSavesChanges()
{
    QTemporaryDir dir;
    Fields fields;
    auto session = sessionOver(fields);
    session->setDirectory(dir.filePath(u"drafts"_s));
    session->markPristine();
    session->setAutosaveInterval(20ms);
    QSignalSpy saved(session.get(), &DraftSession::saved);
    fields.subject = u"Sortie scolaire"_s;
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000);
    QCOMPARE(DraftStore(dir.filePath(u"drafts"_s)).load(session->draftId())->message.subject,
             u"Sortie scolaire"_s);
    fields.text = u"Départ 8 h"_s;
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, 5000);
    QCOMPARE(DraftStore(dir.filePath(u"drafts"_s)).load(session->draftId())->revision, 2);
}

void TestDraftSession::autosaveReportsADiskError()
{
    QTemporaryDir dir;
    // A file where the drafts directory should be: nothing can be written under it.
    QFile blocker(dir.filePath(u"drafts"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    Fields fields;
    auto session = sessionOver(fields);
    session->setDirectory(dir.filePath(u"drafts/under-a-file"_s));
    session->markPristine();
    session->setAutosaveInterval(20ms);
    QSignalSpy failed(session.get(), &DraftSession::autosaveFailed);
    fields.subject = u"Perdu ?"_s;
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 5000);
    QVERIFY(!failed.first().at(0).toString().isEmpty());
    QVERIFY(!session->isOnDisk());
    QString error;
    QVERIFY(!session->save(&error));
    QVERIFY(!error.isEmpty());
}

void TestDraftSession::reopenedDraftStaysTheSame()
{
    QTemporaryDir dir;
    const QString drafts = dir.filePath(u"drafts"_s);
    Fields first;
    auto writing = sessionOver(first);
    writing->setDirectory(drafts);
    writing->markPristine();
    first.subject = u"Réunion"_s;
    QVERIFY(writing->save());
    const QString id = writing->draftId();
    const QString messageId = writing->draft().message.messageId;
    writing.reset();

    const auto stored = DraftStore(drafts).load(id);
    QVERIFY(stored);
    Fields second{stored->message.subject, stored->message.plainText};
    auto reopened = sessionOver(second);
    reopened->setDirectory(drafts);
    QVERIFY(reopened->draftId() != id);
    reopened->reopen(*stored);
    QCOMPARE(reopened->draftId(), id);
    QCOMPARE(reopened->draft().message.messageId, messageId);
    QVERIFY(reopened->isOnDisk());
    QVERIFY(!reopened->hasUnsavedContent());
    QVERIFY(!reopened->needsDecisionOnClose());
    QSignalSpy saved(reopened.get(), &DraftSession::saved);
    QVERIFY(reopened->save());
    QCOMPARE(saved.size(), 0);
    second.text = u"Ordre du jour"_s;
    QVERIFY(reopened->save());
    QCOMPARE(saved.size(), 1);
    QCOMPARE(DraftStore(drafts).load(id)->revision, 2);
    QCOMPARE(DraftStore(drafts).drafts().size(), 1);
}

void TestDraftSession::closingAsksOnlyWhenSomethingIsUnsaved()
{
    QTemporaryDir dir;
    Fields fields;
    auto session = sessionOver(fields);
    session->setDirectory(dir.filePath(u"drafts"_s));
    session->markPristine();
    QVERIFY(!session->needsDecisionOnClose());
    fields.subject = u"Brouillon"_s;
    QVERIFY(session->hasUnsavedContent());
    QVERIFY(session->needsDecisionOnClose());
    // Saved, then unchanged since the start: still something the user may want to keep or not.
    QVERIFY(session->save());
    QVERIFY(session->needsDecisionOnClose());
    fields.subject.clear();
    QVERIFY(!session->needsDecisionOnClose());
}

void TestDraftSession::keepingAndDiscardingOnClose()
{
    QTemporaryDir dir;
    const QString drafts = dir.filePath(u"drafts"_s);
    Fields fields;
    auto session = sessionOver(fields);
    session->setDirectory(drafts);
    session->markPristine();
    fields.subject = u"À garder"_s;
    QSignalSpy saved(session.get(), &DraftSession::saved);
    QVERIFY(session->keep());
    QCOMPARE(saved.size(), 2); // written, then "closing": the server copy is due now
    QVERIFY(saved.last().at(1).toBool());
    QVERIFY(session->isFinished());
    QVERIFY(!session->needsDecisionOnClose());
    QCOMPARE(DraftStore(drafts).load(session->draftId())->message.subject, u"À garder"_s);

    Fields other{u"À jeter"_s, {}};
    auto thrown = sessionOver(other);
    thrown->setDirectory(drafts);
    QVERIFY(thrown->save());
    QSignalSpy removed(thrown.get(), &DraftSession::removed);
    QVERIFY(thrown->discard());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(0).toString(), thrown->draftId());
    QVERIFY(!DraftStore(drafts).load(thrown->draftId()));
    QCOMPARE(DraftStore(drafts).pendingServerDeletions(), QStringList{thrown->draft().message.messageId});
    // Ended: nothing more is written.
    other.text = u"trop tard"_s;
    thrown->saveUnlessFinished();
    QVERIFY(!DraftStore(drafts).load(thrown->draftId()));
}

void TestDraftSession::sendingDeletesTheDraft()
{
    QTemporaryDir dir;
    const QString drafts = dir.filePath(u"drafts"_s);
    Fields fields;
    auto session = sessionOver(fields);
    session->setDirectory(drafts);
    session->markPristine();
    QSignalSpy removed(session.get(), &DraftSession::removed);
    fields.subject = u"À envoyer"_s;
    QVERIFY(session->save());
    session->sent();
    QCOMPARE(removed.size(), 1);
    QVERIFY(DraftStore(drafts).drafts().isEmpty());
    QCOMPARE(DraftStore(drafts).pendingServerDeletions().size(), 1);
    QVERIFY(session->isFinished());
    QVERIFY(!session->needsDecisionOnClose());

    // Never saved: sending deletes nothing and tells nobody.
    Fields unsaved{u"Vite"_s, {}};
    auto quick = sessionOver(unsaved);
    quick->setDirectory(drafts);
    QSignalSpy quickRemoved(quick.get(), &DraftSession::removed);
    quick->sent();
    QCOMPARE(quickRemoved.size(), 0);
    QCOMPARE(DraftStore(drafts).pendingServerDeletions().size(), 1);
}

void TestDraftSession::saveNowCountsAsUnchanged()
{
    QTemporaryDir dir;
    Fields fields;
    auto session = sessionOver(fields);
    session->setDirectory(dir.filePath(u"drafts"_s));
    session->markPristine();
    QSignalSpy saved(session.get(), &DraftSession::saved);
    QVERIFY(session->saveNow());
    QCOMPARE(saved.size(), 0); // nothing to save, nothing on disk: no server copy either
    fields.subject = u"Maintenant"_s;
    QVERIFY(session->saveNow());
    QCOMPARE(saved.size(), 2);
    QVERIFY(saved.last().at(1).toBool());
    QVERIFY(!session->hasUnsavedContent());
    QVERIFY(!session->needsDecisionOnClose());
    QVERIFY(!session->isFinished());
}

void TestDraftSession::withoutDirectoryNothingIsWritten()
{
    QTemporaryDir dir;
    Fields fields;
    auto session = sessionOver(fields);
    session->markPristine();
    fields.subject = u"Nulle part"_s;
    QSignalSpy saved(session.get(), &DraftSession::saved);
    QVERIFY(session->save());
    QVERIFY(!session->isEnabled());
    QVERIFY(!session->needsDecisionOnClose());
    QCOMPARE(saved.size(), 0);
    QVERIFY(session->discard());
    QVERIFY(QDir(dir.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestDraftSession)
#include "tst_draftsession.moc"
