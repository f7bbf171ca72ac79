"""Benchmark: a list of 100,000 participants in the GUI's table model, against Qt's stock models on the same rows.

Prints the time to load, to search accent-insensitively, to sort by name (Vietnamese order) and to paint the first
screen, for EntityTableModel and for QStandardItemModel + QSortFilterProxyModel (the raw Qt baseline), with ratios.
Usage: QT_QPA_PLATFORM=offscreen python bench/bench_table.py [ROWS]
"""

from __future__ import annotations

import os
import random
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRegularExpression, QSortFilterProxyModel, Qt  # noqa: E402,E501
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from desktop.domain.entities import PARTICIPANTS  # noqa: E402
from desktop.ui.models.columns import field_columns  # noqa: E402
from desktop.ui.models.entity_model import EntityTableModel  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Hoài"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đông", "Giang", "Hà", "Hùng", "Lan", "Linh", "Mai", "Nam", "Tâm", "Yến"]
ORGS = ["Sở Công Thương", "UBND huyện Trảng Bom", "Công ty TNHH Hóa chất Đồng Nai", "Chợ Biên Hòa", "Siêu thị Co.op"]


class _PlainModel(QAbstractTableModel):
    """The simplest table model over a list of string lists."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[list[str]] = []

    def load(self, cells: list[list[str]]) -> None:
        self.beginResetModel()
        self.cells = cells
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802, ANN001
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802, ANN001
        return 0 if parent.isValid() else (len(self.cells[0]) if self.cells else 0)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells[index.row()][index.column()]
        return None


def make_rows(count: int) -> list[dict]:
    """Synthetic participants with Vietnamese names."""
    rng = random.Random(1)
    return [{"id": str(i), "full_name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
             "gender": rng.choice(["male", "female"]), "organisation": rng.choice(ORGS),
             "org_kind": rng.choice(["department", "district", "enterprise", "commerce"]), "position": "Chuyên viên",
             "attended": 1, "pre_score": rng.randint(0, 20) / 2, "post_score": rng.randint(0, 20) / 2,
             "satisfaction": rng.randint(1, 5)} for i in range(count)]


def timed(action) -> float:  # noqa: ANN001
    """Seconds taken by `action()`."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def paint_first_screen(app: QApplication, model) -> float:  # noqa: ANN001
    """Seconds to show a table view over `model` and paint it once."""
    view = QTableView()
    view.resize(1200, 700)

    def show() -> None:
        view.setModel(model)
        view.show()
        app.processEvents()
        view.scrollToBottom()
        app.processEvents()

    seconds = timed(show)
    view.close()
    return seconds


def main() -> int:
    """Run the comparison and print the figures."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    app = QApplication.instance() or QApplication([])
    rows = make_rows(count)
    columns = field_columns(PARTICIPANTS, ["full_name", "gender", "organisation", "org_kind", "position", "attended",
                                           "pre_score", "post_score", "satisfaction"])
    ours = EntityTableModel(columns)
    ours_load = timed(lambda: ours.set_rows(rows))
    ours_search = timed(lambda: ours.set_search("nguyen van dung"))
    ours_again = timed(lambda: ours.set_search("tran thi lan"))
    ours_clear = timed(lambda: ours.set_search(""))
    ours_sort = timed(lambda: ours.sort(0))
    ours_paint = paint_first_screen(app, ours)

    # The baseline is the textbook way: a minimal table model over lists of strings behind a QSortFilterProxyModel.
    # (QStandardItemModel was tried first: ~900,000 setItem calls abort Python 3.11 with "deallocating None",
    # a reference-count bug of the PySide6 6.12 binding for functions returning None.)
    stock = _PlainModel()
    stock_load = timed(lambda: stock.load([[c.text(row, {}) for c in columns] for row in rows]))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(stock)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    # The stock proxy cannot ignore accents: it needs the exact "Nguyễn Văn Dũng" to find what ours finds from ASCII.
    stock_search = timed(lambda: proxy.setFilterRegularExpression(QRegularExpression("Nguyễn Văn Dũng")))
    stock_again = timed(lambda: proxy.setFilterRegularExpression(QRegularExpression("Trần Thị Lan")))
    stock_clear = timed(lambda: proxy.setFilterRegularExpression(QRegularExpression("")))
    stock_sort = timed(lambda: proxy.sort(0))
    stock_paint = paint_first_screen(app, proxy)

    print(f"{count:,} rows: ours vs a plain table model + QSortFilterProxyModel (seconds, ratio ours/stock)")
    for name, a, b in (("load", ours_load, stock_load), ("first search", ours_search, stock_search),
                       ("next search", ours_again, stock_again),
                       ("clear search", ours_clear, stock_clear), ("sort by name", ours_sort, stock_sort),
                       ("first paint + scroll to end", ours_paint, stock_paint)):
        print(f"  {name:<28} {a:8.3f}  {b:8.3f}  ratio {a / b if b else float('inf'):6.2f}")
    print(f"  search found {ours.rowCount()} rows after clearing; stock proxy {proxy.rowCount()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
