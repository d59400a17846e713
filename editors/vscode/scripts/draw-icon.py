#!/usr/bin/env python3
"""Draws images/icon.png, the extension's 256x256 Marketplace icon: a
rounded blue square with `{T}` in white. Needs Pillow and the DejaVu fonts
(Debian's fonts-dejavu-core); the PNG is committed, so this only runs when
the icon changes:

    python3 scripts/draw-icon.py images/icon.png
"""

import sys

from PIL import Image, ImageDraw, ImageFont

SIZE = 256
SCALE = 4  # drawn large, then scaled down: smooth edges
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"


def draw(path: str) -> None:
    big = SIZE * SCALE
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    # A vertical gradient from a light to a dark blue, inside a rounded square.
    top, bottom = (47, 128, 237), (21, 64, 140)
    gradient = Image.new("RGBA", (big, big))
    gd = ImageDraw.Draw(gradient)
    for y in range(big):
        t = y / (big - 1)
        gd.line([(0, y), (big, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)) + (255,))
    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, big - 1, big - 1], radius=48 * SCALE, fill=255)
    img.paste(gradient, (0, 0), mask)
    font = ImageFont.truetype(FONT, 118 * SCALE)
    text = "{T}"
    left, upper, right, lower = d.textbbox((0, 0), text, font=font)
    x = (big - (right - left)) / 2 - left
    y = (big - (lower - upper)) / 2 - upper
    d.text((x, y), text, font=font, fill=(255, 255, 255, 255))
    img.resize((SIZE, SIZE), Image.LANCZOS).save(path, optimize=True)


if __name__ == "__main__":
    draw(sys.argv[1] if len(sys.argv) > 1 else "images/icon.png")
