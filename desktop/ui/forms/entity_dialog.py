"""The form to add or edit one row of any entity: an editor per field, Vietnamese messages beside refused fields."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.entities import EntitySpec
from desktop.domain.errors import ValidationError
from desktop.domain.fields import Field
from desktop.store import StoreError
from desktop.ui import formatting, theme
from desktop.ui.forms.editors import FieldEditor, Options, make_editor

SaveFunction = Callable[[dict], dict]
# The warnings about the values as typed: (field, message) pairs that do not stop saving (services/row_warnings).
CheckFunction = Callable[[dict], list[tuple[str, str]]]


class EntityDialog(QDialog):
    """Edits `fields` of one row. On OK the row goes through `save` (a service call); if the domain refuses it, the
    dialog stays open and each refused field shows why, in Vietnamese. Nothing is saved until everything is valid."""

    def __init__(self, spec: EntitySpec, fields: list[str], values: Mapping[str, object],
                 options: Callable[[Field], Options], save: SaveFunction, *, title: str = "",
                 check: CheckFunction | None = None, parent=None):
        super().__init__(parent)
        self.spec = spec
        self.save_function = save
        self.check_function = check
        self.warning_labels: dict[str, QLabel] = {}
        self.saved_row: dict | None = None
        self.editors: dict[str, FieldEditor] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._modified = False
        self.setWindowTitle(title or spec.title)
        self.setModal(True)

        form_host = QWidget()
        form = QFormLayout(form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in fields:
            field = spec.field(name)
            editor = make_editor(field, options)
            editor.set_value(values.get(name, field.default))
            editor.changed.connect(self._mark_modified)
            # Fixing a refused field takes its message away at once; the others stay until they are fixed too.
            editor.changed.connect(lambda n=name: self._field_changed(n))
            editor.widget.setObjectName(f"field_{name}")
            error = QLabel()
            error.setObjectName(f"error_{name}")
            error.setStyleSheet(f"color: {theme.text_colour(theme.DANGER)};")
            error.setWordWrap(True)
            error.hide()
            warning = QLabel()
            warning.setObjectName(f"warning_{name}")
            warning.setStyleSheet(f"color: {theme.text_colour(theme.WARNING)};")
            warning.setWordWrap(True)
            warning.hide()
            host = QWidget()
            column = QVBoxLayout(host)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor.widget)
            column.addWidget(error)
            column.addWidget(warning)
            label = formatting.field_label(field) + (" *" if field.required else "")
            form.addRow(label, host)
            self.editors[name] = editor
            self.error_labels[name] = error
            self.warning_labels[name] = warning

        # A figure computed from others (Thành tiền = số lượng × đơn giá) follows them as they are typed, unless the
        # user typed a figure of their own in it.
        self._auto: dict[str, object] = {}
        for name in spec.derived:
            if name in self.editors:
                self._auto[name] = self.editors[name].value()
        if self._auto:
            for name, editor in self.editors.items():
                if name not in self._auto:
                    editor.changed.connect(self._recompute_derived)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet(f"color: {theme.text_colour(theme.DANGER)}; font-weight: bold;")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(640, min(140 + 64 * len(fields), 720))
        if check is not None:
            for editor in self.editors.values():
                editor.changed.connect(self.update_warnings)
            self.update_warnings()

    def update_warnings(self) -> None:
        """Show the warnings about the values as typed under their fields (amber; saving is not stopped)."""
        if self.check_function is None:
            return
        found: dict[str, list[str]] = {}
        for name, message in self.check_function(self.values()):
            found.setdefault(name, []).append(message)
        for name, label in self.warning_labels.items():
            label.setText("\n".join(found.get(name, [])))
            label.setVisible(name in found)

    def _recompute_derived(self) -> None:
        values = self.values()
        cleaned: dict[str, object] = {}
        for name, value in values.items():
            try:
                cleaned[name] = self.spec.field(name).clean(value)
            except ValueError:
                cleaned[name] = None
        for name, previous in self._auto.items():
            current = self.editors[name].value()
            if current not in (None, "", previous):
                continue  # typed by the user: theirs to keep (validation says if it disagrees)
            figure = self.spec.derived[name](cleaned)
            self.editors[name].set_value(figure)
            self._auto[name] = self.editors[name].value()

    def _field_changed(self, name: str) -> None:
        label = self.error_labels.get(name)
        if label is not None and label.isVisible():
            label.hide()
            if not any(other.isVisible() for other in self.error_labels.values()):
                self.banner.hide()

    def _mark_modified(self) -> None:
        self._modified = True

    def editor(self, name: str) -> FieldEditor:
        """The editor of field `name` (used by tests and by pages that prefill)."""
        return self.editors[name]

    def values(self) -> dict[str, object]:
        """The values as typed."""
        return {name: editor.value() for name, editor in self.editors.items()}

    def try_save(self) -> bool:
        """Validate and save; on refusal show the messages and keep the dialog open."""
        for label in self.error_labels.values():
            label.hide()
        self.banner.hide()
        try:
            self.saved_row = self.save_function(self.values())
        except ValidationError as exc:
            self.show_errors(exc)
            return False
        except StoreError as exc:
            self.banner.setText(str(exc))
            self.banner.show()
            return False
        self._modified = False
        self.accept()
        return True

    def show_errors(self, exc: ValidationError) -> None:
        """Show each refused field's reason under it and focus the first one."""
        first: QWidget | None = None
        other: list[str] = []
        for error in exc.errors:
            label = self.error_labels.get(error.field)
            if label is None:
                other.append(str(error))
                continue
            label.setText(error.message)
            label.show()
            if first is None:
                first = self.editors[error.field].widget
        count = len(exc.errors)
        self.banner.setText(self.tr("Not saved: %n field(s) need correcting.", "", count)
                            + ("\n" + "\n".join(other) if other else ""))
        self.banner.show()
        if first is not None:
            first.setFocus()

    def reject(self) -> None:
        """Cancel; ask first when something was typed, so edits are never lost silently."""
        if self._modified:
            answer = QMessageBox.question(
                self, self.tr("Discard changes?"), self.tr("The changes you typed have not been saved. Discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
