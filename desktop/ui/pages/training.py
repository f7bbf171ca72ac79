"""Đào tạo: the training course, its participants (counts vs the target of 200), evaluation and materials."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.domain.choices import GENDERS, ORG_KINDS
from desktop.domain.entities import PARTICIPANTS, TRAINING_COURSES, TRAINING_MATERIALS
from desktop.services import analysis
from desktop.ui import formatting, theme
from desktop.ui.context import AppContext
from desktop.ui.models.columns import field_columns
from desktop.ui.pages.base import Page
from desktop.ui.widgets.lazy_tab import LazyTab
from desktop.ui.widgets.list_panel import ListPanel, choice_filter

COURSE_FIELDS = ["title", "task_id", "venue", "start_date", "end_date", "target_participants", "organiser_id",
                 "lecturers", "content", "note"]
PARTICIPANT_FIELDS = ["full_name", "gender", "birth_year", "organisation", "org_kind", "agency_id", "position",
                      "phone", "email", "attended", "pre_score", "post_score", "satisfaction", "note"]


BACKGROUND_FROM_PARTICIPANTS = 20_000  # a course this big has its figures computed off the GUI thread


class TrainingPage(Page):
    """Courses on top; the selected course's participants and materials below, with its figures."""

    key = "training"
    report_id = "training"

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        self.courses = ListPanel(ctx, "training_courses",
                                 field_columns(TRAINING_COURSES, ["title", "venue", "start_date", "end_date",
                                                                  "target_participants"]),
                                 COURSE_FIELDS, defaults=lambda: {"target_participants": 200})
        self.participants = ListPanel(
            ctx, "participants",
            field_columns(PARTICIPANTS, ["full_name", "gender", "organisation", "org_kind", "position", "attended",
                                         "pre_score", "post_score", "satisfaction"]),
            PARTICIPANT_FIELDS, parent_field="course_id",
            filters=[choice_filter("gender", self.tr("Gender"), "participants"),
                     choice_filter("org_kind", self.tr("Organisation kind"), "participants")],
            defaults=lambda: {"attended": 1})
        # The materials' tab is built when first opened (widgets/lazy_tab.py), on the course selected then.
        self._materials_tab = LazyTab(lambda: ListPanel(
            ctx, "training_materials", field_columns(TRAINING_MATERIALS, ["title", "kind", "copies", "note"]),
            ["title", "kind", "copies", "note"], parent_field="course_id"))
        self._materials_tab.when_built(lambda panel: panel.set_parent(self.participants.parent_id))
        self.figures = QLabel()
        self.figures.setObjectName("training_figures")
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.courses.current_changed.connect(self._course_changed)
        self._rows_read = 0  # how many times the participants were read: the figures follow each reading once
        self._figures_for: tuple | None = None
        self.participants.rows_changed.connect(self._participants_read)
        # Participants changed while their tab is not shown (the list reads them when opened): the figures follow now.
        ctx.bus.changed.connect(lambda entity: self._participants_read()
                                if entity in ("participants", "*") and self.participants.is_waiting() else None)

        tabs = QTabWidget()
        tabs.addTab(self.participants, self.tr("Participants"))
        tabs.addTab(self._materials_tab, self.tr("Materials handed out"))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.figures)
        lower_layout.addWidget(tabs, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.courses)
        split.addWidget(lower)
        split.setSizes([160, 600])
        self.outer.addWidget(split, 1)
        self.set_heading(self.title())

    def title(self) -> str:
        """Sidebar name."""
        return self.tr("Training")

    @property
    def materials(self) -> ListPanel:
        """The materials handed out at the selected course (built with their tab)."""
        return self._materials_tab.content()

    def refresh(self) -> None:
        """Reload the courses and select the first."""
        shown = self.participants.parent_id
        self.courses.reload()
        if self.courses.current_row() is None and self.courses.model.rowCount():
            self.courses.view.selectRow(0)
        current = self.courses.current_row()
        if (current["id"] if current else None) == shown:
            # The same course: its lists are read again once (a new course was loaded by _course_changed).
            self.participants.reload()
            if self._materials_tab.is_built():
                self.materials.reload()
        else:
            self._course_changed(current)

    def _course_changed(self, row: dict | None) -> None:
        course_id = row["id"] if row else None
        if course_id != self.participants.parent_id:
            self.participants.set_parent(course_id)  # its rows_changed recomputes the figures
            if self._materials_tab.is_built():
                self.materials.set_parent(course_id)
        else:
            self._update_figures()

    def recolour(self) -> None:
        """The figures' colour follows the new palette."""
        self._figures_for = None
        self._update_figures()

    def _participants_read(self) -> None:
        self._rows_read += 1
        self._update_figures()

    def _update_figures(self) -> None:
        course = self.courses.current_row()
        if not course:
            self.figures.setText(self.tr("Add a course, then its participants."))
            return
        key = (course["id"], self._rows_read, course.get("rev"))
        if key == self._figures_for and self.figures.text():
            return  # the same rows as the last time: the figures stand
        self._figures_for = key
        if self.ctx.store.path is not None and \
                max(len(self.participants.model.all_rows()), self.participants.expected_rows) > \
                BACKGROUND_FROM_PARTICIPANTS:
            self._figures_in_background(course["id"])
            return
        self.show_figures(analysis.training_figures(self.ctx.store, course["id"]))

    def _figures_in_background(self, course_id: str) -> None:
        # A course of tens of thousands: its figures are computed on a read-only connection of their own while the
        # list can already be searched; a newer request replaces the result of an older one.
        from desktop.ui.background import BackgroundOp, on_own_connection

        wanted = self._figures_for
        work = on_own_connection(self.ctx.store.path, lambda store: analysis.training_figures(store, course_id))

        def ready(figures: dict) -> None:
            if wanted == self._figures_for:
                self.show_figures(figures)

        self.figures.setText(self.tr("Computing the figures…"))
        BackgroundOp(self, work).quietly().success(ready).failure(self.figures.setText).run_in_background()

    def show_figures(self, f: dict) -> None:
        """Show a course's figures `f` (analysis.training_figures) above its lists."""
        unknown = self.tr("not given")
        kinds = ", ".join(f"{formatting.choice_text(ORG_KINDS, k) or unknown}: {n}"
                          for k, n in sorted(f["by_org_kind"].items(), key=lambda kv: -kv[1]))
        genders = ", ".join(f"{formatting.choice_text(GENDERS, k) or unknown}: {n}" for k, n in f["by_gender"].items())
        colour = theme.text_colour(theme.SUCCESS if f["target"] and f["count"] >= f["target"] else theme.WARNING)
        text = (
            f"<span style='color:{colour}; font-weight:bold'>"
            + self.tr("Participants: %1 / target %2").replace("%1", formatting.format_int(f["count"]))
            .replace("%2", formatting.format_int(f["target"]))
            + "</span> — " + self.tr("attended: %1").replace("%1", formatting.format_int(f["attended"]))
            + "<br>" + self.tr("By organisation kind: %1").replace("%1", kinds or "—")
            + "<br>" + self.tr("By gender: %1").replace("%1", genders or "—")
            + "<br>" + self.tr("Average score before: %1, after: %2; satisfaction: %3 / 5")
            .replace("%1", formatting.format_decimal(f["average_pre"]) or "—")
            .replace("%2", formatting.format_decimal(f["average_post"]) or "—")
            .replace("%3", formatting.format_decimal(f["average_satisfaction"]) or "—")
        )
        self.figures.setText(text)
