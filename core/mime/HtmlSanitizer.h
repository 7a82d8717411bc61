#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Amiens {

/// Turns a message's HTML into HTML safe to display, by an allow-list: only formatting tags and
/// attributes survive; scripts, styles, frames, objects, forms and event handlers go with their
/// content; links keep http, https and mailto targets only; images keep cid: and data: sources,
/// and remote ones are blocked (counted, so the view can offer "Afficher le contenu distant")
/// unless the user allowed them for this message or sender. No network request is ever made here.
class HtmlSanitizer
{
    Q_DECLARE_TR_FUNCTIONS(Amiens::HtmlSanitizer)

public:
    struct Result
    {
        QString html;
        int blockedRemoteImages = 0;
        QStringList links; ///< the kept link targets, for the phishing checks
        bool hadForms = false;
        bool hadScripts = false;
        bool truncated = false; ///< past kMaxVisibleChars: the rest was left out, with a note
        /// Where the page can be cut into pieces that each stand alone (the view shows the first
        /// at once and appends the others): after an element when none is open, or after a row
        /// of a table that holds the whole page (newsletters), closing the table there and
        /// opening the same table again for the next piece.
        struct Cut
        {
            qsizetype offset = 0;
            QString reopen; ///< "<table …>" when the cut is between rows, else empty
        };
        QList<Cut> cuts;
    };

    /// Elements nested deeper than this are dropped (their text stays): Qt's rich-text layout
    /// of tens of thousands of nested blocks takes minutes, and no real message needs it.
    static constexpr int kMaxOpenElements = 64;
    /// Qt lays nested tables out recursively, with a deep stack per level: 64 of them overflowed
    /// the stack of the window's thread. Newsletters nest a handful.
    static constexpr int kMaxNestedTables = 8;
    /// Characters of text in one page: Qt lays out about two million a second.
    static constexpr qsizetype kMaxVisibleChars = 1000 * 1000;

    [[nodiscard]] static Result sanitize(const QString &html, bool allowRemoteImages = false);
};

} // namespace Amiens
