"""The shape of a row as every layer passes it around."""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]
"""A row: column name -> value (text as str, whole numbers as int, decimals as float, nothing as None).

Values are `Any` because a row's columns differ by entity; the entity's fields (`desktop.domain.fields`) say what
each one holds, and validation (`desktop.domain.validation`) guarantees it before anything is stored."""
