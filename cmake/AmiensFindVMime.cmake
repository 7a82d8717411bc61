# VMime without pkg-config (Windows with vcpkg, packaging/WINDOWS.md): looks for the headers and
# the library under CMAKE_PREFIX_PATH (or VMIME_ROOT) and provides the same imported target,
# PkgConfig::VMIME, and version variable, VMIME_VERSION, as pkg_check_modules does on Linux.
find_path(VMIME_ROOT_INCLUDE_DIR vmime/vmime.hpp HINTS ${VMIME_ROOT} PATH_SUFFIXES include)
find_library(VMIME_LIBRARY NAMES vmime libvmime HINTS ${VMIME_ROOT} PATH_SUFFIXES lib)
if(NOT VMIME_ROOT_INCLUDE_DIR OR NOT VMIME_LIBRARY)
    message(FATAL_ERROR "VMime 0.9.2 not found: install it (packaging/WINDOWS.md) and set VMIME_ROOT "
                        "or CMAKE_PREFIX_PATH to its prefix")
endif()
file(STRINGS "${VMIME_ROOT_INCLUDE_DIR}/vmime/config.hpp" _vmime_version_line REGEX "define VMIME_VERSION ")
string(REGEX MATCH "[0-9]+\\.[0-9]+\\.[0-9]+" VMIME_VERSION "${_vmime_version_line}")
if(VMIME_VERSION VERSION_LESS 0.9.2)
    message(FATAL_ERROR "VMime ${VMIME_VERSION} is too old: 0.9.2 or later is needed")
endif()
add_library(PkgConfig::VMIME INTERFACE IMPORTED)
set_target_properties(PkgConfig::VMIME PROPERTIES INTERFACE_LINK_LIBRARIES "${VMIME_LIBRARY}")
# The headers are found from the include root ("vmime/..."), as on Linux
# (core/net/VmimeTraps.md, « Build: vmime.pc include directory »).
include_directories(SYSTEM "${VMIME_ROOT_INCLUDE_DIR}")
set(VMIME_FOUND TRUE)
message(STATUS "VMime ${VMIME_VERSION}: ${VMIME_LIBRARY}")
