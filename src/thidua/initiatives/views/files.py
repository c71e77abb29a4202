"""Photos and documents of a registration: checked by content, photos re-encoded."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core import downloads, uploads
from thidua.core.actions import add_upload
from thidua.core.once import single_use
from thidua.initiatives import forms
from thidua.initiatives.domain.files import registration_file_add
from thidua.initiatives.views.registrations import _registration, _registration_to_edit


@login_required
@require_POST
@single_use
def file_add(request, pk):
    registration = _registration_to_edit(request, pk)
    add_upload(
        request,
        forms.FileForm(request.POST, request.FILES),
        lambda data: registration_file_add(
            actor=request.user,
            registration=registration,
            upload=data["file"],
            kind=data["kind"],
            title=data["title"],
        ),
        done=_("The file was added."),
    )
    return redirect("initiatives:registration_edit", pk=registration.pk)


@login_required
def file_download(request, pk, file_pk, thumbnail=False):
    registration = _registration(request, pk)
    attachment = get_object_or_404(registration.files, pk=file_pk)
    if thumbnail and attachment.thumbnail:
        return downloads.stored(
            attachment.thumbnail,
            name=attachment.download_name,
            content_type=uploads.JPEG.content_type,
            inline=True,
        )
    return downloads.stored(
        attachment.file,
        name=attachment.download_name,
        content_type=attachment.content_type,
        inline=attachment.content_type.startswith("image/"),
    )
