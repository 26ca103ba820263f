"""An MJPEG camera's frames decoded at the size the analysis needs, not whole (issue 19).

No camera here: the captures are built in the test and hand back what OpenCV's V4L2
backend hands back with CAP_PROP_CONVERT_RGB off (each JPEG as one row of bytes), or a
decoded picture, or a raw format that is not a JPEG.
"""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np
import pytest

from camcheck.report.json_format import report_dict
from camcheck.session import Session
from camcheck.sources import CameraSource, Frame, camera_picture
from camcheck.sources import camera as camera_module
from tests.conftest import FIXTURES

JPEG_QUALITY = 85


def webcam_picture(size: tuple[int, int]) -> np.ndarray:
    """A seated person at ``size`` (BGR), as a webcam sees them."""
    photo = cv2.imread(str(FIXTURES / "good_obama.jpg"))
    return cv2.resize(photo, size, interpolation=cv2.INTER_AREA)


def encoded(bgr: np.ndarray) -> np.ndarray:
    """The JPEG of ``bgr`` as V4L2 hands it back unconverted: one row of bytes."""
    ok, data = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    assert ok
    return data.reshape(1, -1)


class JpegCapture:
    """A capture that hands back each frame as the JPEG the camera sent, until told to
    convert (CAP_PROP_CONVERT_RGB on), then decoded BGR pictures as OpenCV converts them."""

    def __init__(self, raw: np.ndarray, frames: int = 10**9, interval: float = 0.005) -> None:
        self.raw = raw
        self.frames = frames
        self.interval = interval
        self.converting = False
        self.released = False
        self.settings: list[tuple[int, float]] = []

    def isOpened(self) -> bool:
        return True

    def set(self, prop: int, value: float) -> bool:
        self.settings.append((prop, value))
        if prop == cv2.CAP_PROP_CONVERT_RGB:
            self.converting = bool(value)
        return True

    def read(self):
        if self.frames <= 0:
            time.sleep(0.001)
            return False, None
        time.sleep(self.interval)
        self.frames -= 1
        if self.converting:
            return True, webcam_picture((64, 48))
        return True, self.raw.copy()

    def release(self) -> None:
        self.released = True


def camera_frames(capture: JpegCapture, seconds: float = 0.3) -> list[Frame]:
    return list(CameraSource(0, seconds, opener=lambda index: capture))


