"""Synthetic group stills (issue 13): 2-5 real people from different photos, side by side.

Each person is a real photo cut out with camcheck's segmentation (soft matte pulled in 2 px)
and scaled so faces are small, as in a group at one laptop or a meeting-room camera. Every
face stays plainly visible (at least MIN_FACE_PX wide), so face.not_found must not fire.
People in one picture are drawn from one side of the corpus split when the builder's
split function is importable, so a composite never carries a held-out person into tuning.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import synth_common as sc

FAMILY = "groups"
NOFACE = "face.not_found"

CASES_PER_GENERATOR = 7
# The smallest face width (px at 960 px) a person still plainly sees as a face with eyes
# and mouth; the detector's own floor is lower.
MIN_FACE_PX = 44
# Face width as a share of the frame width, per generator.
ROW_FACE_SHARE = (0.07, 0.11)
PAIR_FACE_SHARE = (0.11, 0.16)
# Dusk: the group underexposed by this much (still plainly visible).
DUSK_EV = (-1.3, -0.7)
WALL_COLOURS = ((0.5, 0.48, 0.44), (0.3, 0.3, 0.3), (0.42, 0.34, 0.22), (0.08, 0.12, 0.25))


def _split_of():
    """The builder's split function, or None when running outside it."""
    try:
        import build_corpus  # type: ignore[import-not-found]
    except ImportError:
        return None
    return getattr(build_corpus, "split_of", None)


def _cutout(subject: sc.Subject) -> tuple[np.ndarray, np.ndarray, tuple[int, int, int, int]]:
    """The person cropped to the mask's box: linear picture, alpha, face box in the crop."""
    mask = sc.hard(subject.mask)
    ys, xs = np.nonzero(mask > 0.5)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    alpha = sc.gaussian(sc.erode(mask, 2), 1.0)[y0:y1, x0:x1]
    fx, fy, fw, fh = subject.face
    return sc.to_linear(subject.rgb[y0:y1, x0:x1]), alpha, (fx - x0, fy - y0, fw, fh)


def _room(size: tuple[int, int], rng: np.random.Generator) -> tuple[np.ndarray, str]:
    w, h = size
    if rng.random() < 0.35:
        pic = sc.picture(str(sc.pick(rng, ("motorcycle_left", "motorcycle_right", "china"))))
        sigma = float(rng.uniform(8, 16))
        return sc.gaussian(sc.to_linear(sc.cover(pic.image, size)), sigma), f"a blurred {pic.key}"
    colour = np.array(sc.pick(rng, WALL_COLOURS), np.float32)
    ramp = np.linspace(1.1, 0.85, h, dtype=np.float32)[:, None, None]
    return np.ones((h, w, 3), np.float32) * colour * ramp, "a plain wall"


