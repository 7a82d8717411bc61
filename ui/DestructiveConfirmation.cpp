#include "DestructiveConfirmation.h"

#include <QMessageBox>
#include <QPushButton>

namespace Amiens {

bool DestructiveConfirmation::ask(QWidget *parent, const Question &question)
{
    QMessageBox box(QMessageBox::Warning, question.title, question.text, QMessageBox::NoButton, parent);
    box.setObjectName(question.objectName);
    if (!question.details.isEmpty())
        box.setInformativeText(question.details);
    QPushButton *confirm = box.addButton(question.confirmText, QMessageBox::DestructiveRole);
    confirm->setObjectName(question.confirmObjectName);
    confirm->setAccessibleName(question.confirmText);
    QPushButton *keep = box.addButton(question.keepText, QMessageBox::RejectRole);
    keep->setObjectName(question.keepObjectName);
    keep->setAccessibleName(question.keepText);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == confirm;
}

} // namespace Amiens
