"""Row revisions in the CouchDB style: rev = "<generation>-<hash of the row's content>", with a short ancestry.

A row edited outside the app (in Excel) no longer matches the hash in its rev, which is how such edits are noticed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from desktop.domain.entities import EntitySpec

HISTORY_LENGTH = 20


def content_hash(spec: EntitySpec, row: Mapping[str, object], deleted: bool = False) -> str:
    """A stable hash of the row's data fields (not its bookkeeping); deletion is part of the content."""
    payload = {name: _canonical(row.get(name)) for name in spec.field_names}
    for name in spec.added_later:  # empty, a field added later hashes as if it did not exist (older revisions)
        if payload.get(name) in ("", [], "[]"):
            del payload[name]
    payload["_deleted"] = 1 if deleted else 0
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    import hashlib  # here: loading OpenSSL is ~3 ms, and opening the window hashes nothing

    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def _canonical(value: object) -> object:
    # 3 and 3.0 must hash the same whichever way a spreadsheet hands them back.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value is None:
        return ""
    return value


def generation(rev: str | None) -> int:
    """The generation number of `rev` (0 for no revision)."""
    if not rev:
        return 0
    return int(rev.partition("-")[0])


def rev_hash(rev: str) -> str:
    """The content-hash part of `rev`."""
    return rev.partition("-")[2]


def next_rev(previous: str | None, digest: str) -> str:
    """The revision that follows `previous` for content with hash `digest`."""
    return f"{generation(previous) + 1}-{digest}"


def extend_history(history: Sequence[str], previous: str | None) -> list[str]:
    """The ancestry after moving on from `previous`: newest first, at most HISTORY_LENGTH entries."""
    if not previous:
        return list(history)[:HISTORY_LENGTH]
    return [previous, *[r for r in history if r != previous]][:HISTORY_LENGTH]


def parse_history(text: str | None) -> list[str]:
    """The ancestry stored as JSON text (newest first); [] for none."""
    if not text:
        return []
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []
