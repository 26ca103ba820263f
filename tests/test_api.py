"""The public API the CLI is a thin layer over: each call refuses bad options itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from camcheck import CamcheckError, check_live, list_checks
from camcheck.checks import CHECKS
from camcheck.core import prepare_images, save_names
from camcheck.selection import Selection
from tests.conftest import FIXTURES


def test_list_checks_is_the_table_in_order() -> None:
    assert [check.id for check in list_checks()] == list(CHECKS)


@pytest.mark.parametrize(
    ("kwargs", "key"),
    [
        ({"spec": "clip.mp4", "sample": True}, "error.sample_and_source"),
        ({"sample": True, "seconds": 0.0}, "error.bad_seconds"),
        ({"sample": True, "seconds": float("nan")}, "error.bad_seconds"),
        ({"sample": True, "selection": Selection.from_options(["camera.low_fps"], [])},
         "error.no_checks"),
    ],
)  # fmt: skip
def test_check_live_refuses_before_opening_anything(kwargs: dict, key: str) -> None:
    with pytest.raises(CamcheckError) as raised:
        check_live(**kwargs)
    assert raised.value.key == key


def test_check_live_on_the_sample_reports_its_frames() -> None:
    seen: list[int] = []
    report = check_live(
        sample=True, seconds=0.5, on_frame=lambda frame, _: seen.append(frame.index)
    )
    assert report.kind == "video" and report.source.endswith("sample_call.mp4")
    assert report.frames_analyzed == len(seen) > 0
    assert report.duration_s < 0.5


def test_check_live_shows_the_run_in_the_view_it_was_given() -> None:
    class Counting:
        def __init__(self) -> None:
            self.scenes, self.closed = 0, False

        def __call__(self, scene, findings) -> None:
            self.scenes += 1

        def close(self) -> None:
            self.closed = True

    made: list[Counting] = []

    def view(source, session):
        made.append(Counting())
        return made[-1]

    report = check_live(sample=True, seconds=0.3, view=view)
    (shown,) = made
    assert shown.scenes == report.frames_analyzed and shown.closed


def test_save_names_number_several_stills() -> None:
    assert save_names(Path("out.png"), 1) == [Path("out.png")]
    assert save_names(Path("d/out.png"), 2) == [Path("d/out-1.png"), Path("d/out-2.png")]


def test_prepare_images_refuses_a_save_name_that_is_one_of_the_photos(tmp_path: Path) -> None:
    photo = tmp_path / "me.png"
    photo.write_bytes((FIXTURES / "good_obama.jpg").read_bytes())
    assert prepare_images([photo], Selection()) == [None]
    with pytest.raises(CamcheckError) as raised:
        prepare_images([photo], Selection(), save=photo)
    assert raised.value.key == "error.save_is_input"


def test_check_live_closes_the_source_when_the_view_fails(monkeypatch) -> None:
    from camcheck import core

    opened = []
    real_open = core.open_source

    def recording(spec, seconds=None):
        source = real_open(spec, seconds)
        closed = source.close

        def close() -> None:
            opened.append("closed")
            closed()

        source.close = close
        return source

    monkeypatch.setattr(core, "open_source", recording)

    def broken_view(source, session):
        raise RuntimeError("no window today")

    with pytest.raises(RuntimeError):
        check_live(sample=True, seconds=0.2, view=broken_view)
    assert opened and opened[0] == "closed"
