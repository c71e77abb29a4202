from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from thidua.core import downloads, uploads
from thidua.documents.lists import render_list_docx
from thidua.documents.xlsx import render_xlsx
from thidua.initiatives.exports import official_list, registrations_for_list, xlsx_table
from thidua.initiatives.models import Registration, RegistrationState
from thidua.org import access
from thidua.plans.domain.selectors import plan_get


def _registrations(request, plan):
    """What the user may see, drafts excepted: a list sent out holds what was sent."""
    visible = Registration.objects.filter(access.registration_filter(request.user))
    return list(registrations_for_list(plan, visible.exclude(state=RegistrationState.DRAFT)))


def _name(plan, extension: str) -> str:
    return downloads.file_name(_("Registration list"), plan.number_symbol, extension=extension)


@login_required
def export_xlsx(request, plan_pk):
    plan = plan_get(user=request.user, pk=plan_pk)
    columns, rows = xlsx_table(plan, _registrations(request, plan))
    content = render_xlsx(
        title="DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN, Ý TƯỞNG MỚI",
        subtitle_lines=[f"Kế hoạch số {plan.number_symbol}: {plan.title}"],
        columns=columns,
        rows=rows,
    )
    return downloads.download(
        content, name=_name(plan, "xlsx"), content_type=uploads.XLSX.content_type
    )


@login_required
def export_docx(request, plan_pk):
    plan = plan_get(user=request.user, pk=plan_pk)
    document = official_list(
        plan, _registrations(request, plan), superior=plan.superior_line, issuer=plan.issuer_line
    )
    return downloads.download(
        render_list_docx(document), name=_name(plan, "docx"), content_type=uploads.DOCX.content_type
    )
