"""Before Qt starts the window on Linux: are the system libraries its X11 (xcb) platform
needs really there? Qt's own abort names only the first one it looks for, even when that
one is present and another is missing; this check names every missing one and the command
that installs it. Qt-free: it only asks the dynamic loader."""

from __future__ import annotations

import ctypes
import os
import sys

# (library, Debian/Ubuntu package, Fedora package): what PySide6's xcb platform plugin and
# Qt's GUI libraries load from the system (read with ldd off the wheel's libqxcb.so).
XCB_LIBRARIES = (
    ("libxcb.so.1", "libxcb1", "libxcb"),
    ("libX11.so.6", "libx11-6", "libX11"),
    ("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    ("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    ("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    ("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    ("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    ("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    ("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    ("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    ("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    ("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    ("libfreetype.so.6", "libfreetype6", "freetype"),
    ("libEGL.so.1", "libegl1", "libglvnd-egl"),
    ("libGL.so.1", "libgl1", "libglvnd-glx"),
    ("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
    ("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
)


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_libraries() -> list[tuple[str, str, str]]:
    return [entry for entry in XCB_LIBRARIES if not _loads(entry[0])]


def window_problem(environ: dict[str, str] | None = None) -> str | None:
    """Why the window cannot start here, with what to do; None when it can (or when this
    is not Linux, or Qt is told to use another platform)."""
    env = dict(os.environ if environ is None else environ)
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: not the X11 plugin
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return ("the window needs a desktop session, and there is none here (DISPLAY is "
                "not set). The commands work without one: see `annotator --help`.")
    missing = missing_libraries()
    if not missing:
        return None
    names = ", ".join(lib for lib, _, _ in missing)
    debian = " ".join(dict.fromkeys(deb for _, deb, _ in missing))
    fedora = " ".join(dict.fromkeys(fed for _, _, fed in missing))
    return (f"the window cannot start: these system libraries are missing: {names}.\n"
            f"  Debian, Ubuntu:  sudo apt install {debian}\n"
            f"  Fedora:          sudo dnf install {fedora}\n"
            "The commands (import, export, merge, stats) work without them.")
