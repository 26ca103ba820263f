"""Bad input never crashes: every awkward file is judged or refused with one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from camcheck import cli
from camcheck.errors import CamcheckError
from camcheck.sources import VideoSource, load_image
from tests.conftest import FIXTURES
from tests.make_bad_files import CORPUS, VIDEO_CORPUS, BadFile

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad files")
    for item in CORPUS + VIDEO_CORPUS:
        item.make(folder / item.name)
    return folder


@pytest.mark.parametrize("item", CORPUS, ids=[i.name for i in CORPUS])
def test_still(item: BadFile, corpus: Path) -> None:
    path = corpus / item.name
    if item.expect == "ok":
        image = load_image(path)
        assert image.dtype.name == "uint8" and image.ndim == 3 and image.shape[2] == 3
        return
    with pytest.raises(CamcheckError) as caught:
        load_image(path)
    assert caught.value.key == item.expect
    assert str(path) in caught.value.render()


@pytest.mark.parametrize("item", VIDEO_CORPUS, ids=[i.name for i in VIDEO_CORPUS])
def test_video(item: BadFile, corpus: Path) -> None:
    with pytest.raises(CamcheckError) as caught:
        VideoSource(corpus / item.name)
    assert caught.value.key == item.expect


def test_cli_refuses_each_bad_still_with_one_line(corpus: Path) -> None:
    bad = [i for i in CORPUS if i.expect != "ok"]
    result = runner.invoke(cli.app, ["image", *(str(corpus / i.name) for i in bad)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(bad)
    for item, line in zip(bad, lines, strict=True):
        assert line.startswith(f"camcheck: error: {corpus / item.name}: ")
    assert "Traceback" not in result.output


def test_cli_judges_the_good_ones_and_reports_the_bad_ones(corpus: Path) -> None:
    result = runner.invoke(
        cli.app,
        ["image", str(corpus / "cmyk.jpg"), str(corpus / "text.jpg"), str(corpus / "grey.png")],
    )
    assert result.exit_code == 2
    assert result.stdout.count("(a photo)") == 2
    assert result.stderr.count("camcheck: error:") == 1


def test_exif_rotated_phone_photo_is_judged_upright(corpus: Path) -> None:
    upright = load_image(FIXTURES / "good_obama.jpg")
    image = load_image(corpus / "phone rotated.jpg")
    assert image.shape == upright.shape
    # and the face is found (it would not be, lying on its side)
    result = runner.invoke(cli.app, ["image", str(corpus / "phone rotated.jpg"), "--json"])
    assert '"face.not_found"' not in result.stdout


def test_rgba_transparent_strip_becomes_white(corpus: Path) -> None:
    image = load_image(corpus / "rgba.png")
    strip = image[:, : image.shape[1] // 8 - 1]
    assert strip.min() == 255


def test_a_video_given_to_image_says_what_to_do() -> None:
    with pytest.raises(CamcheckError) as caught:
        load_image(FIXTURES / "sample_call.mp4")
    assert caught.value.key == "error.is_video"
    assert "camcheck live --source" in caught.value.render()


def test_unreadable_file_names_the_reason(tmp_path: Path, monkeypatch) -> None:
    # Tests run as root, where chmod 000 does not stop reading; simulate the OS refusal.
    path = tmp_path / "locked.jpg"
    path.write_bytes(b"x")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(CamcheckError) as caught:
        load_image(path)
    assert caught.value.key == "error.unreadable"
    assert caught.value.render() == f"{path}: cannot be read (Permission denied)"
