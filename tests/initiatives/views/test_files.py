"""Photos and documents of a registration (initiatives/views/files.py): re-encoded or refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.helpers import jpeg, login, vietnamese
from thidua.initiatives.models import RegistrationFile


def test_photo_upload_is_reencoded_with_a_thumbnail(client, cast, make_registration):
    draft = make_registration()
    login(client, cast["officer_a"])
    client.post(
        reverse("initiatives:file_add", args=[draft.pk]),
        {
            "kind": "photo",
            "title": "Ruộng sắn",
            "file": SimpleUploadedFile("IMG 2022.JPG", jpeg()),
        },
    )
    photo = RegistrationFile.objects.get()
    assert photo.content_type == "image/jpeg"
    assert photo.file.name.startswith(f"registrations/{draft.pk}/img-2022-")
    assert photo.thumbnail
    response = client.get(reverse("initiatives:file_thumbnail", args=[draft.pk, photo.pk]))
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.jpg", b"MZ\x90\x00" + b"\x00" * 200, "không phải ảnh"),
        ("big.jpg", b"\xff\xd8\xff" + b"\x00" * (50 * 1024 * 1024), "MB"),
    ],
)
def test_bad_uploads_are_refused_with_a_message(
    client, cast, make_registration, name, content, message
):
    draft = make_registration()
    login(client, cast["officer_a"])
    response = client.post(
        reverse("initiatives:file_add", args=[draft.pk]),
        {"kind": "photo", "file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    assert message in response.content.decode()
    assert not RegistrationFile.objects.exists()


def test_an_upload_without_its_file_asks_for_one(client, cast, make_registration):
    draft = make_registration()
    login(client, cast["officer_a"])
    response = client.post(
        reverse("initiatives:file_add", args=[draft.pk]), {"kind": "photo"}, follow=True
    )
    assert vietnamese("Choose a file to upload.") in response.content.decode()
    assert not RegistrationFile.objects.exists()
