"""Dump (context, source, comment, translation) from a compiled Qt .qm file (Qt ships no lconvert in PySide6).

Used once to list the source strings of Qt's own dialogs, so that resources/i18n/qtbase_vi.ts can translate them.
Usage: python scripts/qm_dump.py qtbase_fr.qm [CONTEXT ...]
"""

from __future__ import annotations

import struct
import sys

MAGIC = bytes([0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95, 0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD])


def messages(data: bytes):  # noqa: ANN201 - a development script
    """Yield (context, source, comment, translations) tuples."""
    assert data[:16] == MAGIC
    pos = 16
    while pos < len(data):
        tag, length = data[pos], struct.unpack(">I", data[pos + 1:pos + 5])[0]
        block = data[pos + 5:pos + 5 + length]
        pos += 5 + length
        if tag != 0x69:
            continue
        i = 0
        current: dict = {"tr": []}
        while i < len(block):
            t = block[i]
            i += 1
            if t == 1:  # end of message
                yield current.get("ctx", ""), current.get("src", ""), current.get("cmt", ""), current["tr"]
                current = {"tr": []}
            elif t in (3, 6, 7, 8):
                n = struct.unpack(">I", block[i:i + 4])[0]
                i += 4
                if t == 3:
                    raw = b"" if n == 0xFFFFFFFF else block[i:i + n]
                    current["tr"].append(raw.decode("utf-16-be"))
                    i += 0 if n == 0xFFFFFFFF else n
                else:
                    current[{6: "src", 7: "ctx", 8: "cmt"}[t]] = block[i:i + n].decode("utf-8", "replace")
                    i += n
            elif t == 2:  # obsolete
                pass
            elif t == 5:  # obsolete2
                i += 4
            else:
                raise ValueError(f"unknown tag {t}")


if __name__ == "__main__":
    wanted = set(sys.argv[2:])
    for ctx, src, cmt, tr in messages(open(sys.argv[1], "rb").read()):
        if not wanted or ctx in wanted:
            print(repr((ctx, src, cmt, tr[:1])))
