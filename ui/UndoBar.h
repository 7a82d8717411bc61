#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace Amiens {

/// "1 message supprimé — Annuler" in the status bar for as long as a move or delete waits in
/// its undo window (the core holds the change back that long). When the window ends the
/// change may go to the server: expired() says so.
class UndoBar : public QWidget
{
    Q_OBJECT
public:
    explicit UndoBar(QWidget *parent = nullptr);

    /// Offers to undo change @p operationId for @p seconds; replaces any earlier offer (that
    /// change then goes to the server at once).
    void offer(const QString &text, qint64 operationId, int seconds);
    [[nodiscard]] bool isOffering() const { return m_operationId != 0; }
    [[nodiscard]] QString text() const;

public Q_SLOTS:
    /// The user's "Annuler" (button or Ctrl+Z); does nothing when no offer is open.
    void undo();

Q_SIGNALS:
    void undoRequested(qint64 operationId);
    /// The window of @p operationId is over: the change can be sent.
    void expired(qint64 operationId);

private:
    void close(bool expiredWindow);

    QLabel *m_label = nullptr;
    QPushButton *m_button = nullptr;
    QTimer *m_timer = nullptr;
    qint64 m_operationId = 0;
};

} // namespace Amiens
