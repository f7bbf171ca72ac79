"""Lists typed by offices in their own layout (participants, enterprises…), often in the official document layout:
a title block, the header, the rows, a total row and signatures. One generic import over a `ListSpec` per entity.

    spec.py     what a list kind is: entity, parent, duplicate keys, accepted column titles, value adapters
    grid.py     a sheet read into cleaned cells (merged cells filled, NFC, legacy text converted by encoding.py)
    encoding.py TCVN3/VNI text converted to Unicode, decided sheet by sheet
    header.py   finding the header row and suggesting the column of each field
    rows.py     telling data rows from blank, numbering, repeated header, group, total and signature rows
    preview.py  what importing the mapped rows would do (an ImportPreview, applied like any import)
"""
