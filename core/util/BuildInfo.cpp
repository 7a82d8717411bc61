#include "BuildInfo.h"

#include "AmiensVersion.h"

#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace Amiens {

QString BuildInfo::version()
{
    return QStringLiteral(AMIENS_VERSION_FULL);
}

QString BuildInfo::versionNumber()
{
    return QStringLiteral(AMIENS_VERSION_NUMBER);
}

QList<BuildInfo::Component> BuildInfo::components()
{
    // OpenSSL is loaded by Qt's TLS backend at run time; its version is what the machine has.
    QString openSsl = QSslSocket::sslLibraryVersionString();
    if (openSsl.startsWith("OpenSSL "_L1))
        openSsl = openSsl.mid(8);
    if (openSsl.isEmpty())
        openSsl = QSslSocket::sslLibraryBuildVersionString();
    return {
        {u"Qt"_s, QString::fromLatin1(qVersion()), u"LGPL-3.0-only"_s, QUrl(u"https://www.qt.io/"_s)},
        {u"VMime"_s, QStringLiteral(AMIENS_BUILT_WITH_VMIME), u"GPL-3.0-or-later"_s,
         QUrl(u"https://www.vmime.org/"_s)},
        {u"QtKeychain"_s, QStringLiteral(AMIENS_BUILT_WITH_QTKEYCHAIN), u"BSD-2-Clause"_s,
         QUrl(u"https://github.com/frankosterfeld/qtkeychain"_s)},
        {u"OpenSSL"_s, openSsl, u"Apache-2.0"_s, QUrl(u"https://www.openssl.org/"_s)},
        {u"SQLite"_s, QString(), u"blessing"_s, QUrl(u"https://www.sqlite.org/"_s)},
    };
}

QString BuildInfo::versionText(const QString &program)
{
    QString text = program + u' ' + version() + u'\n';
    for (const Component &component : components()) {
        text += component.name;
        if (!component.version.isEmpty())
            text += u' ' + component.version;
        text += u" ("_s + component.licence + u")\n"_s;
    }
    return text;
}

bool BuildInfo::asksForVersion(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == "--"_L1)
            return false;
        if (argument == "--version"_L1 || argument == "-v"_L1)
            return true;
    }
    return false;
}

} // namespace Amiens
