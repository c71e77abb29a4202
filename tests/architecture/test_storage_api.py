"""Uploads are touched only through Django's storage API (core/storage.py, ``FieldFile.save``
and ``FieldFile.open``), never as paths on a disk: with ``THIDUA_S3_BUCKET`` they live in an
object store that several servers share, where a path means nothing (README, "More than one
server"; tests/ops/test_scale_out.py runs them there)."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "thidua"
# MEDIA_ROOT read anywhere but the settings; a stored file's path (.path, storage.path());
# the media folder joined by hand.
ON_DISK = re.compile(
    r"settings\.MEDIA_ROOT|\b(file|thumbnail|photo|attachment|field_file)\.path\b"
    r"|storage\.path\(|\.path\(\s*(name|file)|MEDIA_ROOT\s*/|/\s*[\"']media[\"']"
)


def _sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts or path.relative_to(PACKAGE).as_posix() == (
            "config/settings.py"
        ):
            continue
        yield path


def test_no_upload_is_read_or_written_as_a_path():
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in _sources()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if ON_DISK.search(line)
    ]
    assert not found, "use the storage API (core/storage.py, FieldFile.open):\n" + "\n".join(found)


def test_the_check_catches_a_path():
    assert ON_DISK.search("root = Path(settings.MEDIA_ROOT)")
    assert ON_DISK.search("Image.open(photo.file.path)")
    assert ON_DISK.search("default_storage.path(name)")
    assert ON_DISK.search('folder = DATA_DIR / "media"')
    assert not ON_DISK.search("unit.path.startswith(plan.unit.path)")
    assert not ON_DISK.search('with photo.file.open("rb") as stored:')
