from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from thidua.core import uploads
from thidua.documents.lists import render_list_docx
from thidua.documents.xlsx import render_xlsx
from thidua.initiatives.exports import official_list, registrations_for_list, xlsx_table
from thidua.initiatives.models import Registration, State
from thidua.initiatives.views.registrations import _plan
from thidua.org import access


def _registrations(request, plan):
    """What the user may see, drafts excepted: a list sent out holds what was sent."""
    visible = Registration.objects.filter(access.registration_filter(request.user))
    return list(registrations_for_list(plan, visible.exclude(state=State.DRAFT)))


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def export_xlsx(request, plan_pk):
    plan = _plan(request, plan_pk)
    columns, rows = xlsx_table(plan, _registrations(request, plan))
    content = render_xlsx(
        title="DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN, Ý TƯỞNG MỚI",
        subtitle_lines=[f"Kế hoạch số {plan.number_symbol}: {plan.title}"],
        columns=columns,
        rows=rows,
    )
    return _download(content, uploads.XLSX.content_type, f"danh-sach-dang-ky-{plan.pk}.xlsx")


@login_required
def export_docx(request, plan_pk):
    plan = _plan(request, plan_pk)
    document = official_list(
        plan, _registrations(request, plan), superior=plan.superior_line, issuer=plan.issuer_line
    )
    return _download(
        render_list_docx(document), uploads.DOCX.content_type, f"danh-sach-dang-ky-{plan.pk}.docx"
    )
