"""The plan itself printed from the data: for the 2024 plan its text is the seed document's, sentence by sentence
(the seed folds activities II.1.1–II.1.4 into one bullet; the app prints one bullet per activity), and a new year's
plan prints as a draft (issue 11)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from desktop.reports.data import build_report
from desktop.reports.model import all_text
from desktop.services import plan_year

SEED = Path(__file__).parents[1] / "data" / "seed_plan_2024.txt"  # the seed document, as transcribed


def _words(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("**", "").replace("KT.CHỦ", "KT. CHỦ")
    return " ".join(w.strip(".,;:-") for w in re.findall(r"[\w/.,%–-]+", text) if w.strip(".,;:-"))


def test_the_2024_plan_prints_the_seed_text(seeded_store):
    doc = build_report(seeded_store, "plan")
    ours = _words(all_text(doc) + "\n" + "\n".join(doc["options"]["recipients"]) + "\n"
                  + doc["options"]["signer_authority"] + " " + doc["options"]["signer_title"] + " "
                  + doc["options"]["signer_name"] + "\n" + doc["date_line"] + "\nNơi nhận:")
    seed = SEED.read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.;:])\s+|\n+", seed) if len(s.split()) >= 2]
    missing = [s for s in sentences if _words(s) not in ours]
    assert missing == [], missing[:5]
    assert doc["options"]["number"].strip() == "/KH-UBND"
    assert doc["date_line"] == "Đồng Nai, ngày      tháng      năm 2024"
    assert not doc.get("draft")


def test_a_new_years_plan_prints_as_a_draft(seeded_store):
    plan = seeded_store.repo("plans").rows()[0]
    new_id = plan_year.copy_plan_to_year(seeded_store, plan["id"], 2025)
    if seeded_store.repo("plans").get(new_id).get("status") != "draft":
        seeded_store.repo("plans").update(new_id, {"status": "draft"})
    doc = build_report(seeded_store, "plan", plan_id=new_id)
    assert doc.get("draft")
    assert "Tiến độ thực hiện: Quý II, III, IV năm 2025" in all_text(doc)
