# shellcheck shell=bash
# The Debian 12 packages the project needs, and a function that installs only the missing ones.
# Sourced by scripts/test, scripts/demo and bench scripts.

AMIENS_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n libqt6sql6-sqlite qt6-qpa-plugins
    libvmime-dev qtkeychain-qt6-dev libssl-dev libsqlite3-dev libytnef0-dev libarchive-dev
    # tests/checks validates the desktop file and the AppStream metadata with these
    desktop-file-utils appstream
)
AMIENS_SERVER_PACKAGES=(
    dovecot-core dovecot-imapd dovecot-lmtpd dovecot-managesieved dovecot-sieve
    postfix gnome-keyring libsecret-tools dbus
    openssl ca-certificates python3 iproute2 procps
)
AMIENS_DISPLAY_PACKAGES=(xvfb xauth fonts-dejavu-core)
# tests/accessibility: the windows' AT-SPI tree (what Orca reads) under Xvfb, on a private D-Bus
# session with the accessibility bus (at-spi-bus-launcher), walked with pyatspi.
AMIENS_ACCESSIBILITY_PACKAGES=(xvfb dbus at-spi2-core python3-pyatspi)
# scripts/package and scripts/test-package: dpkg-shlibdeps (dpkg-dev) for the .deb's dependencies,
# Xvfb to start the installed client without a display.
AMIENS_PACKAGING_PACKAGES=(dpkg-dev file xvfb xauth)
# bench/run: mbsync (isync) and OfflineIMAP to compare with, GNU time for peak memory, matplotlib
# for the charts.
# iproute2: ip netns, veth and tc tbf for the shaped links (bench/lib/shapedlink.py).
AMIENS_BENCH_PACKAGES=(isync offlineimap3 time python3-matplotlib iproute2)

# as_root CMD...: runs CMD as root (directly, or through sudo).
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_packages PKG...: apt-get installs the packages that are not installed yet.
ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing Debian packages: ${missing[*]}" >&2
    # Postfix would otherwise ask how to configure the system MTA; the tests run their own instance.
    echo "postfix postfix/main_mailer_type select No configuration" | as_root debconf-set-selections
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}
