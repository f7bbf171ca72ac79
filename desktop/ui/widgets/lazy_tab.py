"""A tab whose content is built the first time it is shown (or asked for by the page).

A page's first tab is what a user sees when the page opens; the others (a plan's responsibilities, the survey's TOE
factors, a course's materials) may never be opened in a session. Building their lists only when their tab opens
takes ~1 ms per list off every start-up and every first visit of a page (bench/bench_window.py, the start-up check).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

Content = TypeVar("Content", bound=QWidget)


class LazyTab(QWidget, Generic[Content]):
    """Holds the place of `build()`'s widget in a tab until the tab is first shown or `content()` is called."""

    def __init__(self, build: Callable[[], Content], parent: QWidget | None = None):
        super().__init__(parent)
        self._build: Callable[[], Content] | None = build
        self._content: Content | None = None
        self._built_callbacks: list[Callable[[Content], None]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def is_built(self) -> bool:
        """True once the content exists."""
        return self._content is not None

    def content(self) -> Content:
        """The content, built now if it was not yet."""
        if self._content is None:
            assert self._build is not None
            self._content = self._build()
            self._build = None
            self.layout().addWidget(self._content)
            if self.isVisible():  # shown now, not at the next turn of the event loop (it reads its rows when shown)
                self._content.show()
            for callback in self._built_callbacks:
                callback(self._content)
        return self._content

    def when_built(self, callback: Callable[[Content], None]) -> None:
        """Call `callback(content)` once the content is built (at once if it is)."""
        if self._content is not None:
            callback(self._content)
        else:
            self._built_callbacks.append(callback)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Build the content when the tab is first shown."""
        self.content()
        super().showEvent(event)

