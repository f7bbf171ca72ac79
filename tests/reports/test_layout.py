"""Layout rules of the printed documents checked on the PDFs of the sample year, read back with poppler: the closing
paragraph, the signature and "Nơi nhận" on one page; no table row cut across pages; dates and codes never wrapped;
every appendix named in the body; texts printed whole (issue 11)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace

import pytest

from desktop.reports.data import build_report, report_ids
from desktop.reports.options import load_options
from desktop.reports.render import render_pdf
from desktop.services.sample_data import fill_sample_data
from desktop.services.setup import init_database

from .pdftools import needs_poppler, page_texts

pytestmark = needs_poppler


@pytest.fixture(scope="module")
def sample_pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("layout")
    store = init_database(folder / "sample.db")
    plan = store.repo("plans").rows()[0]
    fill_sample_data(store, plan["id"], participants=300, seed=1)
    paths = {}
    try:
        for report_id in report_ids():
            options = replace(load_options(store, plan, report_id), date="2024-12-25")
            paths[report_id] = folder / f"{report_id}.pdf"
            render_pdf(build_report(store, report_id, options=options), paths[report_id])
        yield store, paths
    finally:
        store.close()


def _page_of(pages: list[str], needle: str) -> int:
    found = [i for i, text in enumerate(pages) if needle in text]
    assert found, needle
    return found[-1]


REPORTS = ("plan-report", "tasks", "training", "survey", "budget")
CLOSINGS = {**dict.fromkeys(REPORTS, "Trên đây là"), "request": "Rất mong", "reminder": "Rất mong",
            "submission": "kính trình xem xét"}


@pytest.mark.parametrize("report_id", sorted(CLOSINGS))
def test_closing_signature_and_recipients_on_one_page(sample_pdfs, report_id):
    _, paths = sample_pdfs
    pages = page_texts(paths[report_id])
    closing = _page_of(pages, CLOSINGS[report_id])
    assert closing == _page_of(pages, "Nơi nhận:") == _page_of(pages, "PHÓ GIÁM ĐỐC") == _page_of(pages, "Lưu: VT")


@pytest.mark.parametrize("report_id", ["estimate", "sign-in", "allowance"])
def test_signatures_of_lists_stay_with_the_end_of_the_table(sample_pdfs, report_id):
    _, paths = sample_pdfs
    pages = page_texts(paths[report_id])
    last_row = _page_of(pages, "Bằng chữ:" if report_id != "sign-in" else "Danh sách có")
    assert last_row == _page_of(pages, "NGƯỜI LẬP")


@pytest.mark.parametrize("report_id", report_ids())
def test_every_appendix_is_named_in_the_body(sample_pdfs, report_id):
    _, paths = sample_pdfs
    pages = page_texts(paths[report_id])
    labels = [m.group(1) for p in pages for m in re.finditer(r"PHỤ LỤC ([IVX]+)", p)]
    first_appendix = min((i for i, p in enumerate(pages) if "PHỤ LỤC" in p), default=len(pages))
    body = " ".join(pages[:first_appendix])
    for label in labels:
        assert re.search(rf"Phụ lục {label}\b", body), (report_id, label)


@pytest.mark.parametrize("report_id", report_ids())
def test_dates_and_codes_never_wrap_and_texts_are_whole(sample_pdfs, report_id):
    _, paths = sample_pdfs
    raw = subprocess.run(["pdftotext", str(paths[report_id]), "-"], capture_output=True, text=True,
                         check=True).stdout
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{0,3}\s*\n", raw), report_id  # "04/07/202⏎4"
    assert not re.search(r"\b\d{1,2}/\s*\n\s*\d{1,2}/\d{4}", raw), report_id
    assert not re.search(r"\bII\.\d\.\s*\n\s*\d\b", raw), report_id  # "II.1.⏎1"
    assert "…" not in raw.replace("…/KH-UBND", ""), report_id


def test_no_task_row_is_cut_across_pages(sample_pdfs):
    store, paths = sample_pdfs
    pages = page_texts(paths["tasks"])
    appendix = [i for i, p in enumerate(pages) if "PHỤ LỤC I" in p][0]
    for task in store.repo("tasks").rows():
        words = task["title"].split()
        first = " ".join(words[:5])
        last = " ".join(words[-2:])
        where = [i for i in range(appendix, len(pages)) if first in pages[i]]
        assert where, task["code"]
        assert last in pages[where[0]], (task["code"], "cut across pages")
    for page in pages[appendix:]:
        assert page.count("Nội dung") >= 1  # the header on every page of the table


def test_no_participant_row_is_cut_across_pages(sample_pdfs):
    store, paths = sample_pdfs
    pages = page_texts(paths["training"])
    for person in store.repo("participants").rows(order_by="rowid")[:300:7]:
        holding = [i for i, p in enumerate(pages) if person["full_name"] in p]
        assert holding, person["full_name"]
        assert any(person["organisation"].split()[-1] in pages[i] for i in holding)


def test_a_group_heading_row_is_never_last_on_a_page(sample_pdfs):
    _, paths = sample_pdfs
    raw = subprocess.run(["pdftotext", "-layout", str(paths["survey"]), "-"], capture_output=True, text=True,
                         check=True).stdout
    for page in raw.split("\f"):
        lines = [line for line in page.splitlines() if line.strip()]
        assert not lines or "— sản lượng" not in lines[-1], lines[-1]  # an enterprise's heading without its rows
