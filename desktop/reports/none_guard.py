"""Work-around for a reference-count bug of PySide6 6.12 on Python 3.11: every call of a Qt method returning void
(QPainter.save, QFont.setBold, …) takes one reference from None without having given it. From Python 3.12 None is
immortal and nothing happens; on 3.11 the interpreter aborts ("none_dealloc") once None's count reaches zero,
after some tens of thousands of such calls. Painting a long report makes that many calls, so the renderer keeps
a reserve of references to None and refills it as it drains. Qt-free; cheap to call often.
"""

from __future__ import annotations

import sys

_RESERVE: list[None] = []
_LOW_WATER = 2_000_000
_REFILL = 4_000_000


def keep_none_alive() -> None:
    """Top up None's reference count when it runs low (no-op on Pythons where None is immortal)."""
    if sys.version_info >= (3, 12):
        return
    if sys.getrefcount(None) < _LOW_WATER:
        _RESERVE.extend([None] * _REFILL)
