"""A layout that lines its items up left to right and starts a new line when the next one does not fit.

After Qt's Flow Layout example (a QLayout of the documentation, not of the library). A list's bar of buttons, search
box and filters stays on one line in a full-width window and folds onto two in a narrow one (a window beside Excel,
a 1024-pixel screen, a screen at 125 % scaling), instead of forcing the window wider than the screen. On each line
the room left over goes to the items that expand sideways (the search box), so a wide window looks as with a
QHBoxLayout.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

# The style's spacing between widgets (Fusion and the Windows styles both use 6): asking the style would build
# PySide's Python types of QStyle's ~40 enumerations, ~3 ms of the start-up.
SPACING = 6


class FlowLayout(QLayout):
    """Items (widgets, or layouts kept together such as a label and its drop-down) in lines, each line as tall as
    its tallest item, the items centred in it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        # Qt asks for the height at a width many times per layout pass (~70 for a list's bar while a page opens):
        # the answers are kept until something in the layout changes (invalidate).
        self._heights: dict[int, int] = {}
        self._minimum: QSize | None = None
        self._hints: list[tuple[QLayoutItem, QSize]] | None = None
        self.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:  # noqa: N802 - Qt API
        """Add `widget`; `stretch` is accepted as by QHBoxLayout, a widget that expands sideways takes the room."""
        super().addWidget(widget)

    def add_layout(self, layout: QLayout) -> None:
        """Add `layout` as one item: what it holds never goes onto two lines."""
        self.addChildLayout(layout)
        self._items.append(layout)
        self.invalidate()

    # -- QLayout -----------------------------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        """Called by addWidget."""
        self._items.append(item)

    def count(self) -> int:
        """How many items."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        """The item at `index`, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        """Remove and return the item at `index`."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        """Takes no more room than its lines need."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        """Its height follows the width (how many lines)."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        """The height of the lines at `width`."""
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), apply=False)
        return height

    def invalidate(self) -> None:
        """Forget the measures (an item was added, shown, hidden or changed its size)."""
        self._heights.clear()
        self._minimum = None
        self._hints = None
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        """Place the items in `rect`."""
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Everything on one line."""
        hints = [hint for _item, hint in self._shown_items()]
        if not hints:
            return QSize(0, 0)
        return QSize(sum(h.width() for h in hints) + SPACING * (len(hints) - 1), max(h.height() for h in hints))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        """As narrow as the widest item."""
        if self._minimum is None:
            self._minimum = QSize(0, 0)
            for item in self._items:
                if not item.isEmpty():
                    self._minimum = self._minimum.expandedTo(item.minimumSize())
        return self._minimum

    # -- placing -----------------------------------------------------------------------------------------------------
    def _shown_items(self) -> list[tuple[QLayoutItem, QSize]]:
        # The items shown (not hidden widgets) with their preferred sizes.
        if self._hints is None:
            self._hints = [(item, item.sizeHint().boundedTo(item.maximumSize()))
                           for item in self._items if not item.isEmpty()]
        return self._hints

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = 0
        for item, hint in self._shown_items():
            if lines[-1] and x + hint.width() > rect.width():
                lines.append([])
                x = 0
            lines[-1].append((item, hint))
            x += hint.width() + SPACING
        y = rect.y()
        for line in lines:
            if not line:
                continue
            height = max(hint.height() for _item, hint in line)
            if apply:
                self._place_line(line, rect, y, height)
            y += height + SPACING
        return y - SPACING - rect.y() if any(lines) else 0

    @staticmethod
    def _place_line(line: list[tuple[QLayoutItem, QSize]], rect: QRect, y: int, height: int) -> None:
        widths = [hint.width() for _item, hint in line]
        spare = rect.width() - sum(widths) - SPACING * (len(line) - 1)
        growing = [i for i, (item, _hint) in enumerate(line)
                   if item.expandingDirections() & Qt.Orientation.Horizontal]
        for position, index in enumerate(growing):  # the spare room shared, the first ones taking the odd pixels
            share = spare // len(growing) + (1 if position < spare % len(growing) else 0)
            widths[index] = min(widths[index] + max(share, 0), line[index][0].maximumSize().width())
        x = rect.x()
        for (item, hint), width in zip(line, widths, strict=True):
            width = max(min(width, rect.width()), item.minimumSize().width())  # alone on a too narrow line
            top = y + (height - hint.height()) // 2
            item.setGeometry(QRect(QPoint(x, top), QSize(width, hint.height())))
            x += width + SPACING
