"""Photos and documents of a registration: checked by content, photos re-encoded."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.core import images, uploads
from thidua.initiatives import forms
from thidua.initiatives.models import FileKind, RegistrationFile
from thidua.initiatives.views.registrations import _may_edit, _registration


@login_required
@require_POST
def file_add(request, pk):
    registration = _registration(request, pk)
    if not _may_edit(request.user, registration):
        raise PermissionDenied
    form = forms.FileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
        return redirect("initiatives:registration_edit", pk=registration.pk)
    try:
        stored = _store(form.cleaned_data["file"], form.cleaned_data["kind"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("initiatives:registration_edit", pk=registration.pk)
    content, thumbnail, content_type, name = stored
    attachment = RegistrationFile(
        registration=registration,
        kind=form.cleaned_data["kind"],
        title=form.cleaned_data["title"] or form.cleaned_data["file"].name[:200],
        content_type=content_type,
        size=len(content),
        uploaded_by=request.user,
    )
    attachment.file.save(name, ContentFile(content), save=False)
    if thumbnail:
        attachment.thumbnail.save(f"thumb-{name}", ContentFile(thumbnail), save=False)
    attachment.save()
    record(actor=request.user, action=Action.CREATE, instance=attachment, unit=registration.unit)
    messages.success(request, _("The file was added."))
    return redirect("initiatives:registration_edit", pk=registration.pk)


def _store(upload, kind: str) -> tuple[bytes, bytes | None, str, str]:
    """(content, thumbnail, content type, safe name) of an accepted upload."""
    if kind == FileKind.PHOTO:
        photo = images.process_photo(upload)
        name = uploads.safe_name(upload.name, uploads.JPEG)
        return photo.content, photo.thumbnail, photo.content_type, name
    found = uploads.check_document(upload)
    if found in (uploads.JPEG, uploads.PNG):  # a photo of a paper form: strip its location too
        photo = images.process_photo(upload)
        name = uploads.safe_name(upload.name, uploads.JPEG)
        return photo.content, photo.thumbnail, photo.content_type, name
    upload.seek(0)
    return upload.read(), None, found.content_type, uploads.safe_name(upload.name, found)


@login_required
def file_download(request, pk, file_pk, thumbnail=False):
    registration = _registration(request, pk)
    attachment = get_object_or_404(registration.files, pk=file_pk)
    stored = attachment.thumbnail if thumbnail and attachment.thumbnail else attachment.file
    return FileResponse(
        stored.open("rb"),
        content_type="image/jpeg" if thumbnail else attachment.content_type,
        filename=stored.name.rsplit("/", 1)[-1],
        as_attachment=not attachment.content_type.startswith("image/"),
    )
