#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Amiens {

/// One message built to crash, freeze or exhaust whatever reads it (issue 15's hostile corpus).
struct HostileCase
{
    QString name;        ///< stable and unique, the QTest row name ("groups-in-to")
    QString description; ///< what it attacks, in one sentence
    QByteArray raw;      ///< the whole message, with plausible headers
    /// A cap (MIME depth, part count, header size, HTML size) must apply: MessageContent sets
    /// `incomplete` and gives the notice « Ce message est trop complexe pour être affiché
    /// entièrement ».
    bool expectIncomplete = false;
    /// HostileMail::canary() is written before the bomb, where a bounded parser still reaches it
    /// (a first text part, or the body after a hostile header). False only for the cases that
    /// leave nothing readable by construction (a body of carriage returns).
    bool canaryReachable = true;
};

/// The hostile corpus, generated in memory (the big messages are 20 to 50 MB: never committed).
/// Every case is built from its name alone and deterministically (the "random" bytes come from a
/// fixed seed), so a test can build, run and drop one case at a time: take names(), then
/// byName() inside the test function; all() builds everything at once (about 250 MB).
class HostileMail
{
public:
    /// The sentence each case puts before its bomb: "Bonjour, ceci est la partie lisible."
    [[nodiscard]] static QString canary();
    /// Every case's name, in corpus order, without building anything.
    [[nodiscard]] static QStringList names();
    [[nodiscard]] static QList<HostileCase> all();
    /// The case called @p name, built now; an empty case (no name, no bytes) when unknown.
    [[nodiscard]] static HostileCase byName(const QString &name);
};

} // namespace Amiens
