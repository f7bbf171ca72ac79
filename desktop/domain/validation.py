"""Validation of a whole record against its entity: every field cleaned, every refusal collected, and the
cross-checks on the fields accepted, so that every error is reported at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from desktop.domain.entities import EntitySpec
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.fields import Field

FieldCleaner = Callable[[Field, object], object]


def _clean(field: Field, value: object) -> object:
    return field.clean(value)


def validate(spec: EntitySpec, data: Mapping[str, object], clean: FieldCleaner = _clean) -> dict[str, object]:
    """Return the record's fields in stored form; raise ValidationError listing every refused field in Vietnamese.

    Fields missing from `data` take their default (or stay empty). Keys that are not fields are ignored.
    `clean(field, value)` cleans one value (Field.clean by default; the Excel import passes a memoising one).
    """
    cleaned: dict[str, object] = {}
    errors: list[FieldError] = []
    blank_derived: list[str] = []
    for field in spec.fields:
        value = data.get(field.name, field.default)
        if field.name in spec.derived and (value is None or (isinstance(value, str) and not value.strip())):
            blank_derived.append(field.name)
            continue
        try:
            cleaned[field.name] = clean(field, value)
        except ValueError as exc:
            errors.append(FieldError(field.name, field.title, str(exc)))
    for name in blank_derived:
        # A figure left blank is computed from the others (amount = quantity × unit price) when they allow it.
        derived = spec.derived[name](cleaned) if not errors else None
        field = spec.field(name)
        if derived is None and field.required:
            errors.append(FieldError(name, field.title, "bắt buộc phải nhập"))
        try:  # a computed figure obeys the field's own rules too (range, what SQLite can store)
            cleaned[name] = field.clean(derived) if derived is not None else derived
        except ValueError as exc:
            errors.append(FieldError(name, field.title, str(exc)))
    # The cross-checks run even when a field is refused, so that a form shows every error at once (not the date
    # order only after the next save); a check reads only the fields that were accepted (a refused one is absent and
    # checks skip what they do not have), and says nothing more about a field already refused.
    refused = {e.field for e in errors}
    for check in spec.checks:
        for name, message in check(cleaned):
            if name not in refused:
                errors.append(FieldError(name, spec.field(name).title, message))
    if errors:
        raise ValidationError(errors)
    return cleaned
