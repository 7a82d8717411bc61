#include "AddressCompleter.h"

#include <QLineEdit>
#include <QStringListModel>

using namespace Qt::StringLiterals;

namespace Amiens {

namespace {

/// Where the address being typed starts: after the last separator outside quotes.
qsizetype currentAddressStart(const QString &text)
{
    bool inQuotes = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'"')
            inQuotes = !inQuotes;
        else if (!inQuotes && (c == u',' || c == u';'))
            start = i + 1;
    }
    return start;
}

} // namespace

AddressCompleter::AddressCompleter(QObject *parent)
    : QCompleter(parent)
    , m_model(new QStringListModel(this))
{
    setModel(m_model);
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchContains);
    setCompletionMode(QCompleter::PopupCompletion);
}

void AddressCompleter::setAddresses(const QStringList &addresses)
{
    m_model->setStringList(addresses);
}

QStringList AddressCompleter::addresses() const
{
    return m_model->stringList();
}

QStringList AddressCompleter::splitPath(const QString &path) const
{
    return {path.mid(currentAddressStart(path)).trimmed()};
}

QString AddressCompleter::pathFromIndex(const QModelIndex &index) const
{
    const QString chosen = QCompleter::pathFromIndex(index);
    const auto *field = qobject_cast<QLineEdit *>(widget());
    if (!field)
        return chosen;
    const QString text = field->text();
    const qsizetype start = currentAddressStart(text);
    const QString before = text.left(start).trimmed();
    if (before.isEmpty())
        return chosen + u", "_s;
    return before + u' ' + chosen + u", "_s;
}

} // namespace Amiens
