"""Which files collected by PyInstaller's PySide6 hooks the bundle leaves out (used by sxtdbv.spec, tested alone).

The weight of a PySide6 bundle is in Qt plugins the app never loads and in the Qt libraries those plugins drag in
(the virtual keyboard pulls Qml and Quick, the pdf image format pulls QtPdf, ...). The app needs Core, Gui, Widgets,
PrintSupport, Charts (with OpenGL and OpenGLWidgets, which Charts links), Svg for icons, DBus and XcbQpa on Linux.
It makes no network connection: QtNetwork is left out (with its Python module, see EXCLUDES in sxtdbv.spec); a feature
that needs it must remove "Network" below and "PySide6.QtNetwork" there.
Everything matched below is dropped; anything else is kept, so a Qt module the GUI starts using later still works.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

# Qt libraries (any platform's naming: libQt6Quick.so.6, Qt6Quick.dll, QtQuick.framework) of modules the app never uses.
UNUSED_QT_MODULES = (
    "3D", "Bluetooth", "CanvasPainter", "ChartsQml", "DataVisualization", "Designer", "EglFS", "EglFs", "FFmpeg",
    "Graphs", "Help", "HttpServer", "Labs", "Location", "Lottie", "Multimedia", "Network", "Nfc", "Pdf",
    "Positioning", "Qml", "Quick", "RemoteObjects", "Scxml", "Sensors", "SerialBus", "SerialPort", "ShaderTools",
    "SpatialAudio", "Sql", "StateMachine", "Test", "TextToSpeech", "UiTools", "VirtualKeyboard", "Wayland",
    "WebChannel", "WebEngine", "WebSockets", "WebView", "WlShell",
)
_QT_LIBRARY = re.compile(r"(?:^|/)(?:lib)?Qt6?(?P<module>[A-Za-z0-9]+)(?:\.so[.\d]*|\.dll|\.dylib|\.framework/.*)$")

# Whole plugin folders the app never needs (3D scenes, multimedia, sensors, Qml tooling, Wayland, SQL drivers...).
UNUSED_PLUGIN_FOLDERS = (
    "assetimporters", "canbus", "designer", "egldeviceintegrations", "geometryloaders", "geoservices", "multimedia",
    "networkinformation", "position", "qmllint", "qmltooling", "renderers", "renderplugins", "sceneparsers",
    "scxmldatamodel", "sensors", "sqldrivers", "texttospeech", "tls", "vectorimageformats", "webview",
    "wayland-decoration-client", "wayland-graphics-integration-client", "wayland-graphics-integration-server",
    "wayland-shell-integration",
)
# Platform plugins kept: offscreen (smoke test, CI), xcb (Linux desktops), windows, cocoa.
KEPT_PLATFORMS = ("offscreen", "xcb", "windows", "cocoa")
# Single plugins dropped from folders that are otherwise kept.
UNUSED_PLUGINS = (
    "platformthemes/libqgtk3", "platformthemes/qgtk3",  # pulls in GTK 3
    "platforminputcontexts/libqtvirtualkeyboardplugin", "platforminputcontexts/qtvirtualkeyboardplugin",
    "imageformats/libqpdf", "imageformats/qpdf",  # pulls in QtPdf
    "generic/libqtuiotouchplugin", "generic/qtuiotouchplugin",  # pulls in QtNetwork for TUIO touch tables
    # Image formats the app never reads (it uses PNG, JPEG, SVG, ICO, GIF): TIFF alone is 1 MB.
    *(f"imageformats/{prefix}q{name}" for name in ("tiff", "webp", "icns", "tga", "wbmp") for prefix in ("lib", "")),
)
# Other large files: the software OpenGL renderer for Windows (Widgets do not need it), Qt's own translations (Qt ships
# none for Vietnamese; the app's own .qm is under resources/), Qml modules and PySide6's tools.
UNUSED_PATHS = (
    re.compile(r"(?:^|/)opengl32sw\.dll$"),
    re.compile(r"(?:^|/)PySide6/Qt/translations/"),
    re.compile(r"(?:^|/)PySide6/translations/"),
    re.compile(r"(?:^|/)PySide6/(?:Qt/)?qml/"),
    re.compile(r"(?:^|/)PySide6/(?:Qt/)?(?:libexec|resources/qtwebengine)"),
)


def _normal(path: str) -> str:
    return path.replace("\\", "/")


def is_unused(dest_name: str) -> bool:
    """True when the bundled file `dest_name` (its path inside the bundle) belongs to something the app never loads."""
    path = _normal(dest_name)
    match = _QT_LIBRARY.search(path)
    if match and any(match.group("module").startswith(module) for module in UNUSED_QT_MODULES):
        return True
    if any(pattern.search(path) for pattern in UNUSED_PATHS):
        return True
    plugin = re.search(r"(?:^|/)plugins/(?P<folder>[^/]+)/(?P<name>[^/]+)$", path)
    if plugin:
        folder, name = plugin.group("folder"), plugin.group("name")
        if folder in UNUSED_PLUGIN_FOLDERS:
            return True
        stem = name.split(".")[0]
        if folder == "platforms":
            return not any(stem in (f"libq{kept}", f"q{kept}") for kept in KEPT_PLATFORMS)
        if f"{folder}/{stem}" in UNUSED_PLUGINS:
            return True
    return False


def keep_used(entries: Iterable[tuple]) -> list[tuple]:
    """The TOC entries (dest_name, src_name, typecode) of `entries` that the app may load."""
    return [entry for entry in entries if not is_unused(entry[0])]


_NEVER_ORPHANS = ("libpython", "libQt", "libpyside", "libshiboken")


def _is_orphan_candidate(entry: tuple) -> bool:
    """A shared library PyInstaller placed in the bundle's top folder as a dependency of something else."""
    path = _normal(entry[0])
    return (len(entry) < 3 or entry[2] == "BINARY") and "/" not in path and ".so" in path \
        and not path.startswith(_NEVER_ORPHANS)


def drop_orphans(entries: Iterable[tuple], imports_of: Callable[[str], Iterable[str]]) -> list[tuple]:
    """Drop the top-folder shared libraries that nothing kept links to any more (Linux).

    The PySide6 hooks resolve the dependencies of every plugin before the filter above runs, so the GTK stack needed by
    the dropped gtk3 theme plugin (cairo, pango, gdk-pixbuf, ...) is still listed. `imports_of(source_path)` gives the
    names of the libraries a binary links (DT_NEEDED). Python extension modules, Qt libraries and plugins are the roots
    and are always kept; libraries are kept when reachable from them.
    """
    entries = list(entries)
    by_name = {Path(_normal(entry[0])).name: entry for entry in entries}
    roots = [entry for entry in entries if not _is_orphan_candidate(entry)]
    reached: set[str] = set()
    pending = [entry[1] for entry in roots]
    while pending:
        for name in imports_of(pending.pop()):
            base = Path(_normal(name)).name
            if base in by_name and base not in reached:
                reached.add(base)
                pending.append(by_name[base][1])
    return [entry for entry in entries if not _is_orphan_candidate(entry) or Path(_normal(entry[0])).name in reached]