def test_a_720p_jpeg_is_decoded_straight_to_the_working_copy() -> None:
    picture = webcam_picture((1280, 720))
    frames = camera_frames(JpegCapture(encoded(picture)))
    assert frames
    frame = frames[0]
    # decoded at half size: the 640x360 working copy itself, never the whole 1280x720
    assert frame.image.shape == (360, 640, 3)
    assert frame.source_size == (1280, 720)
    assert frame.size == (1280, 720)
    # the same picture as decoding whole and scaling down, to within JPEG's own rounding
    whole = cv2.cvtColor(cv2.imdecode(encoded(picture), cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
    scaled = cv2.resize(whole, (640, 360), interpolation=cv2.INTER_AREA)
    difference = np.abs(frame.image.astype(np.int16) - scaled.astype(np.int16))
    assert float(difference.mean()) < 1.0
    # and RGB, not BGR: the red channel of the photo is the red channel of the frame
    assert abs(float(frame.image[..., 0].mean()) - float(scaled[..., 0].mean())) < 1.0
    assert abs(float(frame.image[..., 0].mean()) - float(scaled[..., 2].mean())) > 1.0


@pytest.mark.parametrize(
    ("size", "decoded", "reported"),
    [
        ((1920, 1080), (540, 960), (1920, 1080)),  # half size: a quarter would be 480 wide
        ((3840, 2160), (540, 960), (3840, 2160)),  # a quarter
        ((640, 480), (480, 640), None),  # already the working size: whole
        ((800, 600), (600, 800), None),  # half would be under 640: whole
    ],
)
def test_the_smallest_scale_that_keeps_the_working_size(size, decoded, reported) -> None:
    picture = camera_picture(encoded(webcam_picture(size)))
    assert picture is not None
    image, source_size = picture
    assert image.shape[:2] == decoded
    assert source_size == reported


def test_a_decoded_picture_comes_through_as_before() -> None:
    bgr = webcam_picture((320, 240))
    picture = camera_picture(bgr)
    assert picture is not None
    image, size = picture
    assert size is None
    assert np.array_equal(image, cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))


def test_a_jpeg_cut_short_is_dropped_not_judged_grey() -> None:
    raw = encoded(webcam_picture((1280, 720)))
    assert camera_picture(raw[:, : raw.shape[1] // 2]) is None


def test_a_raw_format_that_is_not_jpeg_turns_conversion_back_on() -> None:
    # given a backend that handed back YUYV unconverted (two bytes a pixel)
    capture = JpegCapture(np.zeros((48, 64, 2), np.uint8))
    frames = camera_frames(capture)
    # then the reader asked OpenCV to convert again, and judged the converted pictures
    assert (cv2.CAP_PROP_CONVERT_RGB, 1) in capture.settings
    assert frames and frames[0].image.shape == (48, 64, 3)
    assert frames[0].source_size is None


def test_a_camera_whose_jpegs_are_always_refused_gets_opencv_conversion_back() -> None:
    # given a camera whose every JPEG lacks its end marker (OpenCV's conversion takes them)
    whole = encoded(webcam_picture((1280, 720)))
    capture = JpegCapture(whole[:, :-2])
    frames = camera_frames(capture)
    # then after a few refused frames the reader gives decoding back to OpenCV
    assert (cv2.CAP_PROP_CONVERT_RGB, 1) in capture.settings
    assert frames and frames[0].image.shape == (48, 64, 3)


class FakeDevice:
    """cv2.VideoCapture(index) of a camera that settles on ``fourcc``."""

    def __init__(self, fourcc: str) -> None:
        self.fourcc = cv2.VideoWriter.fourcc(*fourcc)
        self.settings: list[tuple[int, float]] = []

    def isOpened(self) -> bool:
        return True

    def set(self, prop: int, value: float) -> bool:
        self.settings.append((prop, value))
        return True

    def get(self, prop: int) -> float:
        return float(self.fourcc) if prop == cv2.CAP_PROP_FOURCC else 0.0


@pytest.mark.parametrize(("fourcc", "raw"), [("MJPG", True), ("YUYV", False)])
def test_open_camera_asks_for_the_jpeg_only_from_an_mjpeg_camera(monkeypatch, fourcc, raw):
    devices: list[FakeDevice] = []

    def device(index: int) -> FakeDevice:
        devices.append(FakeDevice(fourcc))
        return devices[-1]

    monkeypatch.setattr(camera_module.cv2, "VideoCapture", device)
    camera_module.open_camera(0)
    assert ((cv2.CAP_PROP_CONVERT_RGB, 0) in devices[0].settings) is raw


def test_a_camera_run_judges_the_camera_size_and_saves_the_working_copy(perception) -> None:
    # given a 1280x720 MJPEG camera whose JPEGs are decoded at 640x360
    capture = JpegCapture(encoded(webcam_picture((1280, 720))), frames=12, interval=0.02)
    source = CameraSource(0, 5.0, opener=lambda index: capture)
    report = Session(perception).run(source)
    # then the camera checks judge what the camera sent, not the decoded size
    assert report.metrics["camera_width"] == 1280
    assert report.metrics["camera_height"] == 720
    assert "camera.low_resolution" not in {f.id for f in report.findings}
    # and --save and the window get the working copy they always drew on; the JSON report
    # gives regions in the camera's pixels
    assert report.snapshot is not None
    assert report.snapshot.scene.frame.shape == (360, 640, 3)
    data = report_dict(report)
    assert data["source_size"] == [1280, 720]
    assert data["analysed_size"] == [640, 360]


def test_the_reader_thread_is_the_one_that_decodes() -> None:
    # The decode runs in the camera's reader thread, beside the analysis, as before.
    seen: list[str] = []
    original = camera_module.camera_picture

    def recording(raw):
        seen.append(threading.current_thread().name)
        return original(raw)

    camera_module.camera_picture = recording
    try:
        camera_frames(JpegCapture(encoded(webcam_picture((1280, 720)))), seconds=0.1)
    finally:
        camera_module.camera_picture = original
    assert seen and all(name.startswith("camcheck camera") for name in seen)
