"""An edit saved over the version seen, and a file added: each written once, with the audit
entry that says what it was before, and nothing written when refused (audit/edits.py)."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from tests.helpers import CLIENT_EXAMPLES, jpeg
from thidua.audit.edits import add_file, save_over_version
from thidua.audit.models import Action, AuditEntry
from thidua.core.versions import StaleEdit
from thidua.initiatives.enums import FileKind, RegistrationState
from thidua.initiatives.models import EDITABLE_STATES, Registration, RegistrationFile

REFUSED = "Hồ sơ này không thể sửa nữa."
NAMES = st.text(alphabet="Mô hình trồng sắn cao sản Đắk Lắk", min_size=1, max_size=40)


def _entries(row, action):
    return AuditEntry.objects.filter(
        action=action, content_type=ContentType.objects.get_for_model(row), object_id=str(row.pk)
    ).order_by("pk")


def _save(registration, *, version, name):
    return save_over_version(
        actor=None,
        instance=registration,
        version=version,
        fields={"name": name},
        allowed={"name", "summary"},
        editable=EDITABLE_STATES,
        refused=REFUSED,
        unit=registration.unit,
    )


@CLIENT_EXAMPLES
@given(saves=st.lists(st.tuples(st.booleans(), NAMES), min_size=1, max_size=6))
def test_each_save_over_the_version_seen_is_stored_and_audited_once(make_registration, saves):
    """Two tabs: each save is made either with the version now stored (it goes through) or
    with the one before it (someone saved in between: StaleEdit, nothing written)."""
    registration = make_registration(complete=False)
    entries_before = _entries(registration, Action.UPDATE).count()
    stored = [registration.name]
    for current, name in saves:
        seen = registration.version if current else registration.version - 1
        before = registration.name
        if current:
            assert _save(registration, version=seen, name=name) is registration
            stored.append(name)
            entry = _entries(registration, Action.UPDATE).last()
            assert (entry.before["name"], entry.after["name"]) == (before, name)
            assert entry.unit == registration.unit
        else:
            with pytest.raises(StaleEdit):
                _save(registration, version=seen, name=name)
        fresh = Registration.objects.get(pk=registration.pk)
        assert (fresh.name, fresh.version) == (registration.name, registration.version)
    assert registration.name == stored[-1]
    assert _entries(registration, Action.UPDATE).count() == entries_before + len(stored) - 1


def test_a_row_no_longer_editable_is_refused_with_its_words_and_not_audited(make_registration):
    registration = make_registration(complete=False)
    Registration.objects.filter(pk=registration.pk).update(state=RegistrationState.ACCEPTED)
    entries = _entries(registration, Action.UPDATE).count()
    with pytest.raises(ValidationError) as refused:
        _save(registration, version=registration.version, name="Tên khác")
    assert refused.value.messages == [REFUSED]
    assert Registration.objects.get(pk=registration.pk).name == registration.name
    assert _entries(registration, Action.UPDATE).count() == entries


def test_a_field_the_caller_does_not_allow_is_a_mistake_in_the_code(make_registration):
    registration = make_registration(complete=False)
    with pytest.raises(ValueError, match="cannot be changed"):
        save_over_version(
            actor=None,
            instance=registration,
            version=registration.version,
            fields={"state": RegistrationState.ACCEPTED},
            allowed={"name"},
            editable=EDITABLE_STATES,
            refused=REFUSED,
            unit=registration.unit,
        )
    assert Registration.objects.get(pk=registration.pk).state == RegistrationState.DRAFT


def _with_location(size) -> bytes:
    """A JPEG carrying a GPS position in its EXIF, as a phone's camera writes it."""
    image = Image.open(io.BytesIO(jpeg(size)))
    exif = Image.Exif()
    exif[0x8825] = {2: (12.0, 40.0, 0.0), 4: (108.0, 3.0, 0.0)}  # GPSInfo: latitude, longitude
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


@pytest.mark.parametrize("size", [(640, 480), (3000, 2000)])
def test_a_photo_is_stored_re_encoded_with_a_thumbnail_and_audited(make_registration, size):
    registration = make_registration(complete=False)
    upload = SimpleUploadedFile("IMG_0001.jpg", _with_location(size), "image/jpeg")
    row = RegistrationFile(registration=registration, kind=FileKind.PHOTO, title="Ruộng sắn")
    added = add_file(actor=None, row=row, upload=upload, unit=registration.unit, photo=True)
    stored = RegistrationFile.objects.get(pk=added.pk)
    assert (stored.title, stored.uploaded_by, stored.content_type) == (
        "Ruộng sắn",
        None,
        "image/jpeg",
    )
    with stored.file.open("rb") as file:
        kept = Image.open(file)
        assert not kept.getexif().get(0x8825)  # no location survives
    assert stored.thumbnail.name
    (entry,) = _entries(stored, Action.CREATE)
    assert (entry.unit, entry.after["title"]) == (registration.unit, "Ruộng sắn")


@pytest.mark.parametrize(
    ("name", "content", "photo"),
    [
        ("virus.exe", b"MZ\x90\x00 not a document", False),
        ("anh.jpg", b"%PDF-1.4\n%%EOF\n", True),  # a document is no photo
    ],
)
def test_a_refused_file_stores_and_audits_nothing(make_registration, name, content, photo):
    registration = make_registration(complete=False)
    row = RegistrationFile(registration=registration, kind=FileKind.DOCUMENT, title="Tệp")
    entries = AuditEntry.objects.filter(action=Action.CREATE).count()
    with pytest.raises(ValidationError):
        add_file(
            actor=None,
            row=row,
            upload=SimpleUploadedFile(name, content),
            unit=registration.unit,
            photo=photo,
        )
    assert not RegistrationFile.objects.filter(registration=registration).exists()
    assert AuditEntry.objects.filter(action=Action.CREATE).count() == entries
