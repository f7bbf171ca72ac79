"""The header row of a list: found by matching the known column titles (the best match in the first rows), and the
column suggested for each field from its title."""

from __future__ import annotations

from desktop.domain.text import clean_text, search_key
from desktop.exchange.lists.grid import SheetGrid
from desktop.exchange.lists.spec import NUMBER_TITLES, ListSpec

HEADER_SCAN_ROWS = 30  # the header of an official list comes after its title block, well within the first 30 rows
MIN_HEADER_SCORE = 2  # a header names at least two known columns (a title or the motto names none)
_NUMBER_KEYS = {search_key(t) for t in NUMBER_TITLES}

EXACT, PREFIX = 2, 1


def _quality(cell_key: str, title_key: str) -> int:
    if cell_key == title_key:
        return EXACT
    if " " not in title_key or not cell_key.startswith(title_key):
        return 0  # one-syllable titles ("tên", "đt") only ever match exactly
    rest = cell_key[len(title_key):].lstrip()
    # "Giới tính (Nam/Nữ)", "Số điện thoại:": a known title followed by an explanation;
    # "Đơn vị công tác cũ": more words only after a title of three syllables or more ("đơn vị" is not enough).
    if rest[:1] in ("(", ":", ",", "-", "/") or (rest != cell_key[len(title_key):] and title_key.count(" ") >= 2):
        return PREFIX
    return 0


def is_number_title(text: object) -> bool:
    """True for the title of a row-number column ("STT", "TT", "Số TT")."""
    return search_key(text).rstrip(".") in _NUMBER_KEYS


def _candidates(spec: ListSpec, keys: list[str]) -> list[tuple[int, int, int, str]]:
    out = []
    for f in spec.fields():
        for title in spec.accepted_titles(f.name):
            for col, key in enumerate(keys):
                quality = _quality(key, title) if key else 0
                if quality:
                    out.append((quality, len(title), -col, f.name))
    return out


def suggest_mapping(spec: ListSpec, headers: list[str]) -> dict[str, int]:
    """field name -> column index (0-based), suggested from the column titles: exact titles before titles followed by
    an explanation, longer titles first; each column and field used once; row-number columns never."""
    keys = ["" if is_number_title(h) else search_key(h) for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for _rank, _length, negative_col, name in sorted(_candidates(spec, keys), reverse=True):
        col = -negative_col
        if name not in mapping and col not in used:
            mapping[name] = col
            used.add(col)
    return dict(sorted(mapping.items(), key=lambda item: item[1]))


def header_score(spec: ListSpec, cells: list[object]) -> int:
    """How many known columns a row names: fields recognised by their titles, plus a row-number column."""
    texts = [c for c in cells if isinstance(c, str) and c.strip()]
    if len(texts) < MIN_HEADER_SCORE:
        return 0
    score = len(suggest_mapping(spec, [clean_text(c) for c in cells]))
    return score + (1 if any(is_number_title(c) for c in texts) else 0)


def find_header(spec: ListSpec, grid: SheetGrid, scan_rows: int = HEADER_SCAN_ROWS) -> int:
    """The Excel number of the header row: the row of the first `scan_rows` naming the most known columns (the first
    such row on a tie); 0 when none names at least two."""
    best_row, best = 0, MIN_HEADER_SCORE - 1
    for index, cells in enumerate(grid.cells[:scan_rows]):
        score = header_score(spec, cells)
        if score > best:
            best_row, best = index + 1, score
    return best_row


def headers_at(grid: SheetGrid, excel_row: int) -> list[str]:
    """The column titles of a header row (text as typed, cleaned; "" for an empty cell), as wide as the sheet."""
    width = max((len(r) for r in grid.cells), default=0)
    cells = grid.row(excel_row)
    return [clean_text(cells[c]) if c < len(cells) and cells[c] is not None else "" for c in range(width)]
