"""Draw the application icon with QPainter and write resources/icons/sxtdbv.png and sxtdbv.ico.

Run once after changing the drawing (the outputs are committed):
    QT_QPA_PLATFORM=offscreen .venv/bin/python build_spec/make_icon.py

The .ico holds PNG-compressed images of 16 to 256 pixels (read by Windows Vista and later), assembled here by hand
because Qt's ICO writer stores only one size.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen  # noqa: E402

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
GREEN_LIGHT = QColor("#2e9d5b")
GREEN_DARK = QColor("#17643a")
LEAF = QColor("#f4f9ef")
BAR = QColor("#ffd257")


def draw_icon(size: int) -> QImage:
    """The icon at `size` x `size` pixels: a green rounded tile, a leaf and three rising bars (a plan that grows)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)  # draw on a 256-unit canvas whatever the size

    tile = QRectF(8, 8, 240, 240)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0, GREEN_LIGHT)
    gradient.setColorAt(1, GREEN_DARK)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(tile, 48, 48)

    # Three rising bars along the bottom.
    painter.setBrush(BAR)
    for index, height in enumerate((50, 78, 106)):
        painter.drawRoundedRect(QRectF(36 + index * 40, 212 - height, 28, height), 6, 6)

    # A leaf over the top right, its midrib drawn in the tile's colour.
    leaf = QPainterPath(QPointF(138, 132))
    leaf.cubicTo(QPointF(136, 66), QPointF(180, 38), QPointF(224, 34))
    leaf.cubicTo(QPointF(228, 88), QPointF(202, 132), QPointF(138, 132))
    painter.setBrush(LEAF)
    painter.drawPath(leaf)
    painter.setPen(QPen(GREEN_DARK, 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    rib = QPainterPath(QPointF(140, 130))
    rib.quadTo(QPointF(172, 88), QPointF(214, 46))
    painter.drawPath(rib)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """A Windows .ico file holding the PNG `images` of the given `sizes` (256 is written as 0, as the format says)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, data in zip(sizes, images, strict=True):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def main() -> int:
    """Write the PNG (256 px) and the multi-size ICO."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 - QPainter needs the application
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    images = [png_bytes(draw_icon(size)) for size in ICO_SIZES]
    (ICON_DIR / "sxtdbv.png").write_bytes(images[-1])
    (ICON_DIR / "sxtdbv.ico").write_bytes(ico_bytes(images, ICO_SIZES))
    print(f"wrote {ICON_DIR / 'sxtdbv.png'} and {ICON_DIR / 'sxtdbv.ico'} ({', '.join(map(str, ICO_SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
