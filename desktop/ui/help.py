"""Help → the Vietnamese user guide, shipped with the app and shown offline."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from desktop.paths import resource


class HelpDialog(QDialog):
    """Shows resources/docs/huong-dan-su-dung.html."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(False)
        path = resource("docs", "huong-dan-su-dung.html")
        self.browser.setHtml(path.read_text(encoding="utf-8") if path.exists() else self.tr("The guide is missing."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)
