#pragma once

#include <QString>

class QCoreApplication;

namespace Amiens {

/// Loads the application's and Qt's own translations. French is the product's first language;
/// the system locale chooses, and AMIENS_MAIL_LANGUAGE (or a setting passed in) forces one.
class Translations
{
public:
    /// Returns the language actually installed ("fr", or "en" for the source strings).
    static QString install(QCoreApplication &application, const QString &forcedLanguage = {});
};

} // namespace Amiens
