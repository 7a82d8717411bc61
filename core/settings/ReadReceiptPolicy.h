#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace Amiens {

class Profile;

/// Read receipts (MDN, RFC 8098), as the Accusés de lecture page sets them and the composer and
/// the message view use them: what to do when a sender asks for one, and whether our own
/// messages always ask. Kept in the profile's settings.ini, group [readReceipts].
class ReadReceiptPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::ReadReceiptPolicy)

public:
    enum class Answer
    {
        Ask,    ///< "demander" at each message (the default: receipts reveal when mail is read)
        Always, ///< "toujours" send one
        Never,  ///< "jamais"
    };

    Answer answer = Answer::Ask;
    bool alwaysRequest = false; ///< "toujours demander un accusé pour mes messages"

    /// Names used in settings.ini and the CLI: "ask", "always", "never".
    [[nodiscard]] static QString answerName(Answer answer);
    [[nodiscard]] static std::optional<Answer> parseAnswer(const QString &name);

    /// The profile's policy; the defaults when nothing was saved.
    /// @p accountId: whose settings (empty: the profile's first account; see AccountPreferences).
    [[nodiscard]] static ReadReceiptPolicy load(const Profile &profile, const QString &accountId = {});
    bool save(const Profile &profile, QString *error, const QString &accountId = {}) const;

    friend bool operator==(const ReadReceiptPolicy &, const ReadReceiptPolicy &) = default;
};

} // namespace Amiens
