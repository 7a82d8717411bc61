#pragma once

#include <QDialog>

class QTableWidget;

namespace Amiens {

/// "À propos d'AmiensMail": the version of this build, its licence, and the libraries it runs on
/// with their versions and licences.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    [[nodiscard]] QTableWidget *componentTable() const { return m_components; }

private:
    QTableWidget *m_components = nullptr;
};

} // namespace Amiens
