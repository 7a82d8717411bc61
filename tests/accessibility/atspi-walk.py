#!/usr/bin/env python3
"""Walks what Orca reads: the AT-SPI tree of the windows shown by amiens-a11y-windows.

    atspi-walk.py HELPER

Starts Xvfb and a private D-Bus session (the accessibility bus is activated on it by
at-spi-bus-launcher), runs HELPER (the main window on an offline mailbox and a composer) with
Qt's AT-SPI bridge on, then lists every interactive control (button, check box, radio, combo,
text field, list, tree, table, menu item, spin box, link) without an accessible name. Fails when
there is one. Exits 77 (skipped) when Xvfb, dbus-run-session, at-spi2-core or python3-pyatspi
is missing.
"""
import os
import shutil
import subprocess
import sys
import time

SKIP = 77
LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def skip(reason):
    print(f"SKIP: {reason} (install: {' '.join(['xvfb', 'dbus', 'at-spi2-core', 'python3-pyatspi'])})")
    sys.exit(SKIP)


def outer(helper):
    for tool in ("Xvfb", "dbus-run-session"):
        if not shutil.which(tool):
            skip(f"{tool} is not installed")
    if not os.path.exists(LAUNCHER):
        skip("at-spi-bus-launcher (at-spi2-core) is not installed")
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        # python3-pyatspi is a Debian package: the system's Python has it, another one may not.
        system = "/usr/bin/python3"
        if os.path.realpath(sys.executable) != os.path.realpath(system) and os.path.exists(system) \
                and os.environ.get("AMIENS_ATSPI_REEXEC") != "1":
            os.environ["AMIENS_ATSPI_REEXEC"] = "1"
            os.execv(system, [system, os.path.abspath(__file__), helper])
        skip("python3-pyatspi is not installed")

    # -displayfd: Xvfb picks a free display and says which once it accepts connections.
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], pass_fds=(write_end,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        display = pipe.readline().strip()
    if not display:
        xvfb.kill()
        skip("Xvfb did not start")
    try:
        env = dict(os.environ, DISPLAY=f":{display}")
        # The inner run shares nothing with the caller's session bus.
        return subprocess.call(["dbus-run-session", "--", sys.executable, os.path.abspath(__file__), "--inner",
                                helper],
                               env=env, timeout=120)
    finally:
        xvfb.terminate()
        xvfb.wait()


INTERACTIVE = None


def interactive_roles(pyatspi):
    names = ["ROLE_PUSH_BUTTON", "ROLE_TOGGLE_BUTTON", "ROLE_CHECK_BOX", "ROLE_RADIO_BUTTON",
             "ROLE_COMBO_BOX", "ROLE_TEXT", "ROLE_ENTRY", "ROLE_PASSWORD_TEXT", "ROLE_LIST",
             "ROLE_LIST_BOX", "ROLE_TREE", "ROLE_TREE_TABLE", "ROLE_TABLE", "ROLE_MENU_ITEM",
             "ROLE_CHECK_MENU_ITEM", "ROLE_RADIO_MENU_ITEM", "ROLE_MENU", "ROLE_SPIN_BUTTON",
             "ROLE_LINK", "ROLE_SLIDER", "ROLE_PAGE_TAB"]
    return {getattr(pyatspi, name) for name in names if hasattr(pyatspi, name)}


def walk(pyatspi, node, path, unnamed, counts, trees, depth=0):
    if node is None or depth > 60:
        return
    counts[0] += 1
    role = node.getRole()
    name = (node.name or "").strip()
    here = (f"{path} › " if path else "") + node.getRoleName() + (f' "{name[:40]}"' if name else "")
    if role == pyatspi.ROLE_TREE_TABLE or role == pyatspi.ROLE_TREE:
        trees[name] = node
    if role in INTERACTIVE and not name:
        unnamed.append(here)
    if os.environ.get("AMIENS_ATSPI_DUMP"):
        print("  " * depth + f"{node.getRoleName()} {name[:60]!r}")
    # Rows and cells are the model's data; the popup list of a combo box is its items.
    if role in (pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE,
                pyatspi.ROLE_TABLE, pyatspi.ROLE_COMBO_BOX):
        return
    for index in range(node.childCount):
        walk(pyatspi, node.getChildAtIndex(index), here, unnamed, counts, trees, depth + 1)


def focus_event_after_down(pyatspi, app):
    """Sends "down" to the helper and returns the name of the object focused (AT-SPI event)."""
    from gi.repository import GLib
    heard = []

    def on_focus(event):
        if event.detail1 == 1 and event.source is not None:
            heard.append(event.source.name or "")
            if "Calendrier" in heard[-1]:
                pyatspi.Registry.stop()

    def press():
        app.stdin.write("down\n")
        app.stdin.flush()
        return False

    def press_again():
        # Nothing heard yet: the listener may have reached the bus after the key (a busy
        # machine). Back up and press Down again; the deadline below still bounds the test.
        if any("Calendrier" in name for name in heard):
            return False
        app.stdin.write("up\ndown\n")
        app.stdin.flush()
        return True

    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    GLib.idle_add(press)
    GLib.timeout_add(2500, press_again)
    GLib.timeout_add(15000, lambda: pyatspi.Registry.stop() or False)  # the test's deadline
    pyatspi.Registry.start()
    pyatspi.Registry.deregisterEventListener(on_focus, "object:state-changed:focused")
    return next((name for name in reversed(heard) if "Calendrier" in name), heard[-1] if heard else "")


def inner(helper):
    global INTERACTIVE
    started = time.monotonic()
    import pyatspi
    INTERACTIVE = interactive_roles(pyatspi)
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
               QT_ACCESSIBILITY="1", NO_AT_BRIDGE="0")
    app = subprocess.Popen([helper], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        line = app.stdout.readline().strip()
        windows = int(line.split()[1]) if line.startswith("READY ") else 0
        if not windows:
            print(f"FAIL: {helper} did not show its windows (it said {line!r})")
            return 1
        # The bridge registers the application on the accessibility bus: wait for it (a few
        # hundred milliseconds usually), polling, never longer than 20 s.
        target = None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and target is None:
            desktop = pyatspi.Registry.getDesktop(0)
            for index in range(desktop.childCount):
                candidate = desktop.getChildAtIndex(index)
                try:
                    if candidate is not None and candidate.get_process_id() == app.pid:
                        if candidate.childCount >= windows:  # every window is there
                            target = candidate
                except Exception:  # an application that went away meanwhile
                    continue
            if target is None:
                time.sleep(0.1)  # polling the bus, not waiting for the application's behaviour
        if target is None:
            print("FAIL: the application never appeared on the accessibility bus "
                  "(is Qt's AT-SPI bridge built in and the bus running?)")
            return 1
        unnamed, counts, trees = [], [0], {}
        for index in range(target.childCount):
            walk(pyatspi, target.getChildAtIndex(index), "", unnamed, counts, trees)
        failed = False
        if unnamed:
            print(f"FAIL: {len(unnamed)} interactive control(s) without an accessible name:")
            for entry in unnamed:
                print("  " + entry)
            failed = True
        else:
            print("every interactive control has a name")
        # The messages as Orca reads them: a row's first cell says what, who, when, and unread
        # (the shown one was read by opening it; the oldest one is still unread).
        messages = trees.get("Messages")
        for row, expected in ((0, ["Conseil de classe", "de Françoise Lefèvre", "30 novembre 2026"]),
                              (2, ["Sortie scolaire", "de Jean Martin", "28 novembre 2026", "non lu"])):
            cell = messages.queryTable().getAccessibleAt(row, 0) if messages is not None else None
            spoken = cell.name if cell is not None else ""
            if all(part in spoken for part in expected):
                print(f"the message list's row {row} reads: {spoken}")
            else:
                print(f"FAIL: the message list's row {row} reads {spoken!r}, without all of {expected}")
                failed = True
        # Down in the list: Orca is told of the newly focused row (a focus event), and reads it.
        heard = focus_event_after_down(pyatspi, app)
        if "Calendrier" in heard and "de Rectorat" in heard and "non lu" not in heard:
            print(f"moving down, the screen reader is told: {heard}")
        else:
            print(f"FAIL: moving down the list, the focus event said {heard!r}")
            failed = True
        elapsed = time.monotonic() - started
        print(f"walked {counts[0]} accessible objects in {target.childCount} windows in {elapsed:.1f} s")
        return 1 if failed else 0
    finally:
        app.stdin.close()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--inner":
        sys.exit(inner(sys.argv[2]))
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(outer(os.path.abspath(sys.argv[1])))
