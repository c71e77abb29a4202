"""Files of a registration go through the one uploads module and the audit log."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.core.test_uploads import PDF_BYTES, png_bytes
from thidua.audit.models import Action, AuditEntry
from thidua.initiatives.domain.files import registration_file_add
from thidua.initiatives.enums import FileKind


def test_photo_is_kept_re_encoded_with_thumbnail_and_audited(make_registration, officer):
    registration = make_registration()
    added = registration_file_add(
        actor=officer,
        registration=registration,
        upload=SimpleUploadedFile("ruong-san.png", png_bytes()),
        kind=FileKind.PHOTO,
        title="",
    )
    assert added.content_type == "image/jpeg"
    assert added.thumbnail.name
    assert added.title == "ruong-san.png"
    assert added.uploaded_by == officer
    assert AuditEntry.objects.filter(action=Action.CREATE, object_id=str(added.pk)).exists()


def test_refused_file_leaves_nothing(make_registration, officer):
    registration = make_registration()
    with pytest.raises(ValidationError):
        registration_file_add(
            actor=officer,
            registration=registration,
            upload=SimpleUploadedFile("anh.jpg", PDF_BYTES),
            kind=FileKind.PHOTO,
            title="Ảnh",
        )
    assert not registration.files.exists()
