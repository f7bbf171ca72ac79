"""Property: random edits made to an exported workbook are exactly what the import applies."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.text import clean_text
from desktop.services.exchange import apply_import, export_workbook, preview_import
from desktop.store import Store
from tests.exchange.helpers import add_course, column_of, find_row, new_store, spec_sheet

PEOPLE = 5
ALPHABET = "abcdeghiklmnopqrstuvxyđăâêôơưàáảãạếềệốồộớờợứừựíìỉ ABCĐNGHTVXYZ0123456789-.,'()"
TEXT = st.text(ALPHABET, min_size=1, max_size=40).filter(lambda s: clean_text(s) != "")
EDIT = st.one_of(
    st.tuples(st.just("full_name"), TEXT),
    st.tuples(st.just("organisation"), TEXT),
    st.tuples(st.just("note"), TEXT),
    st.tuples(st.just("birth_year"), st.integers(1920, 2015)),
    st.tuples(st.just("pre_score"), st.integers(0, 100).map(lambda n: n / 10)),
    st.tuples(st.just("gender"), st.sampled_from(["male", "female", "other"])),
    st.tuples(st.just("deleted"), st.just(True)),
)
TITLES = {"full_name": "Họ và tên", "organisation": "Đơn vị công tác", "note": "Ghi chú", "birth_year": "Năm sinh",
          "pre_score": "Điểm trước tập huấn", "gender": "Giới tính", "deleted": "Xóa"}
GENDER_TITLES = {"male": "Nam", "female": "Nữ", "other": "Khác"}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    folder = tmp_path_factory.mktemp("prop")
    store = new_store(folder / "base.db")
    add_course(store, PEOPLE)
    export_workbook(store, folder / "base.xlsx")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return folder


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, PEOPLE - 1), EDIT), min_size=0, max_size=8))
def test_random_edits_are_exactly_what_the_import_applies(base, tmp_path_factory, edits):
    work = tmp_path_factory.mktemp("ex")
    shutil.copy(base / "base.db", work / "db.db")
    store = Store.open(work / "db.db")
    try:
        people = store.repo("participants").rows(order_by="rowid")
        expected = {p["id"]: dict(p) for p in people}
        wb = openpyxl.load_workbook(base / "base.xlsx")
        ws = wb[spec_sheet("participants")]
        for index, (name, value) in edits:
            person = people[index]
            row = find_row(ws, "_id", person["id"])
            cell = ws.cell(row, column_of(ws, TITLES[name]))
            if name == "deleted":
                cell.value = "x"
                expected[person["id"]]["deleted"] = 1
            elif name == "gender":
                cell.value = GENDER_TITLES[value]
                expected[person["id"]][name] = value
            else:
                cell.value = value
                expected[person["id"]][name] = clean_text(value) if isinstance(value, str) else value
        wb.save(work / "edited.xlsx")
        preview = preview_import(store, work / "edited.xlsx")
        assert not preview.errors, preview.errors
        apply_import(store, preview)
        after = {p["id"]: p for p in store.repo("participants").rows(include_deleted=True)}
        fields = [*TITLES]
        for row_id, want in expected.items():
            got = after[row_id]
            assert {f: got[f] for f in fields} == {f: want[f] for f in fields}
            before = next(p for p in people if p["id"] == row_id)
            edited = any(before[f] != want[f] for f in fields)
            assert (got["rev"] != before["rev"]) == edited
        changed_rows = {r.row_id for r in preview.rows if r.status in ("changed", "deleted")}
        assert changed_rows == {i for i, w in expected.items()
                                if any(next(p for p in people if p["id"] == i)[f] != w[f] for f in fields)}
        assert {r.entity for r in preview.rows} <= {"participants"}
    finally:
        store.close()
