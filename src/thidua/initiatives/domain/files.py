"""Photos and documents of a registration."""

from django.db import transaction

from thidua.audit.edits import add_file
from thidua.initiatives.enums import FileKind
from thidua.initiatives.models import Registration, RegistrationFile


@transaction.atomic
def registration_file_add(
    *, actor, registration: Registration, upload, kind: str, title: str
) -> RegistrationFile:
    """Add a photo (re-encoded, with a thumbnail) or a document (checked by content) to a
    registration; audited. ValidationError with a message when the file is refused."""
    attachment = RegistrationFile(
        registration=registration, kind=kind, title=title or upload.name[:200]
    )
    return add_file(
        actor=actor,
        row=attachment,
        upload=upload,
        unit=registration.unit,
        photo=kind == FileKind.PHOTO,
    )
