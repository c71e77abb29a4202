"""Photos and documents of a registration."""

from django.db import transaction

from thidua.audit.log import person_of, record
from thidua.audit.models import Action
from thidua.core import uploads
from thidua.initiatives.enums import FileKind
from thidua.initiatives.models import Registration, RegistrationFile


@transaction.atomic
def registration_file_add(
    *, actor, registration: Registration, upload, kind: str, title: str
) -> RegistrationFile:
    """Add a photo (re-encoded, with a thumbnail) or a document (checked by content) to a
    registration; audited. ValidationError with a message when the file is refused."""
    accepted = uploads.accept(upload, photo=kind == FileKind.PHOTO)
    attachment = RegistrationFile(
        registration=registration,
        kind=kind,
        title=title or upload.name[:200],
        uploaded_by=person_of(actor),
    )
    uploads.attach(attachment, accepted)
    attachment.save()
    record(actor=actor, action=Action.CREATE, instance=attachment, unit=registration.unit)
    return attachment
