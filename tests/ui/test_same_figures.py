"""One figure, one value: the Training page, the dashboard and the printed documents show the same figures on the
sample year, because they all read desktop.figures (issue 11). Expected values from the participants' rows in SQLite."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop.figures import half_up
from desktop.reports.data import build_report
from desktop.reports.model import all_text

from .helpers import go_to_page


def test_training_page_dashboard_and_document_agree(qtbot, sample_window):
    store = sample_window.ctx.store
    pre, post, attended = store.db.execute(
        "SELECT avg(pre_score), avg(post_score), count(*) FROM participants WHERE deleted = 0 AND attended = 1"
    ).fetchone()
    pre, post = half_up(pre, 2), half_up(post, 2)
    shown = lambda value: f"{value:.2f}".replace(".", ",").rstrip("0").rstrip(",")  # noqa: E731 - as the page shows
    page = go_to_page(qtbot, sample_window, "training")
    label = page.figures.text()
    assert shown(pre) in label and shown(post) in label, label
    document = " ".join(all_text(build_report(store, "training", plan_id=sample_window.ctx.plan_id)).split())
    two = lambda value: f"{value:.2f}".replace(".", ",")  # noqa: E731 - as documents print
    assert f"trước tập huấn {two(pre)}, sau tập huấn {two(post)}" in document
    assert f"số học viên tham dự: {attended} người" in document
    dashboard = go_to_page(qtbot, sample_window, "dashboard")
    assert dashboard.findChild(QLabel, "value_participants").text().startswith(f"{attended} /")
    assert dashboard.findChild(QLabel, "as_of").text().startswith("Số liệu tính đến ngày") or \
        dashboard.findChild(QLabel, "as_of").text().startswith("Figures as of")
