#pragma once

#include <QCompleter>

class QStringListModel;

namespace Amiens {

/// Completes the address being typed after the last comma or semicolon of an À/Cc/Cci field,
/// matching anywhere in "Name <address>" without case, and keeps the addresses already typed.
class AddressCompleter : public QCompleter
{
    Q_OBJECT
public:
    explicit AddressCompleter(QObject *parent = nullptr);

    void setAddresses(const QStringList &addresses);
    [[nodiscard]] QStringList addresses() const;

    [[nodiscard]] QStringList splitPath(const QString &path) const override;
    [[nodiscard]] QString pathFromIndex(const QModelIndex &index) const override;

private:
    QStringListModel *m_model = nullptr;
};

} // namespace Amiens
