"""File → Settings: the interface language, this installation's office, how many automatic backups to keep."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox, QSpinBox

from desktop.services import backup, lookups, opening, records
from desktop.store import Store, StoreError
from desktop.ui import app_settings

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))


class SettingsDialog(QDialog):
    """Edits the per-user language (QSettings) and the database's office and backup count (they travel with it)."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(app_settings.get(app_settings.LANGUAGE)), 0))
        self.office = QComboBox()
        self.office.setObjectName("office")
        agencies = records.list_rows(store, "agencies")
        for row in sorted(agencies, key=lambda r: lookups.display_text("agencies", r)):
            self.office.addItem(f"{row['name']} ({row['code']})", row["code"])
        self.office.setCurrentIndex(max(self.office.findData(store.context.office), 0))
        self.keep = QSpinBox()
        self.keep.setObjectName("backup_keep")
        self.keep.setRange(1, backup.MAX_KEEP)
        self.keep.setValue(backup.backup_keep(store))
        self.read_only = opening.is_read_only(store)
        self.office.setEnabled(not self.read_only)
        self.keep.setEnabled(not self.read_only)
        text = self.tr("The language takes effect the next time the program starts.")
        if self.read_only:
            text += " " + self.tr("The database is open read-only: its office and backup count cannot be changed.")
        note = QLabel(text)
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Interface language:"), self.language)
        form.addRow(self.tr("This computer's office:"), self.office)
        form.addRow(self.tr("Automatic backups to keep:"), self.keep)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        """Store the settings; a refused value keeps the dialog open with the reason."""
        try:
            # A read-only database keeps its settings; the language is this computer's own and is always saved.
            if not self.read_only:
                if self.office.currentData() and self.office.currentData() != self.store.context.office:
                    self.store.set_office(self.office.currentData())
                backup.set_backup_keep(self.store, self.keep.value())
        except StoreError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        app_settings.put(app_settings.LANGUAGE, self.language.currentData())
        self.accept()
