"""Importing units runs as a background job (thidua.jobs): a province's file of thousands of
rows takes longer than a request should wait. The file as a whole (its type, size and
header) is checked in the request, so that a wrong file is said on the form at once; its
rows are checked and created by the worker, all or none (org/importing.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.jobs.kinds import Outcome, job_kind
from thidua.org import access
from thidua.org.importing import ImportFileError, import_units, read_rows


@job_kind("org.import_units")
def import_units_job(job, progress) -> Outcome:
    target = access.get_unit(job.requested_by, "unit.manage", job.params["target"])
    with job.upload.open("rb") as stored:
        data = stored.read()
    try:
        rows = read_rows(data, job.upload.name)
    except ImportFileError as error:  # checked in the request: changed since only by hand
        return Outcome(str(error), [(1, str(error))])
    progress(0, len(rows))
    result = import_units(actor=job.requested_by, target=target, rows=rows)
    if not result.ok:
        summary = ngettext(
            "%(total)s row has a problem; nothing was imported.",
            "%(total)s rows have problems; nothing was imported.",
            len(result.errors),
        ) % {"total": len(result.errors)}
        return Outcome(summary, [(e.row, e.message) for e in result.errors])
    summary = ngettext(
        "Imported %(count)d unit into %(unit)s.",
        "Imported %(count)d units into %(unit)s.",
        len(result.created),
    ) % {"count": len(result.created), "unit": target.full_name}
    return Outcome(summary, url=reverse("org:unit_detail", args=[target.pk]))


def import_title(target) -> str:
    return _("Import units into %(unit)s") % {"unit": target.full_name}
