"""Excel exchange between offices: the workbook format, export, safe reading, merge preview and apply (Qt-free)."""
