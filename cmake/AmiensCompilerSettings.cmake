# Warnings and strict Qt defines shared by every target of the project.
add_library(amiens_compiler_settings INTERFACE)
if(MSVC)
    # Windows (packaging/WINDOWS.md): the sources are UTF-8 ("Académie"), and Qt 6 wants a
    # conforming compiler with an honest __cplusplus.
    target_compile_options(amiens_compiler_settings INTERFACE /W4 /utf-8 /permissive- /Zc:__cplusplus)
else()
    target_compile_options(amiens_compiler_settings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
        -Wformat=2 -Wimplicit-fallthrough)
endif()
target_compile_definitions(amiens_compiler_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
