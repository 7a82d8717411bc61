#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace Amiens {

/// The academy's help data (web pages, support contacts), read from a JSON file so that IT can
/// change it without a new build: amiens-mail/help.json in the configuration folders
/// (~/.config, then $XDG_CONFIG_DIRS such as /etc/xdg), then in the data folders
/// (/usr/share), then the copy built into the program (:/help/help.json). The first file that
/// reads wins.
class HelpCatalog
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::HelpCatalog)

public:
    struct Contact
    {
        QString id;
        QString name;
        QString address;
        QString phone;
        QString email;
    };

    [[nodiscard]] static QStringList defaultSearchPaths();
    /// The first readable file of @p paths; an empty catalog when none reads.
    [[nodiscard]] static HelpCatalog load(const QStringList &paths = defaultSearchPaths());
    [[nodiscard]] static std::optional<HelpCatalog> fromJson(const QByteArray &json, QString *error);

    /// Where a lost password is reset.
    [[nodiscard]] QUrl passwordResetUrl() const { return m_passwordResetUrl; }
    /// Where the password is changed (the password-age reminder links there).
    [[nodiscard]] QUrl passwordChangeUrl() const { return m_passwordChangeUrl; }
    [[nodiscard]] QList<Contact> contacts() const { return m_contacts; }
    [[nodiscard]] QString sourcePath() const { return m_sourcePath; }

private:
    QUrl m_passwordResetUrl;
    QUrl m_passwordChangeUrl;
    QList<Contact> m_contacts;
    QString m_sourcePath;
};

} // namespace Amiens
