#pragma once

#include <QObject>
#include <QStringList>

namespace Amiens {
class MainWindow;
}

namespace Amiens::Bench {

/// The measured process: opens the reading window on the cache like the application does,
/// and prints one "name value" line per figure on stdout as soon as it has it, so the parent
/// can time the first screen from its own clock (process start included).
class ChildProbe : public QObject
{
    Q_OBJECT
public:
    ChildProbe(MainWindow &window, QStringList searches);

    /// Shows the window; the rest runs from the event loop.
    void start();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void afterFirstScreen();
    void measureSearches();
    void measureScrolling();
    void measureOpeningLargest();

    MainWindow &m_window;
    QStringList m_searches;
    bool m_firstScreenSeen = false;
};

} // namespace Amiens::Bench
