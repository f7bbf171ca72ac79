"""Fill unfinished messages of a Qt .ts file from a JSON dictionary, and list what is still untranslated.

Usage: python scripts/fill_ts.py resources/i18n/sxtdbv_vi.ts translations.json
The JSON maps a source text to its translation, or "Context|source" to a translation for one context only.
Plural (numerus) messages get one form: Vietnamese has no plural inflection. The .ts file stays the source of truth.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def fill(ts_path: str, mapping: dict[str, str]) -> list[str]:
    """Fill the .ts in place; returns "context|source" of the messages still unfinished."""
    tree = ET.parse(ts_path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.get("type") not in ("unfinished", None) or (
                    translation.get("type") is None and (translation.text or list(translation))):
                continue
            text = mapping.get(f"{name}|{source}", mapping.get(source))
            if text is None:
                missing.append(f"{name}|{source}")
                continue
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                translation.text = None
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    left = fill(sys.argv[1], json.loads(open(sys.argv[2], encoding="utf-8").read()))
    for item in left:
        print("untranslated:", item)
    sys.exit(1 if left else 0)
