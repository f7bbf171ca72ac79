"""Summaries for leadership in the Decree 30/2020 administrative layout.

data.py, facts.py, sections.py, model.py, options.py and table_print.py are Qt-free (they build a document model
from the store); render.py draws that model with Qt onto a printer or a PDF and is imported lazily.
"""
