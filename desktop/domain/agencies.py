"""Rules about agencies in time: when an agency is in force, which name it bore on a date, who succeeds it.

Agencies are rows with a period of validity (valid_from, valid_to, ISO dates, either may be empty). An agency that
ended keeps its row: old tasks, responsibilities and reports keep pointing at it, and documents of its time print
the name it bore then. Pure Python: the store, the reports and the services all ask these functions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

from desktop.domain import choices as ch
from desktop.domain.text import clean_text, search_key


def _iso(day: dt.date | str) -> str:
    return day if isinstance(day, str) else day.isoformat()


def ended_before(agency: Mapping[str, object], day: dt.date | str) -> bool:
    """True when the agency's validity ended before `day` (its valid-to date is earlier)."""
    valid_to = agency.get("valid_to")
    return bool(valid_to) and str(valid_to) < _iso(day)


def in_force_during(agency: Mapping[str, object], first: dt.date | str, last: dt.date | str) -> bool:
    """True when the agency exists on at least one day of `first`..`last` (both included)."""
    valid_from, valid_to = agency.get("valid_from"), agency.get("valid_to")
    if valid_to and str(valid_to) < _iso(first):
        return False
    return not (valid_from and str(valid_from) > _iso(last))


def in_force_in_year(agency: Mapping[str, object], year: int) -> bool:
    """True when the agency exists on some day of `year` (a plan year: rows of that plan may name it)."""
    return in_force_during(agency, dt.date(year, 1, 1), dt.date(year, 12, 31))


def name_at(agency: Mapping[str, object], day: dt.date | str | None) -> str:
    """The name the agency bore on `day`: its former name before the day it was renamed, its name otherwise."""
    name = str(agency.get("name") or "")
    former, renamed_on = agency.get("former_name"), agency.get("renamed_on")
    if day is not None and former and renamed_on and _iso(day) < str(renamed_on):
        return str(former)
    return name


def successor_ids(agency: Mapping[str, object]) -> list[str]:
    """The ids of the agencies that took over from this one, in their stored order (empty when none is named)."""
    value = agency.get("successor_ids")
    if not value:
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return []
    return [str(i) for i in value if i] if isinstance(value, list | tuple) else []


# Kinds as officials write them in lists: the first words of the cell (accents and case aside) -> kind code.
_KIND_WORDS = (("ubnd xa", "commune"), ("ubnd phuong", "commune"), ("xa", "commune"), ("phuong", "commune"),
               ("dac khu", "commune"), ("thi tran", "commune"), ("ubnd huyen", "district"), ("huyen", "district"),
               ("thi xa", "district"), ("ubnd tinh", "province"), ("tinh", "province"), ("so", "department"),
               ("ban", "department"), ("bo", "ministry"), ("bao", "press"), ("dai", "press"),
               ("doanh nghiep", "enterprise"))


def kind_from_text(value: object) -> object:
    """An agency kind from what a list says ("xã", "Phường", "Sở", a kind's title or code); the value unchanged when
    it is none of them (validation then refuses it with the list of kinds)."""
    if not isinstance(value, str):
        return value
    text = clean_text(value)
    for choice in ch.AGENCY_KINDS:
        if text == choice.code or text.casefold() == choice.title.casefold():
            return choice.code
    key = search_key(text)
    for words, code in _KIND_WORDS:
        if key == words or key.startswith(words + " "):
            return code
    return value
