"""camcheck: checks your webcam picture before a video call and tells you how to fix it.

The public API::

    from camcheck import check_image, check_video
    report = check_image("me.jpg")
    for finding in report.findings:
        print(finding.id, finding.measured)
"""

from __future__ import annotations

from camcheck.core import check_image, check_images, check_source, check_video
from camcheck.errors import CamcheckError
from camcheck.findings import Finding, Severity
from camcheck.session import Report

__version__ = "0.1.0"

__all__ = [
    "CamcheckError",
    "Finding",
    "Report",
    "Severity",
    "check_image",
    "check_images",
    "check_source",
    "check_video",
]
