"""Frame sources: still images, video files and cameras behind one iterator interface.

``images`` sniffs, sizes and decodes stills, ``video`` reads video files, ``camera`` runs
a camera's reader thread; ``files`` opens only regular files, with bounded reads.
"""

from __future__ import annotations

from pathlib import Path

from camcheck.errors import CamcheckError
from camcheck.native import native_stderr_silenced
from camcheck.sources.camera import (
    CAMERA_JOIN_TIMEOUT_S,
    CAMERA_PROBE_COUNT,
    CAMERA_QUEUE_FRAMES,
    CAMERA_READ_TIMEOUT_S,
    CAMERA_REQUEST_FPS,
    CAMERA_REQUEST_SIZE,
    CAMERA_SEARCH_INDICES,
    CAMERA_START_TIMEOUT_S,
    DEFAULT_LIVE_SECONDS,
    SAMPLE_CLIP_NAME,
    CameraInfo,
    CameraSource,
    camera_picture,
    find_camera,
    open_camera,
    probe_camera,
    probe_cameras,
    sample_clip,
    sample_clip_hint,
)
from camcheck.sources.files import checked_path, regular_file
from camcheck.sources.frames import Frame, FrameSource
from camcheck.sources.images import (
    DEFAULT_VIDEO_FPS,
    IMAGE_SUFFIXES,
    MAX_IMAGE_FILE_BYTES,
    MAX_IMAGE_PIXELS,
    MIN_IMAGE_SIDE,
    VIDEO_SUFFIXES,
    ArraySource,
    ImageSource,
    load_image,
    to_rgb8,
)
from camcheck.sources.video import LoopedVideo, VideoSource, video_duration

__all__ = [
    "CAMERA_JOIN_TIMEOUT_S",
    "CAMERA_PROBE_COUNT",
    "CAMERA_QUEUE_FRAMES",
    "CAMERA_READ_TIMEOUT_S",
    "CAMERA_REQUEST_FPS",
    "CAMERA_REQUEST_SIZE",
    "CAMERA_SEARCH_INDICES",
    "CAMERA_START_TIMEOUT_S",
    "DEFAULT_LIVE_SECONDS",
    "DEFAULT_VIDEO_FPS",
    "IMAGE_SUFFIXES",
    "MAX_IMAGE_FILE_BYTES",
    "MAX_IMAGE_PIXELS",
    "MIN_IMAGE_SIDE",
    "SAMPLE_CLIP_NAME",
    "VIDEO_SUFFIXES",
    "ArraySource",
    "CameraInfo",
    "CameraSource",
    "Frame",
    "FrameSource",
    "ImageSource",
    "LoopedVideo",
    "VideoSource",
    "camera_picture",
    "checked_path",
    "find_camera",
    "load_image",
    "native_stderr_silenced",
    "open_camera",
    "open_source",
    "probe_camera",
    "probe_cameras",
    "regular_file",
    "sample_clip",
    "sample_clip_hint",
    "source_kind",
    "to_rgb8",
    "video_duration",
]


def source_kind(spec: str | None) -> str:
    """The kind of source ``open_source(spec)`` opens: "camera", "image" or "video".

    Decimal digits only make a camera index: "²" is a digit to Python but not a number.
    """
    if spec is None or spec.strip().isdecimal():
        return "camera"
    return "image" if Path(spec).suffix.lower() in IMAGE_SUFFIXES else "video"


def open_source(spec: str | None, seconds: float | None = None) -> FrameSource:
    """A camera index ("0"; None searches 0..3) or a file path -> an open frame source.

    A camera is watched for ``seconds`` (CAMERA default when None); a video file is read
    whole, or its first ``seconds`` when given.
    """
    camera_seconds = DEFAULT_LIVE_SECONDS if seconds is None else seconds
    if spec is None:
        return find_camera(camera_seconds)
    if spec.strip().isdecimal():
        return CameraSource(int(spec), camera_seconds)
    path = checked_path(spec)
    if path.is_dir():  # not "not an image": live takes a video too
        raise CamcheckError("error.source_is_directory", path=str(path))
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return ImageSource(path)
    return VideoSource(path, seconds)
