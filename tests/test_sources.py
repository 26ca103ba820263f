"""Frame sources: stills in odd formats and places, video files, cameras that fail."""

from __future__ import annotations

import struct
from pathlib import Path

import cv2
import numpy as np
import pytest

from camcheck.errors import CamcheckError
from camcheck.sources import VideoSource, load_image, to_rgb8
from tests.conftest import FIXTURES


def jpeg_with_orientation(image_bgr: np.ndarray, orientation: int) -> bytes:
    """A JPEG with an EXIF APP1 segment holding only the Orientation tag."""
    ok, encoded = cv2.imencode(".jpg", image_bgr)
    assert ok
    data = encoded.tobytes()
    tiff = b"MM\x00*" + struct.pack(">I", 8) + struct.pack(">H", 1)
    tiff += struct.pack(">HHII", 0x0112, 3, 1, orientation << 16) + struct.pack(">I", 0)
    payload = b"Exif\x00\x00" + tiff
    app1 = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return data[:2] + app1 + data[2:]


def test_exif_rotated_photo_is_judged_upright(tmp_path: Path) -> None:
    # given a landscape array stored with "rotate 90 CW to display" (orientation 6)
    stored = np.zeros((100, 200, 3), np.uint8)
    stored[:, :20] = 255  # a white band on the stored left edge
    path = tmp_path / "phone photo.jpg"
    path.write_bytes(jpeg_with_orientation(stored, 6))
    # when loaded
    image = load_image(path)
    # then it is portrait and the band is at the top, as a viewer shows it
    assert image.shape[:2] == (200, 100)
    assert image[:20].mean() > 200 and image[-20:].mean() < 50


def test_non_ascii_path_with_spaces(tmp_path: Path) -> None:
    folder = tmp_path / "mijn foto's – é ü 日本"
    folder.mkdir()
    path = folder / "gezicht ë.png"
    cv2.imwrite(str(tmp_path / "x.png"), np.full((64, 64, 3), 128, np.uint8))
    path.write_bytes((tmp_path / "x.png").read_bytes())
    assert load_image(path).shape == (64, 64, 3)


@pytest.mark.parametrize(
    ("array", "expected"),
    [
        (np.full((40, 40), 200, np.uint8), (200, 200, 200)),
        (np.full((40, 40, 3), 65535, np.uint16), (255, 255, 255)),
        (
            np.dstack([np.full((40, 40, 3), 0, np.uint8), np.zeros((40, 40), np.uint8)]),
            (255, 255, 255),
        ),  # fully transparent black -> white background
        (
            np.dstack(
                [
                    np.full((40, 40), 10, np.uint8),
                    np.full((40, 40), 20, np.uint8),
                    np.full((40, 40), 30, np.uint8),
                ]
            ),
            (30, 20, 10),
        ),  # BGR -> RGB
    ],
)
def test_to_rgb8_handles_grey_16bit_alpha(array: np.ndarray, expected: tuple) -> None:
    rgb = to_rgb8(array)
    assert rgb.dtype == np.uint8 and rgb.shape == (40, 40, 3)
    assert tuple(int(v) for v in rgb[5, 5]) == expected


def test_16bit_png_loads(tmp_path: Path) -> None:
    path = tmp_path / "deep.png"
    cv2.imwrite(str(path), np.full((50, 60, 3), 32768, np.uint16))
    image = load_image(path)
    assert image.dtype == np.uint8 and abs(int(image[0, 0, 0]) - 128) <= 1


@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("missing.jpg", None, "error.missing"),
        ("empty.jpg", b"", "error.empty"),
        ("text.jpg", b"this is not a picture\n" * 10, "error.not_image"),
    ],
)
def test_bad_files_give_clear_errors(
    tmp_path: Path, name: str, content: bytes | None, key: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CamcheckError) as caught:
        load_image(path)
    assert caught.value.key == key
    assert str(path) in caught.value.render()


def test_directory_and_tiny_image(tmp_path: Path) -> None:
    with pytest.raises(CamcheckError) as caught:
        load_image(tmp_path)
    assert caught.value.key == "error.is_directory"
    tiny = tmp_path / "tiny.png"
    cv2.imwrite(str(tiny), np.zeros((1, 1, 3), np.uint8))
    with pytest.raises(CamcheckError) as caught:
        load_image(tiny)
    assert caught.value.key == "error.too_small"


def test_huge_png_is_refused_before_decoding(tmp_path: Path) -> None:
    # A PNG header that claims 20000x20000 is refused from the header alone.
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR"
    header += struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    path = tmp_path / "huge.png"
    path.write_bytes(header + b"\x00" * 64)
    with pytest.raises(CamcheckError) as caught:
        load_image(path)
    assert caught.value.key == "error.too_large"


def test_video_source_yields_every_frame_with_timestamps() -> None:
    frames = list(VideoSource(FIXTURES / "sample_call.mp4"))
    assert len(frames) == 75
    assert frames[15].timestamp == pytest.approx(1.0)
    assert frames[0].image.shape == (360, 640, 3)


def test_corrupt_video_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.mp4"
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"garbage" * 100)
    with pytest.raises(CamcheckError) as caught:
        VideoSource(path)
    assert caught.value.key == "error.not_video"


