#include "CommandLinks.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Amiens::CommandLinks {

namespace {
const auto kAccountKey = "account"_L1;
}

QString html(const QString &command, const QString &text, const QString &accountId)
{
    QUrl url;
    url.setScheme(u"amiens"_s);
    url.setPath(command);
    if (!accountId.isEmpty()) {
        // Percent-encoded here, so that an id holding '&', '=' or '#' survives the query.
        QUrlQuery query;
        query.addQueryItem(kAccountKey, QString::fromLatin1(QUrl::toPercentEncoding(accountId)));
        url.setQuery(query);
    }
    return u" <a href=\"%1\">%2</a>"_s.arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                           text.toHtmlEscaped());
}

QString command(const QString &link)
{
    return QUrl(link).path();
}

QString accountId(const QString &link)
{
    return QUrlQuery(QUrl(link)).queryItemValue(kAccountKey, QUrl::FullyDecoded);
}

} // namespace Amiens::CommandLinks
