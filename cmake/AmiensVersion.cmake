# The version shown by --version and "À propos": the project version, plus `git describe` when the
# sources are a git checkout (read at configure time; a release tarball has no .git and shows the
# project version alone). Library versions come from the packages CMake found.
find_package(Git QUIET)
set(AMIENS_GIT_DESCRIBE "")
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
    execute_process(
        COMMAND "${GIT_EXECUTABLE}" describe --tags --always --dirty
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        OUTPUT_VARIABLE AMIENS_GIT_DESCRIBE
        OUTPUT_STRIP_TRAILING_WHITESPACE
        ERROR_QUIET)
    # A new commit or branch changes the version: configure again when HEAD moves. In a linked
    # worktree .git is a file, so ask git where HEAD and the branch refs live.
    execute_process(
        COMMAND "${GIT_EXECUTABLE}" rev-parse --absolute-git-dir --git-common-dir
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        OUTPUT_VARIABLE _amiens_git_dirs
        OUTPUT_STRIP_TRAILING_WHITESPACE
        ERROR_QUIET)
    string(REPLACE "\n" ";" _amiens_git_dirs "${_amiens_git_dirs}")
    list(LENGTH _amiens_git_dirs _amiens_git_dir_count)
    if(_amiens_git_dir_count EQUAL 2)
        list(GET _amiens_git_dirs 0 _amiens_git_dir)
        list(GET _amiens_git_dirs 1 _amiens_git_common_dir)
        get_filename_component(_amiens_git_common_dir "${_amiens_git_common_dir}" ABSOLUTE
                               BASE_DIR "${PROJECT_SOURCE_DIR}")
        set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_amiens_git_dir}/HEAD")
        file(READ "${_amiens_git_dir}/HEAD" _amiens_head)
        if(_amiens_head MATCHES "^ref: ([^\n]+)" AND EXISTS "${_amiens_git_common_dir}/${CMAKE_MATCH_1}")
            set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                                                   "${_amiens_git_common_dir}/${CMAKE_MATCH_1}")
        endif()
    endif()
endif()

if(AMIENS_GIT_DESCRIBE AND NOT AMIENS_GIT_DESCRIBE STREQUAL "v${PROJECT_VERSION}"
   AND NOT AMIENS_GIT_DESCRIBE STREQUAL "${PROJECT_VERSION}")
    set(AMIENS_VERSION_FULL "${PROJECT_VERSION} (${AMIENS_GIT_DESCRIBE})")
else()
    set(AMIENS_VERSION_FULL "${PROJECT_VERSION}")
endif()

set(AMIENS_VMIME_VERSION "${VMIME_VERSION}")
set(AMIENS_QTKEYCHAIN_VERSION "${Qt6Keychain_VERSION}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/AmiensVersion.h.in" "${PROJECT_BINARY_DIR}/generated/AmiensVersion.h" @ONLY)
message(STATUS "AmiensMail version: ${AMIENS_VERSION_FULL}")