@pytest.mark.parametrize("size", [(1, 1), (16, 16), (8, 600)])
def test_a_video_under_32_pixels_a_side_is_refused_as_a_still_is(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    # A 16x16 clip has no face to find: "No face found, sit facing the camera" would be
    # advice about a picture nobody can judge.
    width, height = size
    path = tmp_path / "tiny.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15, (width, height))
    for value in range(10):
        writer.write(np.full((height, width, 3), value * 20, np.uint8))
    writer.release()
    with pytest.raises(CamcheckError) as caught:
        VideoSource(path)
    assert caught.value.key == "error.video_too_small"
    assert caught.value.render("en").endswith(
        f"tiny.avi: its frames are {width}x{height} pixels; camcheck needs at least 32 pixels "
        "on each side"
    )


# --- issue 16 --------------------------------------------------------------------------


@pytest.mark.parametrize("fps", [0.5, 480.0, 960.0])
def test_frame_rates_under_1_or_over_240_give_true_durations(tmp_path: Path, fps: float) -> None:
    path = tmp_path / f"{fps} fps.mp4"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), fps, (64, 48))
    for value in range(10):
        writer.write(np.full((48, 64, 3), value * 20, np.uint8))
    writer.release()
    source = VideoSource(path)
    frames = list(source)
    assert len(frames) == 10
    assert frames[-1].timestamp == pytest.approx(9 / fps)
    assert source.duration == pytest.approx(10 / fps)


def test_seconds_bounds_a_video_source() -> None:
    frames = list(VideoSource(FIXTURES / "sample_call.mp4", seconds=2.0))
    assert len(frames) == 30 and frames[-1].timestamp < 2.0


def _tiff_header_only(width: int, height: int, bits: int, *, big: bool = False) -> bytes:
    if big:  # BigTIFF: 8-byte offsets and counts, 20-byte entries
        entries = [(256, 16, width), (257, 16, height), (258, 3, bits)]
        ifd = struct.pack("<Q", len(entries))
        for tag, kind, value in entries:
            ifd += struct.pack("<HHQQ", tag, kind, 1, value)
        return b"II+\x00" + struct.pack("<HHQ", 8, 0, 16) + ifd + bytes(8)
    entries = [(256, 4, width), (257, 4, height), (258, 3, bits)]
    ifd = struct.pack("<H", len(entries))
    for tag, kind, value in entries:
        ifd += struct.pack("<HHII", tag, kind, 1, value)
    return b"II*\x00" + struct.pack("<I", 8) + ifd + bytes(4)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (_tiff_header_only(12000, 12000, 8), "error.too_large"),
        (_tiff_header_only(12000, 12000, 8, big=True), "error.too_large"),
        # 64-bit samples: 36 MP is over the quarter budget of deep images
        (_tiff_header_only(6000, 6000, 64), "error.too_large"),
        (
            b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 11000 +X 11000\n" + bytes(64),
            "error.not_image",
        ),
        (b"P5\n20000 20000\n255\n" + bytes(64), "error.not_image"),  # PGM: no size check
    ],
    ids=["tiff", "bigtiff", "deep tiff", "radiance hdr", "pgm"],
)
def test_formats_without_a_size_from_the_header_are_never_decoded(
    tmp_path: Path, data: bytes, key: str
) -> None:
    path = tmp_path / "picture.tif"
    path.write_bytes(data)
    with pytest.raises(CamcheckError) as caught:
        load_image(path)
    assert caught.value.key == key


def test_a_sparse_file_of_a_terabyte_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.jpg"
    with path.open("wb") as out:
        out.truncate(1 << 40)
    with pytest.raises(CamcheckError) as caught:
        load_image(path)
    assert caught.value.key == "error.file_too_large"


def test_avif_is_sized_from_its_header(tmp_path: Path) -> None:
    ok, encoded = cv2.imencode(".avif", np.full((64, 80, 3), 90, np.uint8))
    assert ok
    path = tmp_path / "small.avif"
    path.write_bytes(encoded.tobytes())
    assert load_image(path).shape == (64, 80, 3)
    data = bytearray(encoded.tobytes())
    at = data.find(b"ispe") + 8
    data[at : at + 8] = struct.pack(">II", 20000, 20000)
    path.write_bytes(bytes(data))
    with pytest.raises(CamcheckError) as caught:
        load_image(path)
    assert caught.value.key == "error.too_large"


def test_sixteen_bit_and_alpha_conversion_is_unchanged() -> None:
    # the strip-wise alpha and direct 16-bit scaling give what whole-image float math gave
    rng = np.random.default_rng(3)
    deep = rng.integers(0, 65536, (1100, 70, 4), dtype=np.uint16)
    expected_colour = (deep[:, :, :3].astype(np.float32) / 257.0).round()
    alpha = (deep[:, :, 3:].astype(np.float32) / 257.0).round() / 255.0
    expected = (expected_colour * alpha + 255.0 * (1.0 - alpha)).round().astype(np.uint8)
    assert np.array_equal(to_rgb8(deep), expected[:, :, ::-1])
