"""Coloured rows, cards and captions stay readable under a dark palette (Windows 11 dark mode) and the light one.

The main pages are rendered offscreen and the pixels measured: on each coloured row or card, the WCAG contrast ratio
between its background (the most common pixel) and its text (the pixel farthest from it) must be at least 4.5:1.
Before desktop/ui/theme.py, an overdue row (#f8d7da) under a dark palette carried white text: 1.3:1.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QTableView

from desktop.domain import derived
from desktop.ui import theme
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import go_to_page

# The dark palette Qt's Windows platform gives in dark mode (qwindowstheme.cpp): background #1e1e1e, white text, Base
# 1.5× lighter, AlternateBase the darkest accent shade.
_ROLE = QPalette.ColorRole
DARK = {
    _ROLE.Window: "#1e1e1e", _ROLE.WindowText: "#ffffff", _ROLE.Base: "#2d2d2d", _ROLE.AlternateBase: "#003e73",
    _ROLE.Text: "#ffffff", _ROLE.Button: "#3c3c3c", _ROLE.ButtonText: "#ffffff", _ROLE.Highlight: "#0078d4",
    _ROLE.HighlightedText: "#ffffff", _ROLE.Link: "#4cc2ff", _ROLE.PlaceholderText: "#a0a0a0",
    _ROLE.ToolTipBase: "#3c3c3c", _ROLE.ToolTipText: "#d4d4d4", _ROLE.Light: "#787878", _ROLE.Midlight: "#5a5a5a",
    _ROLE.Mid: "#282828", _ROLE.Dark: "#1e1e1e", _ROLE.Shadow: "#000000",
}
MINIMUM = 4.5


def dark_palette() -> QPalette:
    """The dark palette above, for every colour group."""
    palette = QPalette()
    for role, name in DARK.items():
        palette.setColor(role, QColor(name))
    return palette


@pytest.fixture(params=["light", "dark"])
def scheme(request, gui_app):
    """The application under the light default palette, then under the dark one; the palette is restored after."""
    original = QPalette(gui_app.palette())
    if request.param == "dark":
        gui_app.setPalette(dark_palette())
    yield request.param
    gui_app.setPalette(original)


@pytest.fixture
def window(qtbot, scheme, sample_store):
    """The main window on the sample year, built under the scheme's palette."""
    window = MainWindow(sample_store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def rendered_contrast(image: QImage, rect: QRect) -> tuple[float, QColor]:
    """The contrast between the most common colour inside `rect` (the background) and the pixel farthest from it
    (the core of the text's strokes), and the background."""
    rect = rect.intersected(image.rect())
    counts = Counter(image.pixel(x, y) for x in range(rect.left(), rect.right() + 1)
                     for y in range(rect.top(), rect.bottom() + 1))
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    ratios = [theme.contrast_ratio(QColor.fromRgb(pixel), background) for pixel in counts]
    return max(ratios), background


def coloured_rows(view: QTableView) -> list[int]:
    """Rows of the view that have a background colour of their own."""
    model = view.model()
    return [row for row in range(model.rowCount())
            if model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None]


def check_rows(qtbot, view: QTableView, rows: list[int], column: int) -> list[float]:
    """Render each row and return its measured contrast; the row's colour must also differ from the plain rows'."""
    view.clearSelection()
    view.setCurrentIndex(view.model().index(-1, -1))
    base = view.palette().color(QPalette.ColorRole.Base)
    ratios = []
    for row in rows:
        index = view.model().index(row, column)
        view.scrollTo(index)
        qtbot.wait(1)
        image = view.viewport().grab().toImage()
        ratio, background = rendered_contrast(image, view.visualRect(index))
        assert background != base, f"row {row} shows no colour of its own"
        ratios.append(ratio)
    return ratios


def test_overdue_and_heading_rows_of_the_tasks_are_readable(qtbot, window, scheme):
    page = go_to_page(qtbot, window, "tasks")
    view = page.panel.view
    rows = coloured_rows(view)
    titles = [view.model().index(r, 1).data() for r in rows]
    # The 2024 plan's activities ended in 2024 and the sample year leaves some unfinished: overdue rows exist, and the
    # content headings II.1 and II.2 are coloured too.
    assert len(rows) >= 3, titles
    ratios = check_rows(qtbot, view, rows, 1)
    assert min(ratios) >= MINIMUM, list(zip(titles, ratios, strict=True))


def test_office_report_states_are_readable(qtbot, window, scheme):
    page = go_to_page(qtbot, window, "office_reports")
    view = page.panel.view
    rows = coloured_rows(view)
    state_column = next(c for c in range(view.model().columnCount()) if view.model().columns[c].key == "state")
    states = {view.model().index(r, state_column).data() for r in rows}
    assert len(states) >= 2, states  # at least two different colours are measured
    ratios = check_rows(qtbot, view, rows, state_column)
    assert min(ratios) >= MINIMUM, list(zip(rows, ratios, strict=True))


def test_dashboard_cards_are_readable(qtbot, window, scheme):
    page = go_to_page(qtbot, window, "dashboard")
    for name, card in page.cards.items():
        image = card.grab().toImage()
        for label in (card.value, card.caption, card.detail):
            assert label.text(), (name, label.objectName())
            ratio, background = rendered_contrast(image, label.geometry())
            assert ratio >= MINIMUM, (name, label.text(), ratio, background.name())
        card_background = QColor.fromRgb(Counter(image.pixel(x, 2) for x in range(4, image.width() - 4))
                                          .most_common(1)[0][0])
        window_colour = window.palette().color(QPalette.ColorRole.Window)
        assert (theme.is_dark(window.palette())
                == (theme.relative_luminance(card_background) < 0.18)), (scheme, card_background.name(),
                                                                          window_colour.name())


def test_coloured_figures_of_budget_and_training_are_readable(qtbot, window, scheme):
    for key in ("budget", "training"):
        page = go_to_page(qtbot, window, key)
        labels = [label for label in page.findChildren(QLabel) if "color:" in label.text()]
        assert labels, key
        for label in labels:
            background = label.palette().color(label.backgroundRole())
            for colour in re.findall(r"color:\s*(#[0-9a-fA-F]{6})", label.text()):
                assert theme.contrast_ratio(QColor(colour), background) >= MINIMUM, (key, colour, background.name())


def test_switching_to_dark_while_the_program_runs_recolours_everything(qtbot, gui_app, sample_store):
    # Windows 11 changes the palette of a running program when the user switches to dark mode.
    original = QPalette(gui_app.palette())
    window = MainWindow(sample_store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    try:
        for key in ("dashboard", "budget", "tasks"):  # every page built and coloured under the light palette
            go_to_page(qtbot, window, key)
        gui_app.setPalette(dark_palette())
        qtbot.wait(10)
        view = window.page("tasks").panel.view
        assert min(check_rows(qtbot, view, coloured_rows(view), 1)) >= MINIMUM
        budget = window.page("budget")  # hidden now: its figures are recoloured all the same
        for label in (label for label in budget.findChildren(QLabel) if "color:" in label.text()):
            for colour in re.findall(r"color:\s*(#[0-9a-fA-F]{6})", label.text()):
                assert theme.contrast_ratio(QColor(colour), QColor(DARK[_ROLE.Window])) >= MINIMUM, colour
        page = go_to_page(qtbot, window, "dashboard")
        for card in page.cards.values():
            image = card.grab().toImage()
            ratio, background = rendered_contrast(image, card.caption.geometry())
            assert ratio >= MINIMUM and theme.relative_luminance(background) < 0.18, (ratio, background.name())
    finally:
        gui_app.setPalette(original)


@pytest.mark.parametrize("pal", ["light", "dark"])
def test_message_colours_are_readable_on_the_window(gui_app, pal):
    palette = dark_palette() if pal == "dark" else QApplication.style().standardPalette()
    original = QPalette(gui_app.palette())
    gui_app.setPalette(palette)
    try:
        window_colour = palette.color(QPalette.ColorRole.Window)
        base = palette.color(QPalette.ColorRole.Base)
        for hue in (theme.DANGER, theme.WARNING, theme.SUCCESS, theme.GROUP, theme.NEUTRAL):
            assert theme.contrast_ratio(QColor(theme.text_colour(hue)), window_colour) >= MINIMUM
            assert theme.contrast_ratio(theme.row_background(hue), palette.color(QPalette.ColorRole.Text)) >= MINIMUM
            assert theme.row_background(hue) != base
    finally:
        gui_app.setPalette(original)


def test_contrast_ratio_follows_wcag():
    # Values of the WCAG 2 definition: black on white 21:1, a colour on itself 1:1, #777777 on white 4.48:1.
    assert theme.contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert theme.contrast_ratio(QColor("#336699"), QColor("#336699")) == pytest.approx(1.0)
    assert theme.contrast_ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    # The colours of before: an overdue row's pink under a dark palette's white text.
    assert theme.contrast_ratio(QColor("#f8d7da"), QColor("white")) < 1.5
    fixed = theme.readable("#777777", QColor("white"))
    assert theme.contrast_ratio(fixed, QColor("white")) >= MINIMUM
    assert theme.readable("#1b5e20", QColor("white")) == QColor("#1b5e20")  # already readable: unchanged


def test_office_report_states_have_distinct_colours(gui_app):
    from desktop.ui.pages.office_reports import STATE_COLOURS

    backgrounds = {theme.row_background(STATE_COLOURS[s]).name()
                   for s in (derived.MISSING, derived.SUBMITTED_LATE, derived.SUBMITTED_ON_TIME)}
    assert len(backgrounds) == 3


# Hex colours that are hues, not backgrounds or text colours: constants named as hues (the import preview's status
# colours, a header hue), which theme.readable / theme.row_background turn into what is shown; the calendar icon's
# red band.
HUE_LINE = re.compile(r"^\s*(\w*HUE\w*|\w*STATUS_COLOURS)\s*=|^\s*DELETED: \"#")
HUES_ALLOWED = ("painter.fillRect(2, 3, 12, 3, QColor(\"#c62828\"))",)


def test_no_screen_colour_is_hard_coded_outside_the_theme():
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "desktop" / "ui"
    found = []
    for path in ui.rglob("*.py"):
        if path.name == "theme.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b", line) and "theme." not in line \
                    and not HUE_LINE.match(line) and not any(allowed in line for allowed in HUES_ALLOWED):
                found.append(f"{path.relative_to(ui)}:{number}: {line.strip()}")
    assert found == [], "use desktop/ui/theme.py, so that the colour stays readable under a dark palette"
