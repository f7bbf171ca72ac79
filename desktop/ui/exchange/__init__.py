"""The Excel exchange's windows, one job per module:

    worker.py          a dialog's background jobs, run by desktop/ui/background.py (progress, cancel, messages)
    changes.py         the list of row changes of an import preview, its filter and translated titles
    conflicts.py       the bar resolving conflicts (keep mine / take theirs, for the selection or all)
    import_preview.py  the import preview dialog: counts, messages, changes, conflicts, apply
    preview_print.py   the import preview as a printable page
    export_dialog.py   the export with a progress bar and Stop
    sheet_preview.py   the first rows of a sheet, the header row marked, skipped rows greyed
    list_import.py     importing a list typed by an office (header row, columns, preview, apply)
"""
