"""The registration list's files, made in the request for a commune's or a district's list
and by a worker (thidua.jobs) for a province's or the country's: thousands of rows take
seconds and a few hundred MB to write, which no request should wait for.

Both paths read what the person asked (``ListRequest``) through the same selectors and
access checks, so a list made later by a worker holds what the page would have given."""

from dataclasses import asdict, dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from thidua.core import downloads, uploads
from thidua.documents.lists import render_list_docx
from thidua.documents.xlsx import render_xlsx
from thidua.initiatives.domain.listing import list_plans, registrations_for_list
from thidua.initiatives.exports import Signer, acting_units, official_list, print_table, xlsx_table
from thidua.initiatives.models import Registration
from thidua.jobs.kinds import Made, job_kind
from thidua.org import access
from thidua.plans.domain.selectors import plan_get

CHUNK = 2000
XLSX_TITLE = "DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN, Ý TƯỞNG MỚI"


@dataclass(frozen=True)
class ListRequest:
    """One list asked for: the plan, the issuing unit among those the person acts for
    (blank: the first), and for the DOCX who signs it; for the XLSX, the printed columns."""

    plan: int
    unit: str = ""
    printable: bool = False
    signer: str = ""
    signer_title: str = ""

    def params(self) -> dict:
        return asdict(self)


@dataclass
class ListScope:
    plan: object
    unit: object
    plans: list
    registrations: object  # a queryset: counted before it is read

    def file_name(self, extension: str) -> str:
        return downloads.file_name(
            _("Registration list"), self.unit.name, self.plan.number_symbol, extension=extension
        )


def list_scope(user, asked: ListRequest, *, docx: bool) -> ListScope:
    """The plan, the unit that issues its list, the plans of its movement and the
    registrations ``user`` may read there. The DOCX shows the people, not the arguments or
    the campaigns: making those objects was half the time of fetching a list (185 of 383 ms
    CPU for a province's 938), so it fetches only the implementers."""
    plan = plan_get(user=user, pk=asked.plan)
    units = acting_units(user, plan)
    if not units:
        raise PermissionDenied  # the plan may be read, its registrations not
    unit = units[0]
    if asked.unit:
        unit = next((u for u in units if str(u.pk) == asked.unit), None)
        if unit is None:
            raise Http404
    plans = list_plans(plan)
    visible = Registration.objects.filter(access.registration_filter(user))
    registrations = registrations_for_list(plans, unit, visible)
    if docx:
        registrations = registrations.prefetch_related(None).prefetch_related("implementers")
    return ListScope(plan, unit, plans, registrations)


def list_xlsx(scope: ListScope, asked: ListRequest) -> Made:
    # Read in chunks, each with its related lists: the country's 17,000 registrations held
    # at once as objects took 750 MB; a table's rows are plain values.
    registrations = scope.registrations.iterator(chunk_size=CHUNK)
    if asked.printable:
        columns, rows = print_table(registrations)
    else:
        columns, rows = xlsx_table(scope.plan, registrations)
    content = render_xlsx(
        title=XLSX_TITLE,
        subtitle_lines=[
            scope.unit.full_name,
            f"Kế hoạch số {scope.plan.number_symbol}: {scope.plan.title}",
        ],
        columns=columns,
        rows=rows,
    )
    return Made(content, scope.file_name("xlsx"), uploads.XLSX.content_type, len(rows))


def list_docx(scope: ListScope, asked: ListRequest) -> Made:
    registrations = list(scope.registrations)
    signer = Signer(name=asked.signer, title=asked.signer_title)
    document = official_list(
        scope.plan, scope.unit, registrations, plans=scope.plans, signer=signer
    )
    return Made(
        render_list_docx(document),
        scope.file_name("docx"),
        uploads.DOCX.content_type,
        len(registrations),
    )


def _made_by_worker(job, progress, *, docx: bool) -> Made:
    asked = ListRequest(**job.params)
    scope = list_scope(job.requested_by, asked, docx=docx)
    progress(0, scope.registrations.count())  # the page says how many rows are under way
    return list_docx(scope, asked) if docx else list_xlsx(scope, asked)


@job_kind("initiatives.list_xlsx")
def list_xlsx_job(job, progress) -> Made:
    return _made_by_worker(job, progress, docx=False)


@job_kind("initiatives.list_docx")
def list_docx_job(job, progress) -> Made:
    return _made_by_worker(job, progress, docx=True)
