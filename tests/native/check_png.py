"""check_png.py: asserts a PNG has the expected size and is not blank (many distinct colours,
with both dark text and light background present)."""
import struct
import sys
import zlib

import numpy as np


def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), "expected 8-bit RGB(A)"
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    pixels = np.frombuffer(b"".join(rows), dtype=np.uint8).reshape(height, width, channels)
    return pixels[:, :, :3]


def main():
    path, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    img = read_png(path)
    assert img.shape[1] == width and img.shape[0] == height, f"{path}: size {img.shape[1]}x{img.shape[0]}"
    colours = len(np.unique(img.reshape(-1, 3), axis=0))
    luminance = img.mean(axis=2)
    dark = (luminance < 80).mean()
    light = (luminance > 200).mean()
    assert colours > 50, f"{path}: only {colours} colours, looks blank"
    assert dark > 0.002 and light > 0.3, f"{path}: dark {dark:.4f} light {light:.4f}: no text on a page?"
    print(f"{path}: {width}x{height}, {colours} colours, ok")


if __name__ == "__main__":
    main()
