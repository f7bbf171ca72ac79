"""Legacy TCVN3 / VNI text: tables, detection, and conversion during an import."""

from __future__ import annotations

import pytest

from desktop.exchange import legacy
from desktop.services.exchange import export_workbook, preview_import
from tests.exchange.helpers import column_of, edit, spec_sheet

LOWER = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"


def test_tcvn3_table_round_trip_and_known_words():
    assert legacy.tcvn3_to_unicode(legacy.unicode_to_tcvn3(LOWER)) == LOWER
    assert legacy.tcvn3_to_unicode("KÕ ho¹ch s¶n xuÊt") == "Kế hoạch sản xuất"
    assert legacy.tcvn3_to_unicode("M\u00adêng Kh\u00ad¬ng") == "Mường Khương"
    assert legacy.tcvn3_to_unicode("§ång Nai") == "Đồng Nai"


def test_vni_table_round_trip_and_known_words():
    text = " ".join(LOWER) + " " + " ".join(LOWER.upper())
    assert legacy.vni_to_unicode(legacy.unicode_to_vni(text)) == text
    assert legacy.vni_to_unicode("Xin chaøo caùc baïn") == "Xin chào các bạn"
    assert legacy.vni_to_unicode("Sôû Coâng Thöông Ñoàng Nai") == "Sở Công Thương Đồng Nai"


def test_detection_leaves_unicode_alone():
    for text in ("Sở Công Thương Đồng Nai", "Ông Nguyễn Văn Tèo", "Café 100%", "Đợt 1 – quý II"):
        assert legacy.guess_encoding(text) == ""
        assert legacy.convert(text, "tcvn3") == text and legacy.convert(text, "vni") == text
    assert legacy.guess_encoding("C«ng ty TNHH Hßa B×nh") == "tcvn3"
    assert legacy.guess_encoding("Coâng ty TNHH Hoøa Bình") == "vni"
    assert legacy.encoding_from_fonts({".VnTime", "Calibri"}) == "tcvn3"
    assert legacy.encoding_from_fonts({"VNI-Times"}) == "vni"


def test_tcvn3_text_in_a_workbook_is_converted_and_shown(seeded_store, tmp_path):
    path = export_workbook(seeded_store, tmp_path / "a.xlsx").path

    def old_font(wb):
        from openpyxl.styles import Font

        ws = wb[spec_sheet("legal_bases")]
        cell = ws.cell(2, column_of(ws, "Cơ quan ban hành"))
        cell.value = legacy.unicode_to_tcvn3("Hội đồng nhân dân tỉnh Đồng Nai")
        cell.font = Font(name=".VnTime")

    preview = preview_import(seeded_store, edit(path, tmp_path / "b.xlsx", old_font))
    assert not preview.errors
    assert any("TCVN3" in n for n in preview.notes)
    changed = [r for r in preview.rows if r.status == "changed"]
    assert len(changed) == 1 and changed[0].changes[0][2] == "Hội đồng nhân dân tỉnh Đồng Nai"


@pytest.mark.parametrize("name", ["Müller GmbH", "Công ty Köln Chemie", "François Dupont", "Bürkert Việt Nam"])
def test_foreign_names_in_a_unicode_workbook_are_not_taken_for_tcvn3(name):
    # ü, ö, ç are TCVN3 codes too ("Müller" would read "Mỹller"): a word that is no Vietnamese syllable after the
    # conversion tells foreign text, which is left as typed.
    assert legacy.guess_encoding(name) == ""


@pytest.mark.parametrize("text", ["Nguyễn Văn Hùng", "Trường THPT Ngô Quyền, phường Long Bình",
                                  "Ủy ban nhân dân xã Phước Thiền", "Nghiêm Xuân Quỳnh"])
def test_tcvn3_text_without_its_font_is_still_recognised(text):
    assert legacy.guess_encoding(legacy.unicode_to_tcvn3(text)) == "tcvn3"
    # (a capital with a tone mark has no TCVN3 code of its own: it comes back in lower case, "Ủy" -> "ủy")
    assert legacy.tcvn3_to_unicode(legacy.unicode_to_tcvn3(text)).lower() == text.lower()
