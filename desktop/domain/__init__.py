"""Pure-Python rules of the plan: entities, enumerations, validation, text, money and date rules. No Qt, no SQLite."""

from desktop.domain.errors import FieldError, ValidationError

__all__ = ["FieldError", "ValidationError"]
