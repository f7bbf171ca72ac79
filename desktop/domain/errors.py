"""Validation errors that carry the field and a Vietnamese message for the user."""

from __future__ import annotations

from typing import NamedTuple


class FieldError(NamedTuple):
    """One refused value: the field's name, its Vietnamese title and the reason in Vietnamese."""

    field: str
    title: str
    message: str

    def __str__(self) -> str:
        return f"{self.title}: {self.message}" if self.title else self.message


class ValidationError(ValueError):
    """Raised when input is refused; `errors` lists every refused field, not only the first."""

    def __init__(self, errors: list[FieldError] | str):
        if isinstance(errors, str):
            errors = [FieldError("", "", errors)]
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))

    @property
    def fields(self) -> list[str]:
        """The names of the refused fields."""
        return [e.field for e in self.errors]
