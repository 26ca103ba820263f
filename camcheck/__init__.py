"""camcheck: checks your webcam picture before a video call and tells you how to fix it.

The public API::

    from camcheck import check_image, check_live
    report = check_image("me.jpg")          # or check_live("0", seconds=5), or a video file
    for finding in report.findings:
        print(finding.id, finding.measured)
"""

from __future__ import annotations

import os

# OpenCV reads its decoding limit once, when it is loaded, so it must be set before the
# first `import cv2` anywhere in camcheck: this module runs first. The number is
# camcheck.sources.images.MAX_IMAGE_PIXELS (a test checks they agree).
os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", "100000000")
# FFmpeg inside OpenCV logs at this level and above only (-8 is AV_LOG_QUIET): broken
# files are reported by camcheck's own one line.
os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")

from camcheck.core import (
    check_image,
    check_images,
    check_live,
    check_source,
    check_video,
    iter_images,
    list_checks,
)
from camcheck.errors import CamcheckError
from camcheck.findings import Finding, Severity
from camcheck.report.model import Report

__version__ = "0.1.0"

__all__ = [
    "CamcheckError",
    "Finding",
    "Report",
    "Severity",
    "check_image",
    "check_images",
    "check_live",
    "check_source",
    "check_video",
    "iter_images",
    "list_checks",
]
