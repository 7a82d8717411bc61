#pragma once

#include <QByteArray>
#include <QChar>
#include <QList>
#include <QString>
#include <optional>

namespace Amiens {

/// The NAMESPACE response (RFC 2342, part of IMAP4rev2), which VMime 0.9.2's parser does not
/// know: three lists (personal, other users', shared), each NIL or namespaces of a prefix and a
/// hierarchy delimiter. Extensions are read and ignored. Reads the raw lines of
/// ImapCommandChannel::executeRaw.
class ImapNamespaceParser
{
public:
    struct Namespace
    {
        QString prefix;  ///< decoded from modified UTF-7 ("INBOX.", "Autres utilisateurs/", "")
        QChar delimiter; ///< null when the server says NIL (a flat namespace)

        bool operator==(const Namespace &) const = default;
    };
    struct Namespaces
    {
        QList<Namespace> personal;
        QList<Namespace> otherUsers;
        QList<Namespace> shared;
    };

    /// The first "* NAMESPACE" line of @p untagged; nullopt and @p error when there is none or it
    /// is malformed.
    [[nodiscard]] static std::optional<Namespaces> parse(const QList<QByteArray> &untagged,
                                                         QString *error = nullptr);
    /// One "* NAMESPACE …" line.
    [[nodiscard]] static std::optional<Namespaces> parseLine(const QByteArray &line,
                                                             QString *error = nullptr);
};

} // namespace Amiens
