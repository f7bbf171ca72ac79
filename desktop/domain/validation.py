"""Validation of a whole record against its entity: every field cleaned, every refusal collected, then cross-checks."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.domain.entities import EntitySpec
from desktop.domain.errors import FieldError, ValidationError


def validate(spec: EntitySpec, data: Mapping[str, object]) -> dict[str, object]:
    """Return the record's fields in stored form; raise ValidationError listing every refused field in Vietnamese.

    Fields missing from `data` take their default (or stay empty). Keys that are not fields are ignored.
    """
    cleaned: dict[str, object] = {}
    errors: list[FieldError] = []
    for field in spec.fields:
        value = data.get(field.name, field.default)
        try:
            cleaned[field.name] = field.clean(value)
        except ValueError as exc:
            errors.append(FieldError(field.name, field.title, str(exc)))
    if not errors:
        for check in spec.checks:
            for name, message in check(cleaned):
                errors.append(FieldError(name, spec.field(name).title, message))
    if errors:
        raise ValidationError(errors)
    return cleaned
