"""Tests of the synthetic corpus generators (scripts/corpus/synth_*.py) on small inputs."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts" / "corpus"))

import synth_common as sc  # noqa: E402

FAMILIES = (
    "vb", "lighting", "background", "intrusion", "camera", "groups", "art", "colorcast", "quality",
)  # fmt: skip
RECORD_KEYS = {
    "file", "kind", "group", "split", "real", "generator",
    "must", "must_not", "package", "path", "licence", "about",
}  # fmt: skip


def test_srgb_linear_round_trip_is_exact_on_every_code_value() -> None:
    # given every 8-bit code value
    codes = np.arange(256, dtype=np.uint8)
    # when decoded to linear light and encoded again
    back = sc.to_srgb(sc.to_linear(codes))
    # then nothing moves, and the curve is the IEC one (code 128 is 21.6% linear)
    assert np.array_equal(back, codes)
    assert sc.to_linear(np.uint8([128]))[0] == pytest.approx(0.2158605, abs=1e-5)


def test_one_stop_in_linear_light_doubles_luminance_not_code_values() -> None:
    grey = np.full((8, 8, 3), 100, np.uint8)
    lin = sc.to_linear(grey)
    brighter = sc.to_srgb(lin * 2.0)
    assert sc.to_linear(brighter).mean() == pytest.approx(2 * lin.mean(), rel=0.02)
    # in code values one stop is far less than double (gamma)
    assert brighter.mean() < 1.5 * 100


def test_sensor_noise_grows_with_gain_and_signal() -> None:
    rng = np.random.default_rng(1)
    flat = np.full((64, 64, 3), 0.2, np.float32)
    low = sc.sensor_noise(flat, rng, gain=1.0).std()
    high = sc.sensor_noise(flat, rng, gain=8.0).std()
    dark = sc.sensor_noise(flat * 0.05, rng, gain=1.0).std()
    assert high > 2 * low
    assert dark < low


def test_mask_helpers_change_the_outline_the_way_they_say() -> None:
    mask = np.zeros((100, 100), np.float32)
    cv2.circle(mask, (50, 50), 30, 1.0, -1)
    area = mask.sum()
    assert sc.dilate(mask, 5).sum() > area * 1.3
    assert sc.erode(mask, 5).sum() < area * 0.75
    blocky = sc.low_resolution(mask, 10, nearest=True)
    assert set(np.unique(blocky)) <= {0.0, 1.0}
    # a 10 px mask upsampled to 100 px has steps 10 px long: few distinct row extents
    assert 0.7 * area < blocky.sum() < 1.3 * area


def test_family_rng_depends_on_names_not_call_order() -> None:
    a = sc.family_rng(7, "vb", "gen", 1).random()
    sc.family_rng(7, "vb", "other", 0).random()
    assert sc.family_rng(7, "vb", "gen", 1).random() == a
    assert sc.family_rng(8, "vb", "gen", 1).random() != a


def test_record_has_the_corpus_fields_and_never_a_label_on_both_sides() -> None:
    rec = sc.record(
        "synth/vb/x.jpg", kind="image", subject=None, generator="g_v1",
        must=["a.b"], must_not=["a.b", "c.d"], about="x", group="pkg:photo",
    )  # fmt: skip
    assert set(rec) == RECORD_KEYS
    assert rec["real"] is False and rec["split"] == ""
    assert rec["must"] == ["a.b"] and rec["must_not"] == ["c.d"]
    json.dumps(rec)


def test_still_record_writes_the_jpeg_it_records(tmp_path: Path) -> None:
    image = np.full((48, 64, 3), 128, np.uint8)
    rec = sc.still_record(
        tmp_path, "vb", "g_v1_00_x", image, 85, subject=None, generator="g_v1",
        must=["a.b"], must_not=[], about="a grey frame",
    )  # fmt: skip
    assert rec["file"] == "synth/vb/g_v1_00_x.jpg" and rec["about"] == "a grey frame; JPEG q85"
    written = cv2.imread(str(tmp_path / rec["file"]))
    assert written is not None and written.shape == (48, 64, 3)


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_exposes_build(family: str) -> None:
    module = importlib.import_module(f"synth_{family}")
    assert callable(module.build)
    assert family == module.FAMILY


def test_build_with_no_usable_subject_writes_nothing(tmp_path: Path) -> None:
    # a grey picture has no face, so no generator may produce a case from it
    grey = tmp_path / "grey.png"
    cv2.imwrite(str(grey), np.full((400, 600, 3), 128, np.uint8))
    source = {"file": str(grey), "group": "t:grey", "package": "t", "path": "grey.png",
              "licence": "CC0", "faces": 1}  # fmt: skip
    for family in FAMILIES:
        module = importlib.import_module(f"synth_{family}")
        assert module.build(tmp_path, [source], 1) == []
    assert not (tmp_path / "synth").exists() or not any((tmp_path / "synth").rglob("*.*"))


def _disc_scene() -> tuple[sc.Staged, np.ndarray]:
    """A red 'room' with a grey disc 'person', and a green picture to paste."""
    room = np.zeros((200, 300, 3), np.uint8)
    room[...] = (200, 40, 40)
    mask = np.zeros((200, 300), np.float32)
    cv2.circle(mask, (150, 100), 60, 1.0, -1)
    room[mask > 0.5] = (128, 128, 128)
    picture = np.zeros((200, 300, 3), np.float32)
    picture[..., 1] = 0.5
    return sc.Staged(room, mask, (110, 60, 80, 80)), picture


def _ring(mask: np.ndarray, inner: int, outer: int) -> np.ndarray:
    return (sc.dilate(mask, outer) > 0.5) & ~(sc.dilate(mask, inner) > 0.5)


def test_vb_rim_leaves_the_real_room_around_the_person() -> None:
    import synth_vb

    staged, picture = _disc_scene()
    out, must, _, _ = synth_vb.gen_rim(staged, picture, np.random.default_rng(0))
    ring = _ring(staged.mask, 1, 3)  # inside every rim width the generator draws
    assert out[ring][:, 0].mean() > 0.3  # red room shows
    far = ~(sc.dilate(staged.mask, 20) > 0.5)
    assert out[far][:, 1].mean() == pytest.approx(0.5, abs=0.02)  # the picture, clean
    assert synth_vb.EDGE in must and synth_vb.DETECTED in must


def test_vb_erode_cuts_into_the_person_and_blur_pastes_nothing() -> None:
    import synth_vb

    staged, picture = _disc_scene()
    out, _, _, _ = synth_vb.gen_erode(staged, picture, np.random.default_rng(0))
    edge = (staged.mask > 0.5) & ~(sc.erode(staged.mask, 4) > 0.5)
    assert out[edge][:, 1].mean() > 0.3  # the picture's green where the person's edge was
    blurred, must, must_not, _ = synth_vb.gen_blur(staged, picture, np.random.default_rng(0))
    assert must == [] and synth_vb.DETECTED in must_not
    assert blurred[..., 1].mean() < 0.15  # no green: the room (red) blurred, not the picture


def _portrait() -> sc.Staged:
    """A mid-grey 'room' with a skin-coloured face disc on a person blob."""
    rgb = np.full((240, 320, 3), 120, np.uint8)
    mask = np.zeros((240, 320), np.float32)
    cv2.ellipse(mask, (160, 240), (120, 90), 0, 0, 360, 1.0, -1)
    cv2.circle(mask, (160, 110), 50, 1.0, -1)
    rgb[mask > 0.5] = (60, 60, 90)
    cv2.circle(rgb, (160, 110), 45, (200, 150, 120), -1)
    return sc.Staged(rgb, mask, (120, 70, 80, 80))


def test_lighting_exposure_is_in_stops_of_linear_light() -> None:
    import synth_lighting as sl

    st = _portrait()
    base = sl._face_luma(sc.to_linear(st.rgb), st.face)
    out, must, must_not, _, gain = sl.gen_under(st, np.random.default_rng(3), [])
    ev = np.log2(sl._face_luma(out, st.face) / base)
    assert sl.UNDER_EV[0] <= ev <= sl.UNDER_EV[1]
    assert gain == pytest.approx(2.0**-ev, rel=1e-3)  # the camera's gain undoes the stops
    assert must == [sl.DARK] and sl.NOFACE in must_not


def test_backlight_window_blows_out_and_face_sits_the_drawn_stops_below() -> None:
    import synth_lighting as sl

    st = _portrait()
    view = sc.Picture("sky", "photo", "t", "t", "t", np.full((100, 100, 3), 200, np.uint8))
    out, must, _, about, _ = sl.gen_window(st, np.random.default_rng(5), [view])
    stops = -np.log2(sl._face_luma(out, st.face))
    assert sl.BACKLIGHT_STOPS[0] - 0.05 <= stops <= sl.BACKLIGHT_STOPS[1] + 0.05
    assert float((sc.luminance(out) >= 1.0).mean()) > 0.1  # a blown-out area
    assert must == [sl.BACKLIGHT] and "window" in about


def test_darker_skin_scales_only_skin_reflectance() -> None:
    import synth_lighting as sl

    st = _portrait()
    deep = sl.darker_skin(st.rgb, st.mask, 0.3)
    face = (slice(95, 125), slice(145, 175))
    ratio = sc.to_linear(deep)[face].mean() / sc.to_linear(st.rgb)[face].mean()
    assert ratio == pytest.approx(0.3, abs=0.05)
    assert np.array_equal(deep[:20, :20], st.rgb[:20, :20])  # the room is untouched


def test_overexposure_is_counted_from_a_well_exposed_face_not_from_a_dim_photo() -> None:
    import synth_lighting as sl

    # given a photo whose face sits two stops under a well-lit face
    st = _portrait()
    lin = sc.to_linear(st.rgb)
    dim = sc.Staged(
        sc.to_srgb(lin * (sl.WELL_LIT_FACE[0] / 4 / sl._face_luma(lin, st.face))), st.mask, st.face
    )
    for gen in (sl.gen_over, sl.gen_flare):
        out, must, _, _, _ = gen(dim, np.random.default_rng(1), [])
        # then the face ends at least the generator's stops over a well-lit face, not just
        # back at a normal level
        over = np.log2(sl._face_luma(out, st.face) / sl.WELL_LIT_FACE[0])
        assert over >= min(sl.OVER_EV[0], sl.FLARE_EV[0]) - 0.05
        assert must == [sl.BRIGHT]


def test_deep_dark_room_darkens_skin_clothes_and_wall_and_its_pair_is_two_stops_under() -> None:
    import synth_lighting as sl

    # given a portrait in a light grey shirt
    st = _portrait()
    shirt = (st.mask > 0.5) & (np.arange(st.mask.shape[0]) > 160)[:, None]
    st.rgb[shirt] = (200, 200, 200)
    lit, must, must_not, _, _ = sl.gen_deep_dark_room(st, np.random.default_rng(4), [])
    under, must_u, _, about, gain = sl.gen_deep_dark_room_under(st, np.random.default_rng(4), [])
    face = (slice(95, 125), slice(145, 175))
    # a well-lit face's level times a deep skin's reflectance
    skin = float(sc.luminance(lit[face]).mean())
    low = min(sl.DEEP_SKIN_FACTORS) * sl.WELL_LIT_FACE[0]
    assert low * 0.8 <= skin <= max(sl.DEEP_SKIN_FACTORS) * sl.WELL_LIT_FACE[1] * 1.2
    wall = sc.luminance(lit)[:20, :20].mean()
    assert sl.DARK_WALL[0] * 0.5 <= wall <= sl.DARK_WALL[1] * 2
    # then the shirt is dark cloth, the skin darker, the wall dark
    clothes = sc.luminance(lit)[shirt]
    assert float(np.median(clothes)) <= sl.DARK_CLOTHES[1] * sl.CLOTH_TEXTURE[1]
    assert must == [] and sl.DARK in must_not
    stops = np.log2(lit[face].mean() / under[face].mean())
    assert -sl.DEEP_UNDER_EV[0] + 0.05 >= stops >= -sl.DEEP_UNDER_EV[1] - 0.05
    assert must_u == [sl.DARK] and gain == pytest.approx(2.0**stops, rel=1e-3)
    assert "EV" in about and "dark wall" in about


def _clip_scene() -> sc.ClipScene:
    room = np.full((90, 160, 3), 0.2, np.float32)
    room[:, :40] = (0.3, 0.1, 0.1)
    mask = np.zeros((90, 160), np.float32)
    cv2.circle(mask, (80, 60), 30, 1.0, -1)
    person = np.full((90, 160, 3), 0.35, np.float32)
    return sc.ClipScene(room, person, mask, (60, 30, 40, 40))


def test_camera_stall_repeats_one_buffer_and_retimed_frames_still_change() -> None:
    import synth_camera as cam

    scene = _clip_scene()
    # given a stall from 0.5 s to 1.2 s in a 30 fps file
    frames = list(
        cam._frames("stall", scene, np.random.default_rng(0), 45, {"stalls": [(0.5, 1.2)]})
    )
    inside = frames[16:36]
    assert all(np.array_equal(f, inside[0]) for f in inside)
    assert not np.array_equal(frames[5], frames[6])  # fresh noise before the stall
    # a 12 fps camera in a 30 fps file: runs of 2-3 equal frames, never a long one
    frames = list(cam._frames("retimed", scene, np.random.default_rng(0), 30, {"fps": 12.0}))
    changes = [i for i in range(1, 30) if not np.array_equal(frames[i], frames[i - 1])]
    assert len(changes) >= 10
    assert max(np.diff([0, *changes, 30])) <= 3


def test_camera_black_is_dark_but_not_a_constant_buffer() -> None:
    import synth_camera as cam

    params = {"level": 0.001, "gain": 6.0}
    frames = list(cam._frames("black", _clip_scene(), np.random.default_rng(0), 4, params))
    assert max(f.mean() for f in frames) < 12
    assert not np.array_equal(frames[0], frames[1])


def test_intruder_crosses_the_room_behind_the_person() -> None:
    import synth_intrusion as intr

    scene = _clip_scene()
    item = np.full((40, 20, 3), 0.9, np.float32)
    alpha = np.ones((40, 20), np.float32)
    rng = np.random.default_rng(2)
    walk = {"start": 0.2, "duration": 1.6, "y": 40.0, "bob": 0.0, "mode": "walk"}
    frames = list(intr._frames_pass(scene, rng, 10.0, 20, item, alpha, **walk))
    bright = [float((f[40:80].mean(axis=2) > 200).mean()) for f in frames]
    assert bright[0] == 0.0 and bright[-1] == 0.0  # not there before or after
    assert max(bright) > 0.03  # there while crossing
    # the person (the disc) stays in front: its centre never turns bright
    assert all(f[60, 80].mean() < 200 for f in frames)


def test_vb_offset_shows_room_on_one_side_and_cuts_the_other() -> None:
    import synth_vb

    staged, picture = _disc_scene()
    out, must, _, _ = synth_vb.gen_offset(staged, picture, np.random.default_rng(4))
    inside = staged.mask > 0.5
    green_inside = float((out[inside][:, 1] > 0.3).mean())  # picture over the person
    red_outside = float((out[_ring(staged.mask, 0, 5)][:, 0] > 0.3).mean())  # room shows
    assert green_inside > 0.02 and red_outside > 0.02
    assert synth_vb.EDGE in must


@pytest.mark.parametrize("style", ["grid", "circles", "stripes", "scribble"])
def test_art_is_colourful_and_its_muted_print_is_not(style: str) -> None:
    import synth_art as art
    import synth_background as sb

    rng = np.random.default_rng(3)
    best = max(sc.colourfulness(art.ART[style]((200, 160), rng)) for _ in range(art.ART_TRIES))
    assert best >= sb.MIN_POSTER_COLOURFULNESS
    painted = art.ART[style]((200, 160), np.random.default_rng(4))
    assert sc.colourfulness(art.muted(painted, np.random.default_rng(5))) < 15.0


def test_art_hangs_on_the_wall_beside_the_person_not_over_them() -> None:
    import synth_art as art

    st, _ = _disc_scene()
    out, must, must_not, about = art._case(st, np.random.default_rng(7), "grid", True, False)
    assert must == ["background.distracting_color"] and "background.cluttered" in must_not
    srgb = sc.to_srgb(out)
    person = sc.erode(st.mask, 5) > 0.99
    # the person (a grey disc) is left as it was, the wall around it changed colour somewhere
    assert np.abs(srgb[person].astype(int) - 128).max() <= 3
    # ... and the neutral wall now holds colourful art
    assert sc.colourfulness(srgb) > 15.0
    assert "grid art" in about


def test_blur_kernels_keep_brightness_and_soften_by_their_size() -> None:
    import synth_quality as q

    for kernel in (q.pillbox(4.5), q.line_kernel(9.0, 30.0)):
        assert kernel.sum() == pytest.approx(1.0) and kernel.min() >= 0.0
    # a wider disc removes more of a sharp edge's detail than a narrow one
    edge = np.zeros((60, 60, 3), np.float32)
    edge[:, 30:] = 1.0

    def detail(radius: float) -> float:
        soft = cv2.filter2D(edge, -1, q.pillbox(radius), borderType=cv2.BORDER_REFLECT)
        return float(np.abs(np.diff(soft[..., 0], axis=1)).max())

    assert detail(6.0) < detail(2.0) < 1.0


def test_quality_cases_blur_relative_to_the_face_and_grain_with_gain() -> None:
    import synth_quality as q

    st, _ = _disc_scene()
    rng = np.random.default_rng(5)
    sharp = sc.to_linear(st.rgb)

    def laplacian(linear: np.ndarray) -> float:
        return float(cv2.Laplacian(linear[..., 1], cv2.CV_32F).var())

    blurred, must, _, about = q.gen_defocus(st, rng)
    assert must == [q.BLURRY] and "of the face's width" in about
    assert laplacian(blurred) < 0.5 * laplacian(sharp)
    grainy, must, _, _ = q._gain(q.GAIN, True)(st, rng)
    slight, must_slight, must_not_slight, _ = q._gain(q.SLIGHT_GAIN, False)(st, rng)
    assert must == [q.NOISY] and must_slight == [] and q.NOISY in must_not_slight
    assert np.std(grainy - sharp) > 2.5 * np.std(slight - sharp)


def test_vb_call_clip_measures_how_far_the_matte_strays_from_the_person() -> None:
    import synth_vb

    person = np.zeros((120, 160), np.float32)
    person[30:100, 50:110] = 1.0
    scale = 160 / sc.STILL_WIDTH
    # the same matte: no offset, no stray
    assert synth_vb._stray_px(person, person, scale) == pytest.approx((0.0, 0.0))
    # grown 3 px all round: a rim, offset and stray both about 3 px (in 960 px units)
    grown = sc.dilate(person, 3)
    offset, stray = synth_vb._stray_px(grown, person, scale)
    assert offset == pytest.approx(stray) and 2.5 / scale < offset < 3.5 / scale
    # shifted sideways: area unchanged (offset near 0) but the outline strays (a lag)
    shifted = sc.shift(person, 8, 0, border=cv2.BORDER_CONSTANT)
    offset, stray = synth_vb._stray_px(shifted, person, scale)
    assert abs(offset) < 0.5 / scale and stray > 3 / scale


def test_white_balance_error_tints_every_pixel_alike_and_keeps_luminance() -> None:
    import synth_colorcast as cc

    rng = np.random.default_rng(2)
    linear = rng.uniform(0.05, 0.9, (20, 30, 3)).astype(np.float32)
    out = cc.tinted(linear, "orange", 1.5)
    # one gain per channel (von Kries): the ratio to the original is the same everywhere
    ratio = out / linear
    assert np.allclose(ratio, ratio[0, 0], rtol=1e-5)
    # red over blue by the stops asked, luminance (BT.709) unchanged for a grey
    assert np.log2(ratio[0, 0, 0] / ratio[0, 0, 2]) == pytest.approx(1.5, abs=1e-4)
    grey = np.full((1, 1, 3), 0.4, np.float32)
    assert float(np.dot(cc.tinted(grey, "green", 1.2)[0, 0], cc.LUMA)) == pytest.approx(0.4)


def test_vb_paste_matte_measures_how_far_its_outline_strays() -> None:
    import synth_vb

    # a person whose confidence falls off slowly over 20 px (hair), so the matte's threshold
    # moves the outline as a growth does
    staged, _ = _disc_scene()
    ramp = np.clip(
        1.0 - cv2.distanceTransform((staged.mask < 0.5).astype(np.uint8), 2, 3) / 20, 0, 1
    )
    staged = sc.Staged(staged.rgb, np.maximum(staged.mask, ramp).astype(np.float32), staged.face)
    scale = staged.mask.shape[1] / sc.STILL_WIDTH
    seen = set()
    for seed in range(40):
        alpha, grow, _sigma, offset, stray, soft = synth_vb._paste_matte(
            staged, np.random.default_rng(seed), scale
        )
        assert alpha.shape == staged.mask.shape
        assert -1e-6 <= alpha.min() <= alpha.max() <= 1 + 1e-6  # a blur rounds a little
        # the area between the outlines is never less than their signed difference
        assert stray >= abs(offset) - 1e-9
        if soft:
            assert np.array_equal(alpha, staged.mask) and grow == 0
        seen.add(soft)
    assert seen == {True, False}


def test_vb_paste_edge_label_reads_the_stray_not_only_the_offset() -> None:
    from synth_vb import _paste_edge_label as label

    assert label(0.0, 0.5, 1.0, False) == "must_not"  # a clean, feathered cut
    assert label(5.0, 5.0, 1.0, False) == "must"  # a rim
    assert label(-7.0, 7.0, 1.0, False) == "must"  # hair and ears cut away
    # hair cut at one place and a rim at another: the signed offset cancels, the stray not
    assert label(0.1, 7.0, 1.0, False) == "must"
    assert label(0.0, 0.5, 0.5, False) == ""  # an aliased cut: debatable
    assert label(0.0, 0.0, 0.0, True) == ""  # the model's soft confidence: debatable
