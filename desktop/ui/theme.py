"""Screen colours that stay readable under any palette: the light default, Windows 11's dark mode, high contrast.

A status (overdue, late, on time, a group heading…) has a hue, not a fixed background. A row's or a card's background
is that hue mixed into the palette's own Base colour, only as far as the palette's text stays readable on it; a
coloured text is the hue moved in lightness until it is readable on the background it is drawn on. The same code
gives pale rows in a light palette and deep ones in a dark palette. "Readable" is the WCAG 2 contrast ratio: 4.5:1
for text, as in the accessibility guidelines.

Why follow the palette rather than force a light scheme at start-up: Windows 11's own style (windows11) follows the
system's dark mode, and forcing Fusion's light palette would make this the one bright window on a dark desktop and
override a high-contrast scheme a user may need; the printed documents are always black on white (reports/render.py).

Every colour is computed from QApplication's palette when it is asked for: pages ask again when they refresh, and
list rows when they reload.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

# Hues of the statuses shown on screen (as in the printed documents' conventions: red late, amber warning, green done).
DANGER = "#c62828"   # overdue activities, reports overdue and missing, errors
WARNING = "#b26a00"  # reports submitted late, targets not reached yet
SUCCESS = "#2e7d32"  # reports on time, figures that match
GROUP = "#1f5fa8"    # content headings (II.1, II.2) over their activities; the figure of a card
NEUTRAL = "#808080"  # greyed rows kept for history (agencies no longer in force)
# The hue of each task status: the quarter timeline's bars and the overview's chart of the activities.
STATUS_HUES = {"not_started": NEUTRAL, "in_progress": GROUP, "done": SUCCESS, "paused": WARNING}

MIN_TEXT_CONTRAST = 4.5  # WCAG 2, level AA, normal text
_ROW_TINT = 0.22          # share of the hue in a row background before the contrast check
_CARD_TINT = 0.07


def palette() -> QPalette:
    """The application's current palette."""
    return QGuiApplication.palette()


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0 black … 1 white)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio of two colours, 1 (same) … 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(pal: QPalette | None = None) -> bool:
    """True when the palette draws light text on a dark background (a dark mode)."""
    pal = pal or palette()
    return (relative_luminance(pal.color(QPalette.ColorRole.Window))
            < relative_luminance(pal.color(QPalette.ColorRole.WindowText)))


def mix(base: QColor, other: QColor, share: float) -> QColor:
    """`base` with `share` (0…1) of `other` blended in."""
    keep = 1.0 - share
    # Rounded to 8 bits per channel here, as a style sheet's #rrggbb will be, so the contrast checked is the one shown.
    return QColor(round(base.red() * keep + other.red() * share), round(base.green() * keep + other.green() * share),
                  round(base.blue() * keep + other.blue() * share))


def readable(colour: QColor | str, background: QColor | None = None,
             minimum: float = MIN_TEXT_CONTRAST) -> QColor:
    """`colour` as a text colour on `background` (the palette's Window by default): its hue kept, its lightness moved
    away from the background's until the contrast ratio reaches `minimum`."""
    colour = QColor(colour)
    background = QColor(background) if background is not None else palette().color(QPalette.ColorRole.Window)
    target = QColor("white") if relative_luminance(background) < 0.18 else QColor("black")
    candidate = colour
    share = 0.0
    while contrast_ratio(candidate, background) < minimum and share < 1.0:
        share = min(1.0, share + 0.05)
        candidate = mix(colour, target, share)
    return candidate


def tinted(hue: QColor | str, share: float, pal: QPalette | None = None) -> QColor:
    """The palette's Base with up to `share` of `hue` blended in, as much as keeps the palette's Text readable."""
    pal = pal or palette()
    base = pal.color(QPalette.ColorRole.Base)
    text = pal.color(QPalette.ColorRole.Text)
    hue = QColor(hue)
    # Dark palettes need a stronger tint for the hue to be seen at all; the contrast check below still bounds it.
    share = min(1.0, share * (1.6 if is_dark(pal) else 1.0))
    candidate = mix(base, hue, share)
    while contrast_ratio(candidate, text) < MIN_TEXT_CONTRAST and share > 0.0:
        share = max(0.0, share - 0.02)
        candidate = mix(base, hue, share)
    return candidate


def row_background(hue: QColor | str, pal: QPalette | None = None) -> QColor:
    """The background of a list row in the status `hue` (the row's text is the palette's Text)."""
    return tinted(hue, _ROW_TINT, pal)


def card_background(pal: QPalette | None = None) -> QColor:
    """The background of a dashboard card: the Base colour faintly tinted."""
    return tinted(GROUP, _CARD_TINT, pal)


def text_colour(hue: QColor | str, background: QColor | None = None) -> str:
    """A coloured text (figures, errors, statuses) as a style-sheet colour name, readable on `background`."""
    return readable(hue, background).name()


def body_text(background: QColor | None = None, pal: QPalette | None = None) -> str:
    """The palette's text colour, made readable on `background` (a tinted card) if it is not already."""
    pal = pal or palette()
    return readable(pal.color(QPalette.ColorRole.WindowText), background).name()


def muted_text(background: QColor | None = None, pal: QPalette | None = None) -> str:
    """Secondary text (details under a figure): the palette's text faded toward the background, still readable."""
    pal = pal or palette()
    background = QColor(background) if background is not None else pal.color(QPalette.ColorRole.Window)
    return readable(mix(pal.color(QPalette.ColorRole.WindowText), background, 0.4), background).name()