def _compose(people: list[sc.Subject], rng: np.random.Generator, face_share: tuple[float, float],
             *, rows: int = 1) -> tuple[np.ndarray, list[int], str]:  # fmt: skip
    """People side by side (back row smaller and higher); returns frame, face widths, room."""
    w, h = sc.STILL_WIDTH, sc.STILL_WIDTH * 9 // 16
    canvas, room = _room((w, h), rng)
    n = len(people)
    # (people, scale, lift): the back row first (smaller, higher), so the front covers it.
    if rows == 1:
        layout = [(people, 1.0, 0.0)]
    else:
        layout = [(people[: n // 2], 0.85, 0.18 * h), (people[n // 2 :], 1.0, 0.0)]
    faces: list[int] = []
    for row, scale_row, lift in layout:
        count = len(row)
        slots = np.linspace(0.5 / count, 1 - 0.5 / count, count)
        if scale_row < 1.0:  # the back row stands between the front row's people
            slots = np.linspace(0.5 / (count + 1) + 0.5 / (count + 1), 1 - 1 / (count + 1), count)
        for slot, person in zip(slots, row, strict=True):
            item, alpha, (fx, fy, fw, _) = _cutout(person)
            target = max(MIN_FACE_PX, w * rng.uniform(*face_share) * scale_row)
            s = target / fw
            size = (max(4, round(item.shape[1] * s)), max(4, round(item.shape[0] * s)))
            item = cv2.resize(item, size, interpolation=cv2.INTER_AREA)
            alpha = cv2.resize(alpha, size, interpolation=cv2.INTER_AREA)
            cx = slot * w + rng.uniform(-0.03, 0.03) * w
            x = cx - (fx + fw / 2) * s
            # Stand on the frame's bottom (the back row higher), a little up or down.
            y = h - size[1] * rng.uniform(0.75, 0.95) - lift
            y = max(y, -fy * s + 0.04 * h)  # never cut the head at the top
            matrix = np.float32([[1, 0, x], [0, 1, y]])
            layer = cv2.warpAffine(item, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
            a = cv2.warpAffine(alpha, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
            # People further from the screen's light are a little darker.
            canvas = sc.composite(layer * float(rng.uniform(0.85, 1.05)), canvas, a)
            faces.append(round(fw * s))
    return canvas, faces, room


GENERATORS = {
    # name: (people range, face share, rows, dusk)
    "group_row_v1": ((3, 5), ROW_FACE_SHARE, 1, False),
    "group_pair_v1": ((2, 2), PAIR_FACE_SHARE, 1, False),
    "group_tworows_v1": ((4, 5), ROW_FACE_SHARE, 2, False),
    "group_dusk_v1": ((2, 4), ROW_FACE_SHARE, 1, True),
}
STILL_GENERATORS = GENERATORS


def build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    """Write the group stills; return their manifest records."""
    try:
        return _build(Path(out_dir), sources, rng_seed)
    finally:
        sc.close_perception()


def _build(out_dir: Path, sources: list[dict], rng_seed: int) -> list[dict]:
    subs = sc.subjects(sources)
    if len({s.group for s in subs}) < 2:
        return []
    split_of = _split_of()
    records: list[dict] = []
    for gen_name, (count_range, share, rows, dusk) in STILL_GENERATORS.items():
        for k in range(CASES_PER_GENERATOR):
            lead = sc.subject_for(subs, gen_name, k)
            rng = sc.family_rng(rng_seed, FAMILY, gen_name, k, lead.group)
            side = split_of(lead.group) if split_of else None
            pool = [
                s
                for s in subs
                if s.group != lead.group and (side is None or split_of(s.group) == side)
            ]
            # One photo per person: a group of different people.
            by_group: dict[str, sc.Subject] = {}
            for s in pool:
                by_group.setdefault(s.group, s)
            others = list(by_group.values())
            want = int(rng.integers(count_range[0], count_range[1] + 1)) - 1
            if len(others) < want:
                want = len(others)
            if want < 1:
                continue
            picks = [others[i] for i in rng.choice(len(others), size=want, replace=False)]
            people = [lead, *picks]
            order = rng.permutation(len(people))
            people = [people[i] for i in order]
            linear, faces, room = _compose(people, rng, share, rows=rows)
            gain = 1.0
            about = f"{len(people)} people from different photos side by side in front of {room}"
            if rows == 2:
                about = f"{len(people)} people in two rows in front of {room}"
            if dusk:
                ev = float(rng.uniform(*DUSK_EV))
                linear = linear * 2.0**ev
                gain = 2.0**-ev
                about += f", at dusk ({ev:+.1f} EV)"
            linear = sc.sensor_noise(sc.gaussian(linear, sc.WEBCAM_BLUR_SIGMA), rng, gain=gain)
            quality = sc.jpeg_quality(rng)
            image = sc.jpeg_roundtrip(sc.to_srgb(linear), quality)
            rel = sc.write_still(out_dir, FAMILY, f"{gen_name}_{k:02d}_{lead.name}", image, quality)
            who = "; ".join(f"{p.group} ({p.source['path']})" for p in people)
            records.append(
                sc.record(
                    rel,
                    kind="image",
                    subject=lead,
                    generator=gen_name,
                    must=[],
                    must_not=[NOFACE],
                    about=(
                        f"{about}; faces {min(faces)}-{max(faces)} px wide; people: {who}; "
                        f"JPEG q{quality}"
                    ),
                )
            )
    return records
