"""Creating a database: `init` and the GUI's first start (opening is in desktop/services/opening.py)."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.text import clean_text
from desktop.store import Store, StoreError
from desktop.store.seed import load_seed


def init_database(path: Path | str, *, empty: bool = False, office: str | None = None) -> Store:
    """Create a new database at `path`, seeded with the 2024 plan unless `empty`; refuse an existing file.

    `office` is this installation's office code (Sở Công Thương, "SCT", by default); it must be an agency of the
    seed unless the database is empty. Nothing is left behind when creation fails.
    """
    path = Path(path)
    if path.exists():
        raise StoreError(f"Tệp “{path}” đã có; không ghi đè. Hãy chọn tên khác hoặc xóa tệp cũ trước.")
    try:
        store = Store.open(path, create=True)
    except StoreError:
        _remove_partial(path)
        raise
    try:
        if office:
            store.set_office(clean_text(office).upper())
        if not empty:
            load_seed(store)
            codes = {row["code"] for row in store.repo("agencies").rows()}
            if store.context.office not in codes:
                raise StoreError(f"Không có đơn vị mã “{store.context.office}”. Các mã có: {', '.join(sorted(codes))}.")
    except BaseException:  # Ctrl-C included: never leave a half-made database that `init` would then refuse
        store.close()
        _remove_partial(path)
        raise
    return store


def _remove_partial(path: Path) -> None:
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            candidate.unlink()
        except OSError:  # never there, or its folder is not one: nothing to clean up
            pass
