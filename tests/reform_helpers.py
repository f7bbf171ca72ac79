"""A 2024 database after the 2025 reform, built by hand: communes succeeding some districts, a merged department."""

from __future__ import annotations

import json

from desktop.store import Store

DISTRICTS = ("BIENHOA", "LONGKHANH", "CAMMY", "DINHQUAN", "LONGTHANH", "NHONTRACH", "TANPHU", "THONGNHAT",
             "TRANGBOM", "VINHCUU", "XUANLOC")


def codes(store: Store) -> dict[str, str]:
    """code -> id of every agency."""
    return {row["code"]: row["id"] for row in store.repo("agencies").rows(include_deleted=True)}


def reform(store: Store) -> dict[str, str]:
    """Long Thành -> two communes (ambiguous), Cẩm Mỹ -> one commune (automatic), the other districts without
    successors (missing), Sở TN&MT ended 28/02/2025 -> Sở Nông nghiệp và Môi trường. Returns code -> id."""
    repo = store.repo("agencies")
    ids = codes(store)

    def add(code: str, name: str, kind: str, valid_from: str) -> str:
        return repo.add({"code": code, "name": name, "kind": kind, "valid_from": valid_from})["id"]

    lt1 = add("X_LT_A", "UBND xã Long Thành A", "commune", "2025-07-01")
    lt2 = add("X_LT_B", "UBND xã Long Thành B", "commune", "2025-07-01")
    cm = add("X_CM", "UBND xã Cẩm Mỹ", "commune", "2025-07-01")
    nnmt = add("SNNMT", "Sở Nông nghiệp và Môi trường", "department", "2025-03-01")
    repo.update(ids["LONGTHANH"], {"successor_ids": [lt1, lt2]})
    repo.update(ids["CAMMY"], {"successor_ids": [cm]})
    repo.update(ids["STNMT"], {"valid_to": "2025-02-28", "successor_ids": [nnmt]})
    return codes(store)


def plan_rows(store: Store, plan_id: str) -> dict[str, list[dict]]:
    """Every row of the plan's tasks, responsibilities and office reports, bookkeeping included."""
    return {entity: store.repo(entity).rows(plan_id=plan_id, include_deleted=True)
            for entity in ("tasks", "responsibilities", "office_reports", "legal_bases", "budget_lines")}


def ids_of(value: object) -> list[str]:
    """A stored list of references as a list of ids."""
    return json.loads(value) if isinstance(value, str) and value else []
