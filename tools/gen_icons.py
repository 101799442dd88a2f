#!/usr/bin/env python3
"""Draws the app icon (a calendar page with a release marker) as PNGs for the page's web app manifest.

usage: tools/gen_icons.py OUT_DIR      writes relplan-192.png and relplan-512.png (committed under
assets/icons/; rerun only when the design changes). Standard library only, so no image package is needed.
"""
import struct
import sys
import zlib


def pixel(x, y, n):
    """RGBA of the icon at (x, y) for an n x n image: rounded blue tile, white page, orange marker."""
    u, v = (x + 0.5) / n, (y + 0.5) / n
    r = 0.18  # tile corner radius
    cx, cy = min(max(u, r), 1 - r), min(max(v, r), 1 - r)
    if (u - cx) ** 2 + (v - cy) ** 2 > r * r:
        return (0, 0, 0, 0)
    tile = (0x3b, 0x5b, 0xdb, 255)
    if 0.2 <= u <= 0.8 and 0.24 <= v <= 0.8:
        if v < 0.36:
            return (0xe8, 0xec, 0xfb, 255)  # page header
        col, row = int((u - 0.2) / 0.12), int((v - 0.36) / 0.11)
        inside = (u - 0.2) % 0.12 > 0.02 and (v - 0.36) % 0.11 > 0.02
        if col == 3 and row == 2 and inside:
            return (0xf2, 0x8c, 0x28, 255)  # the release day
        return (0xff, 0xff, 0xff, 255) if inside else (0xc9, 0xd1, 0xf2, 255)
    return tile


def png(n):
    rows = b"".join(b"\0" + b"".join(struct.pack("4B", *pixel(x, y, n)) for x in range(n)) for y in range(n))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "assets/icons"
    for size in (192, 512):
        with open(f"{out}/relplan-{size}.png", "wb") as f:
            f.write(png(size))
