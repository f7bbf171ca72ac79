"""Agencies in time, for the screens, the commands and the documents: names at a date, ended agencies, successors.

The rules themselves are in desktop.domain.agencies (the reports, below the services, use them directly).
"""

from __future__ import annotations

import datetime as dt

from desktop.domain import agencies as rules
from desktop.domain.rows import Row
from desktop.store import Store


def agency_name_at(store: Store, agency_id: str, day: dt.date | str | None) -> str:
    """The name agency `agency_id` bore on `day` (a document's date); "" when there is no such agency.

    Deleted agencies still answer: old rows keep pointing at them and their documents still print them.
    """
    found = store.repo("agencies").rows(id=agency_id, include_deleted=True)
    return rules.name_at(found[0], day) if found else ""


def agency_names_at(store: Store, day: dt.date | str | None) -> dict[str, str]:
    """id -> the name each agency bore on `day`, deleted agencies included."""
    return {row["id"]: rules.name_at(row, day) for row in store.repo("agencies").rows(include_deleted=True)}


def is_ended(agency: Row, day: dt.date | str | None = None) -> bool:
    """True when `agency` ended before `day` (today when not given): lists show it greyed."""
    return rules.ended_before(agency, day or dt.date.today())
