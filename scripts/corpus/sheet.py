"""Contact sheets: a numbered grid of thumbnails, for looking at corpus pictures by eye."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cv2
import numpy as np

# Thumbnail cell size in pixels; 8 columns of 240 px fit a 1920 px wide sheet.
CELL = 240
COLUMNS = 8


def first_frame(path: Path) -> np.ndarray | None:
    """The picture, or a clip's middle frame."""
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is not None:
        return image
    capture = cv2.VideoCapture(str(path))
    count = int(capture.get(cv2.CAP_PROP_FRAME_COUNT))
    capture.set(cv2.CAP_PROP_POS_FRAMES, max(0, count // 2))
    ok, frame = capture.read()
    capture.release()
    return frame if ok else None


def sheet(paths: list[Path], cell: int = CELL, columns: int = COLUMNS) -> np.ndarray:
    """One grid image; each cell shows its index and the image size."""
    rows = max(1, -(-len(paths) // columns))
    out = np.full((rows * (cell + 18), columns * cell, 3), 40, np.uint8)
    for index, path in enumerate(paths):
        image = first_frame(path)
        r, c = divmod(index, columns)
        y, x = r * (cell + 18), c * cell
        label = f"{index}"
        if image is not None:
            h, w = image.shape[:2]
            scale = cell / max(h, w)
            small = cv2.resize(
                image,
                (max(1, round(w * scale)), max(1, round(h * scale))),
                interpolation=cv2.INTER_AREA,
            )
            out[y + 18 : y + 18 + small.shape[0], x : x + small.shape[1]] = small
            label += f" {w}x{h}"
        cv2.putText(out, label, (x + 2, y + 14), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (255, 255, 0), 1)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="PNG to write; more sheets get _2, _3, ...")
    parser.add_argument("files", nargs="*", type=Path, help="pictures (or read from stdin)")
    parser.add_argument("--per-sheet", type=int, default=48)
    parser.add_argument("--cell", type=int, default=CELL)
    args = parser.parse_args(argv)
    files = args.files or [Path(line.strip()) for line in sys.stdin if line.strip()]
    for start in range(0, len(files), args.per_sheet):
        chunk = files[start : start + args.per_sheet]
        number = start // args.per_sheet + 1
        out = args.out if number == 1 else args.out.with_name(f"{args.out.stem}_{number}.png")
        cv2.imwrite(str(out), sheet(chunk, args.cell))
        listing = out.with_suffix(".txt")
        listing.write_text("".join(f"{i}\t{p}\n" for i, p in enumerate(chunk)))
        print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
