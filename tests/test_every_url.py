"""Every named URL is requested by a test, and every download refuses outsiders.

``VISITS`` maps each URL name to one request (who, how, with what) and what its user
should see: the page's Vietnamese heading, the file's type and first bytes, or where
the action sends them and what changed. ``test_visits_cover_every_url_name`` fails when
a URL is added without a row here, naming it.

The data is one plan's story (``tests/pages/world.py``), built through the domain
functions and the upload views, each part only when a row asks for it.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import quote

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.award import world as award_world
from tests.fund.world import DONOR, donor_of, first_entry, fund_of
from tests.helpers import PASSWORD, registration_form, report_form, vietnamese
from tests.pages.world import JPEG_MAGIC, PDF, ZIP_MAGIC, World, png_bytes
from tests.showcase import world as showcase_world
from thidua.award.enums import NominationState
from thidua.award.models import Nomination
from thidua.core import uploads
from thidua.documents.leaflet import can_make_pdf
from thidua.events.enums import EventState
from thidua.events.models import Event
from thidua.fund.models import Entry, Fund
from thidua.initiatives.jobs import ListRequest, list_xlsx_job
from thidua.initiatives.models import (
    Idea,
    IdeaState,
    Registration,
    RegistrationFile,
    RegistrationState,
)
from thidua.jobs.models import Job
from thidua.jobs.tasks import job_start
from thidua.novelty.enums import Verdict
from thidua.novelty.models import Check, PastInitiative
from thidua.org.domain.people import membership_grant, person_create
from thidua.org.models import Membership, Person, Role, Unit
from thidua.plans.models import Plan, PlanAttachment, PlanState
from thidua.replication.models import Replication
from thidua.results.models import ReportPhoto, ReportState, ResultsReport
from thidua.review.domain.councils import council_set_state
from thidua.review.models import Assignment, Council, CouncilState, Exclusion
from thidua.review.tasks import assignment_start
from thidua.showcase.enums import PublicationState, StoryState
from thidua.showcase.models import Publication, Story


@pytest.fixture
def world(db, request):
    return World(request)


# --- what a user notices -------------------------------------------------------------


def heading(response) -> str:
    """The page's <h1>, as read on screen."""
    found = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
    assert found, "the page has no <h1>"
    return " ".join(unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@dataclass
class Visit:
    """One request and what its user should see."""

    user: str | None  # an attribute of ``World.who``; None: nobody logged in
    args: Callable[[World], list] = lambda w: []
    method: str = "get"
    data: Callable[[World], dict] = lambda w: {}
    query: dict = field(default_factory=dict)
    prepare: Callable[[World], None] = lambda w: None
    status: int = 200
    title: Callable[[World], str] | None = None  # the <h1>
    shows: Callable[[World], list[str]] = lambda w: []  # more text on the page
    content_type: str = ""
    starts_with: bytes = b""
    redirect: Callable[[World], str] | None = None  # the Location of a 302
    then: Callable[[World, object], None] = lambda w, response: None  # what changed


def page(user, title, *, args=lambda w: [], shows=lambda w: [], **more) -> Visit:
    return Visit(user, args=args, title=title, shows=shows, **more)


def download(user, content_type, starts_with, *, args, **more) -> Visit:
    return Visit(user, args=args, content_type=content_type, starts_with=starts_with, **more)


def action(user, redirect, *, args=lambda w: [], data=lambda w: {}, then=None, **more) -> Visit:
    return Visit(
        user,
        args=args,
        method="post",
        data=data,
        status=302,
        redirect=redirect,
        then=then or (lambda w, response: None),
        **more,
    )


# The page of each kind of record, where a post that changes its state sends the user back.
DETAIL = {
    Plan: "plans:plan_detail",
    Registration: "initiatives:registration_detail",
    Council: "review:council_detail",
    ResultsReport: "results:report_detail",
}


def moves(user, record, state, **more) -> Visit:
    """A post that moves the world's ``record`` (an attribute name) to ``state``, then sends
    the user back to the record's page."""

    def pk(w):
        return getattr(w, record).pk

    def page_of(w):
        return reverse(DETAIL[type(getattr(w, record))], args=[pk(w)])

    def moved(w, response):
        expect(state_of(type(getattr(w, record)), pk(w)) == state)

    return action(user, page_of, args=lambda w: [pk(w)], then=moved, **more)


def to(name, *args_of) -> Callable[[World], str]:
    """The URL ``name`` with arguments computed from the world, for ``redirect=``."""
    return lambda w: reverse(name, args=[f(w) for f in args_of])


DOCX = uploads.DOCX.content_type
PNG_MAGIC = b"\x89PNG"
XLSX = uploads.XLSX.content_type
UNIT_A = "Hội Nông dân xã Ea Bá"
UNIT_B = "Hội Nông dân xã Ea Ly"
DISTRICT = "Hội Nông dân huyện Sông Hinh"


def plan(w):
    return w.plan.pk


def assignment_run(w):
    """The new council's entries assigned through the background task (run at once here)."""
    w.sheller  # noqa: B018 (both entries are in)
    return assignment_start(actor=None, council=w.new_council, per_registration=None).pk


def list_job(w):
    """The district's list made by a background job (at once here), as for a province's."""
    w.goat  # noqa: B018 (a registration to list)
    return job_start(
        actor=w.who.district,
        kind=list_xlsx_job,
        title="Danh sách đăng ký (XLSX)",
        params=ListRequest(plan=plan(w)).params(),
    ).pk


def draft_plan(w):
    return w.draft_plan.pk


def council(w):
    return w.council.pk


def new_council(w):
    return w.new_council.pk


def state_of(model, pk):
    return model.objects.values_list("state", flat=True).get(pk=pk)


def autosaved_report(report) -> dict:
    """The report form as the autosave script posts it: a figure typed, work in progress."""
    progress = {f"r{r.registration_id}-progress": "in_progress" for r in report.results.all()}
    return report_form(report, achievements=report.achievements, meetings="5", **progress)


def reset_link(w) -> list:
    person = w.who.officer_a
    return [
        urlsafe_base64_encode(force_bytes(person.pk)),
        default_token_generator.make_token(person),
    ]


def fourth_council_person(w) -> None:
    person = person_create(actor=None, username="uyvien", full_name="Đỗ Thị Mai", password=PASSWORD)
    membership_grant(actor=None, person=person, unit=w.tree.district, role=Role.COUNCIL)


def scoring(w) -> None:
    council_set_state(actor=None, council=w.new_council, state=CouncilState.SCORING)


def assignment(w):
    return Assignment.objects.get(member__council=w.council, member__person=w.who.member,
                                  registration=w.goat).pk  # fmt: skip


def seat_of(w, person):
    return w.new_council.members.get(person=person).pk


def expect(condition, message=""):
    assert condition, message


VISITS: dict[str, Visit] = {
    # --- the shell and accounts
    "home": page(
        "officer_a", lambda w: "Xin chào Nguyễn Thị Hoa", shows=lambda w: [UNIT_A, "Cán bộ"]
    ),
    "set_language": action(
        None,
        lambda w: "/plans/",
        data=lambda w: {"language": "en", "next": "/plans/"},
        then=lambda w, response: expect(response.cookies["django_language"].value == "en"),
    ),
    "login": page(None, lambda w: "Đăng nhập"),
    "logout": page(
        "officer_a",
        lambda w: "Bạn đã đăng xuất",
        method="post",
        then=lambda w, response: expect(response.wsgi_request.user.is_anonymous),
    ),
    # The login's second step, without a password step first: back to the login.
    "login_code": Visit(None, status=302, redirect=lambda w: reverse("login")),
    "two_factor": page(
        "district_admin", lambda w: vietnamese("Turn on two-step login"), shows=lambda w: ["<svg"]
    ),
    "password_change": page("officer_a", lambda w: "Đổi mật khẩu"),
    "password_change_done": page("officer_a", lambda w: "Đã đổi mật khẩu"),
    "password_reset": action(
        None,
        to("password_reset_done"),
        data=lambda w: {"email": w.who.officer_a.email},
        then=lambda w, response: expect(
            [m.to for m in mail.outbox] == [["xa_a@example.vn"]]
            and "/accounts/password/reset/" in mail.outbox[0].body
        ),
    ),
    "password_reset_done": page(None, lambda w: "Hãy kiểm tra email"),
    "password_reset_confirm": Visit(
        None,
        args=reset_link,
        status=302,
        # Django keeps the token in the session and sends the browser on without it.
        redirect=lambda w: reverse(
            "password_reset_confirm", args=[reset_link(w)[0], "set-password"]
        ),
    ),
    "password_reset_complete": page(None, lambda w: "Đã đặt mật khẩu"),
    # --- org
    "org:unit_list": page("district_admin", lambda w: "Đơn vị", shows=lambda w: [UNIT_A, UNIT_B]),
    "org:unit_detail": page(
        "district_admin",
        lambda w: DISTRICT,
        args=lambda w: [w.tree.district.pk],
        shows=lambda w: [UNIT_A, w.who.district.full_name],
    ),
    "org:unit_create_child": action(
        "district_admin",
        to("org:unit_detail", lambda w: w.tree.district.pk),
        args=lambda w: [w.tree.district.pk],
        data=lambda w: {"name": "Ea Trol", "kind": "commune", "code": ""},
        then=lambda w, response: expect(
            Unit.objects.filter(parent=w.tree.district, name="Ea Trol").exists()
        ),
    ),
    "org:unit_edit": page(
        "province", lambda w: f"Sửa {DISTRICT}", args=lambda w: [w.tree.district.pk]
    ),
    "org:unit_import": action(
        "district_admin",
        lambda w: reverse("jobs:job_detail", args=[Job.objects.get().pk]),  # a worker imports
        args=lambda w: [w.tree.district.pk],
        data=lambda w: {"file": SimpleUploadedFile("don-vi.csv", "Tên,Loại\nEa Bia,xã\n".encode())},
        then=lambda w, response: expect(
            Unit.objects.filter(parent=w.tree.district, name="Ea Bia").exists()
        ),
    ),
    "org:unit_person_create": action(
        "district_admin",
        to("org:unit_detail", lambda w: w.tree.commune_a.pk),
        args=lambda w: [w.tree.commune_a.pk],
        data=lambda w: {"full_name": "Trần Văn Nam", "username": "nam", "role": "officer"},
        then=lambda w, response: expect(
            Membership.objects.filter(person__username="nam", unit=w.tree.commune_a).exists()
        ),
    ),
    "org:unit_membership_add": action(
        "district_admin",
        to("org:unit_detail", lambda w: w.tree.commune_a.pk),
        args=lambda w: [w.tree.commune_a.pk],
        data=lambda w: {"login": w.who.officer_b.username, "role": "viewer"},
        then=lambda w, response: expect(
            Membership.objects.filter(person=w.who.officer_b, unit=w.tree.commune_a).exists()
        ),
    ),
    "org:membership_delete": action(
        "district_admin",
        to("org:unit_detail", lambda w: w.tree.commune_b.pk),
        args=lambda w: [w.who.officer_b.memberships.get().pk],
        then=lambda w, response: expect(not w.who.officer_b.memberships.exists()),
    ),
    "search:results": page(
        "district_admin",
        lambda w: "Tìm kiếm",
        query={"q": "nuoi de"},
        prepare=lambda w: w.goat,
        shows=lambda w: ["<mark>nuôi</mark> <mark>dê</mark> sinh sản"],
    ),
    "org:person_list": page(
        "district_admin",
        lambda w: "Người dùng",
        shows=lambda w: [w.who.officer_a.full_name, w.who.officer_b.full_name],
    ),
    "org:person_detail": page(
        "district_admin",
        lambda w: "Nguyễn Thị Hoa",
        args=lambda w: [w.who.officer_a.pk],
        shows=lambda w: [UNIT_A],
    ),
    "org:person_edit": page(
        "district_admin",
        lambda w: "Sửa tài khoản của Nguyễn Thị Hoa",
        args=lambda w: [w.who.officer_a.pk],
    ),
    # --- plans
    "plans:plan_list": page("officer_a", lambda w: "Kế hoạch", shows=lambda w: [w.plan.title]),
    "plans:plan_create": page(
        "district_admin",
        lambda w: f"Kế hoạch mới của {DISTRICT}",
        args=lambda w: [w.tree.district.pk],
    ),
    "plans:plan_detail": page(
        "officer_a",
        lambda w: w.plan.title,
        args=lambda w: [plan(w)],
        shows=lambda w: ["MỤC ĐÍCH, YÊU CẦU", "Đăng ký mô hình"],
    ),
    "plans:plan_edit": page("district", lambda w: "Sửa kế hoạch", args=lambda w: [draft_plan(w)]),
    "plans:plan_body": page(
        "district",
        lambda w: "Các mục và nội dung",
        args=lambda w: [draft_plan(w)],
        shows=lambda w: ["# MỤC ĐÍCH, YÊU CẦU"],
    ),
    "plans:plan_lists": page(
        "district", lambda w: "Tiêu chí, thời hạn và căn cứ", args=lambda w: [draft_plan(w)]
    ),
    "plans:plan_issue": moves("district_admin", "draft_plan", PlanState.ISSUED),
    "plans:plan_close": moves("district_admin", "plan", PlanState.CLOSED),
    "plans:plan_correct": action(
        "district",
        lambda w: reverse("plans:plan_detail", args=[Plan.objects.get(replaces=w.plan).pk]),
        args=lambda w: [plan(w)],
    ),
    "plans:plan_child": action(
        "officer_a",
        lambda w: reverse("plans:plan_detail", args=[Plan.objects.get(unit=w.tree.commune_a).pk]),
        args=lambda w: [plan(w)],
        data=lambda w: {"unit": w.tree.commune_a.pk},
    ),
    "plans:plan_cascade": page(
        "district",
        lambda w: "Kế hoạch của các đơn vị",
        args=lambda w: [plan(w)],
        shows=lambda w: [UNIT_A, UNIT_B],
    ),
    "plans:plan_series": action(
        "district",
        to("plans:plan_detail", plan),
        args=lambda w: [plan(w)],
        data=lambda w: {"previous": ""},
        then=lambda w, response: expect(Plan.objects.get(pk=w.plan.pk).previous_in_series is None),
    ),
    "plans:plan_docx": download("district", DOCX, ZIP_MAGIC, args=lambda w: [draft_plan(w)]),
    "plans:plan_attachment_add": action(
        "district",
        to("plans:plan_detail", draft_plan),
        args=lambda w: [draft_plan(w)],
        data=lambda w: {"title": "Phụ lục", "file": SimpleUploadedFile("Phụ lục.pdf", PDF)},
        then=lambda w, response: expect(
            PlanAttachment.objects.filter(plan=w.draft_plan, title="Phụ lục").exists()
        ),
    ),
    "plans:plan_attachment": download(
        "district", "application/pdf", PDF, args=lambda w: [draft_plan(w), w.attachment.pk]
    ),
    "plans:public_plan": page(
        None, lambda w: w.plan.title, args=lambda w: [plan(w)], shows=lambda w: ["10/04/2022"]
    ),
    "plans:numbering_rule": page(
        "district_admin",
        lambda w: f"Đánh số văn bản của {DISTRICT}",
        args=lambda w: [w.tree.district.pk],
    ),
    # --- audit and notifications
    "audit:entry_list": page(
        "district_admin", lambda w: "Nhật ký thay đổi", shows=lambda w: [w.plan.title]
    ),
    # --- background jobs
    "jobs:job_list": page(
        "district",
        lambda w: vietnamese("Your background jobs"),
        prepare=list_job,
        shows=lambda w: ["Danh sách đăng ký (XLSX)"],
    ),
    "jobs:job_detail": page(
        "district",
        lambda w: "Danh sách đăng ký (XLSX)",
        args=lambda w: [list_job(w)],
        shows=lambda w: [vietnamese("Download")],
    ),
    "jobs:job_file": download("district", XLSX, ZIP_MAGIC, args=lambda w: [list_job(w)]),
    "notify:inbox": page(
        "officer_b",
        lambda w: "Thông báo",
        prepare=lambda w: w.deadline,
        shows=lambda w: ["Đăng ký mô hình", "10/04/2022"],
    ),
    # --- initiatives
    "initiatives:start": page(
        "officer_a",
        lambda w: "Đăng ký mô hình, sáng kiến, ý tưởng mới",
        args=lambda w: [plan(w)],
        shows=lambda w: [UNIT_A],
    ),
    "initiatives:registration_list": page(
        "district",
        lambda w: "Đăng ký",
        args=lambda w: [plan(w)],
        shows=lambda w: [w.goat.name, w.sheller.name],
    ),
    "initiatives:compliance": page(
        "district",
        lambda w: "Tình hình đăng ký",
        args=lambda w: [plan(w)],
        prepare=lambda w: w.goat,
        shows=lambda w: [UNIT_A, UNIT_B],
    ),
    "initiatives:export_xlsx": download(
        "district", XLSX, ZIP_MAGIC, args=lambda w: [plan(w)], prepare=lambda w: w.goat
    ),
    "initiatives:export_docx": download(
        "district", DOCX, ZIP_MAGIC, args=lambda w: [plan(w)], prepare=lambda w: w.goat
    ),
    "initiatives:registration_detail": page(
        "district",
        lambda w: "Mô hình nuôi dê sinh sản",
        args=lambda w: [w.goat.pk],
        shows=lambda w: ["Thuyết minh.docx", "Y Thuê Niê"],
    ),
    "initiatives:registration_edit": page(
        "officer_a", lambda w: "Phiếu đăng ký: Bản nháp trồng sắn", args=lambda w: [w.draft.pk]
    ),
    "initiatives:registration_autosave": Visit(
        "officer_a",
        args=lambda w: [w.draft.pk],
        method="post",
        data=lambda w: registration_form(w.draft, summary="Đang gõ dở"),
        content_type="application/json",
        then=lambda w, response: expect(
            json.loads(response.content)["version"] == w.draft.version + 1
            and Registration.objects.get(pk=w.draft.pk).summary == "Đang gõ dở"
        ),
    ),
    "initiatives:registration_submit": moves("officer_a", "draft", RegistrationState.SUBMITTED),
    "initiatives:registration_receive": moves("district", "sent", RegistrationState.RECEIVED),
    "initiatives:registration_return": moves(
        "district",
        "sent",
        RegistrationState.RETURNED,
        data=lambda w: {"reason": "Thiếu ảnh minh họa."},
    ),
    "initiatives:registration_accept": moves("district", "goat", RegistrationState.ACCEPTED),
    "initiatives:registrations_bulk": action(
        "district",
        to("initiatives:registration_list", plan),
        args=lambda w: [plan(w)],
        data=lambda w: {"registration": [w.sent.pk], "action": "receive"},
        then=lambda w, response: expect(
            state_of(Registration, w.sent.pk) == RegistrationState.RECEIVED
        ),
    ),
    "initiatives:registration_delete": action(
        "officer_a",
        to("initiatives:registration_list", plan),
        args=lambda w: [w.draft.pk],
        then=lambda w, response: expect(
            Registration.all_objects.get(pk=w.draft.pk).state == RegistrationState.DELETED
        ),
    ),
    "initiatives:registration_merge": page(
        "officer_a",
        lambda w: vietnamese("Merge two drafts"),
        args=lambda w: [w.draft.pk],
    ),
    "initiatives:file_add": action(
        "officer_a",
        to("initiatives:registration_edit", lambda w: w.draft.pk),
        args=lambda w: [w.draft.pk],
        data=lambda w: {
            "kind": "document",
            "title": "Bản đăng ký có chữ ký",
            "file": SimpleUploadedFile("Bản đăng ký.pdf", PDF),
        },
        then=lambda w, response: expect(
            RegistrationFile.objects.filter(
                registration=w.draft, content_type="application/pdf"
            ).exists()
        ),
    ),
    "initiatives:file": download(
        "district", DOCX, ZIP_MAGIC, args=lambda w: [w.goat.pk, w.document.pk]
    ),
    "initiatives:file_thumbnail": download(
        "district", "image/jpeg", JPEG_MAGIC, args=lambda w: [w.goat.pk, w.photo.pk]
    ),
    "initiatives:idea_choose": page(
        None,
        lambda w: "Gửi ý tưởng đến Hội",
        query={"q": "Ea Bá"},
        shows=lambda w: [w.tree.commune_a.full_name],
    ),
    "initiatives:idea_new": page(
        None, lambda w: f"Ý tưởng gửi {UNIT_A}", args=lambda w: [w.tree.commune_a.pk]
    ),
    "initiatives:idea_inbox": page(
        "officer_a",
        lambda w: "Hộp ý tưởng",
        args=lambda w: [w.tree.commune_a.pk],
        prepare=lambda w: w.idea,
        shows=lambda w: ["Làm sân phơi chung cho buôn", "Y Blúp"],
    ),
    "initiatives:idea_convert": action(
        "officer_a",
        lambda w: reverse(
            "initiatives:registration_edit", args=[Registration.objects.get(proposal=w.idea).pk]
        ),
        args=lambda w: [w.idea.pk],
        data=lambda w: {"plan": w.plan.pk},
    ),
    "initiatives:idea_dismiss": action(
        "officer_a",
        to("initiatives:idea_inbox", lambda w: w.tree.commune_a.pk),
        args=lambda w: [w.idea.pk],
        then=lambda w, response: expect(
            Idea.objects.get(pk=w.idea.pk).state == IdeaState.DISMISSED
        ),
    ),
    # --- review
    "review:council_list": page(
        "district_admin",
        lambda w: "Hội đồng đánh giá",
        args=lambda w: [plan(w)],
        shows=lambda w: [w.council.name],
    ),
    "review:rubric": page(
        "district_admin",
        lambda w: "Thang điểm",
        args=lambda w: [plan(w)],
        shows=lambda w: ["Tính mới"],
    ),
    "review:council_detail": page(
        "chair",
        lambda w: "Hội đồng đánh giá năm 2022",
        args=lambda w: [council(w)],
        shows=lambda w: ["Lê Văn Minh", "Phạm Thị Lan", "Hồ Văn Quang"],
    ),
    "review:member_add": action(
        "chair",
        to("review:council_detail", new_council),
        args=lambda w: [new_council(w)],
        prepare=fourth_council_person,
        data=lambda w: {"person": Person.objects.get(username="uyvien").pk, "role": "member"},
        then=lambda w, response: expect(w.new_council.members.count() == 4),
    ),
    "review:assign": action(
        "chair",
        to("review:assignment_run", new_council, lambda w: w.new_council.assignment_runs.get().pk),
        args=lambda w: [new_council(w)],
        prepare=lambda w: w.sheller,
        data=lambda w: {"per_registration": ""},
        then=lambda w, response: expect(
            Assignment.objects.filter(member__council=w.new_council).count() == 6
        ),
    ),
    "review:assignment_run": page(
        "chair",
        lambda w: vietnamese("Assignment"),
        args=lambda w: [new_council(w), assignment_run(w)],
        shows=lambda w: [w.new_council.name],
    ),
    "review:exclude": action(
        "chair",
        to("review:council_detail", new_council),
        args=lambda w: [new_council(w)],
        data=lambda w: {
            "member": seat_of(w, w.who.member),
            "registration": w.goat.pk,
            "reason": "Là người thân của chủ nhiệm",
        },
        then=lambda w, response: expect(Exclusion.objects.filter(registration=w.goat).exists()),
    ),
    "review:council_scoring": moves("chair", "new_council", CouncilState.SCORING),
    "review:council_closed": moves("chair", "new_council", CouncilState.CLOSED, prepare=scoring),
    "review:remind": action(
        "chair",
        to("review:council_detail", new_council),
        args=lambda w: [new_council(w), seat_of(w, w.who.member)],
        then=lambda w, response: expect(
            w.who.member.notifications.filter(message__contains=w.new_council.name).exists()
        ),
    ),
    "review:ranking": page(
        "chair",
        lambda w: "Xếp hạng",
        args=lambda w: [council(w)],
        shows=lambda w: [w.goat.name, w.sheller.name, "70"],
    ),
    "review:scores_xlsx": download("chair", XLSX, ZIP_MAGIC, args=lambda w: [council(w)]),
    "review:decision": page(
        "chair",
        lambda w: "Đề xuất và biểu quyết",
        args=lambda w: [council(w)],
        shows=lambda w: ["Đã thông qua với 3/3 thành viên đồng ý (cần 2)."],
    ),
    "review:minutes_docx": download("chair", DOCX, ZIP_MAGIC, args=lambda w: [council(w)]),
    "review:decision_docx": download("chair", DOCX, ZIP_MAGIC, args=lambda w: [council(w)]),
    "review:certificates_docx": download("chair", DOCX, ZIP_MAGIC, args=lambda w: [council(w)]),
    "review:queue": page(
        "member",
        lambda w: "Hồ sơ tôi cần chấm",
        args=lambda w: [council(w)],
        shows=lambda w: [w.goat.name, w.sheller.name],
    ),
    "review:score": page(
        "member", lambda w: "Mô hình nuôi dê sinh sản", args=lambda w: [council(w), assignment(w)]
    ),
    # --- results
    "results:overview": page(
        "officer_a",
        lambda w: "Báo cáo kết quả",
        args=lambda w: [plan(w)],
        prepare=lambda w: w.report_a,
        shows=lambda w: [UNIT_A],
    ),
    "results:open": action(
        "district",
        lambda w: reverse(
            "results:report_edit",
            args=[ResultsReport.objects.get(plan=w.plan, unit=w.tree.district).pk],
        ),
        args=lambda w: [plan(w), w.tree.district.pk],
    ),
    "results:rollup": page(
        "district",
        lambda w: "Tổng hợp kết quả của các đơn vị",
        args=lambda w: [plan(w)],
        prepare=lambda w: w.report_a,
        shows=lambda w: [UNIT_A, UNIT_B, "chưa báo cáo"],
    ),
    "results:dashboard": page(
        "district",
        lambda w: "Biểu đồ tổng hợp",
        args=lambda w: [plan(w)],
        prepare=lambda w: w.report_a,
        shows=lambda w: ["<svg", UNIT_A],
    ),
    "results:rollup_xlsx": download(
        "district", XLSX, ZIP_MAGIC, args=lambda w: [plan(w)], prepare=lambda w: w.report_a
    ),
    "results:report_detail": page(
        "district",
        lambda w: f"Báo cáo kết quả: {UNIT_A}",
        args=lambda w: [w.report_a.pk],
        shows=lambda w: ["Hoàn thành kế hoạch.", w.goat.name],
    ),
    "results:report_edit": page(
        "officer_b",
        lambda w: "Báo cáo kết quả",
        args=lambda w: [w.report_b.pk],
        shows=lambda w: [w.sheller.name],
    ),
    "results:report_autosave": Visit(
        "officer_b",
        args=lambda w: [w.report_b.pk],
        method="post",
        data=lambda w: autosaved_report(w.report_b),
        content_type="application/json",
        then=lambda w, response: expect(
            json.loads(response.content)["version"] == w.report_b.version + 1
            and ResultsReport.objects.get(pk=w.report_b.pk).meetings == 5
        ),
    ),
    "results:photo_add": action(
        "officer_b",
        to("results:report_edit", lambda w: w.report_b.pk),
        args=lambda w: [w.report_b.pk],
        data=lambda w: {
            "title": "Máy tách hạt",
            "photo": SimpleUploadedFile("may.png", png_bytes()),
        },
        then=lambda w, response: expect(ReportPhoto.objects.filter(report=w.report_b).exists()),
    ),
    "results:photo": download(
        "district", "image/jpeg", JPEG_MAGIC, args=lambda w: [w.report_a.pk, w.report_photo.pk]
    ),
    "results:photo_thumbnail": download(
        "district", "image/jpeg", JPEG_MAGIC, args=lambda w: [w.report_a.pk, w.report_photo.pk]
    ),
    "results:report_docx": download("district", DOCX, ZIP_MAGIC, args=lambda w: [w.report_a.pk]),
    "results:report_submit": moves("officer_b", "report_b", ReportState.SUBMITTED),
    "results:report_receive": moves("district", "report_a", ReportState.RECEIVED),
    "results:report_return": moves(
        "district",
        "report_a",
        ReportState.RETURNED,
        data=lambda w: {"reason": "Thiếu số liệu hộ tham gia."},
    ),
    # --- the novelty check (#15)
    "novelty:draft_check": Visit(
        "officer_b",
        query={"name": "Mô hình nuôi dê sinh sản", "summary": "Nuôi dê cái sinh sản"},
        prepare=lambda w: w.goat,
        content_type="application/json",
        then=lambda w, response: expect(
            json.loads(response.content)["flagged"]
            and json.loads(response.content)["findings"][0]["unit"] == w.goat.unit.full_name
        ),
    ),
    "novelty:decide": action(
        "district",
        to("initiatives:registration_detail", lambda w: w.goat.pk),
        args=lambda w: [w.goat.pk],
        data=lambda w: {"verdict": Verdict.NEW, "note": "Cách làm khác"},
        then=lambda w, response: expect(
            Check.objects.get(registration=w.goat).verdict == Verdict.NEW
        ),
    ),
    "novelty:past_detail": page(
        "district",
        lambda w: "Nuôi ong lấy mật dưới tán cà phê",
        args=lambda w: [
            PastInitiative.objects.get_or_create(
                title="Nuôi ong lấy mật dưới tán cà phê", year=2021, unit_name="Ea Bá"
            )[0].pk
        ],
        shows=lambda w: ["Ea Bá · 2021"],
    ),
    # --- replication and the national award (#17)
    "replication:index": Visit(
        "district",
        status=302,
        redirect=to("replication:area", lambda w: w.tree.district.pk),
    ),
    "replication:area": page(
        "district",
        lambda w: vietnamese("Replication of models") + f": {DISTRICT}",
        args=lambda w: [w.tree.district.pk],
        prepare=award_world.replication_of,
        shows=lambda w: [w.goat.name, "xã Ea Ly (1)"],
    ),
    "replication:model": page(
        "officer_b",
        lambda w: vietnamese("Replication") + f": {w.goat.name}",
        args=lambda w: [award_world.replication_of(w).registration_id],
        shows=lambda w: [UNIT_B],
    ),
    "replication:adopt": action(
        "officer_b",
        lambda w: reverse("replication:detail", args=[Replication.objects.get().pk]),
        args=lambda w: [award_world.nominated(w).pk],
        data=lambda w: {
            "unit": w.tree.commune_b.pk,
            "started_on": "2022-09-01",
            "households": "12",
        },
    ),
    "replication:detail": page(
        "officer_b",
        lambda w: vietnamese("Replication") + f": {UNIT_B}",
        args=lambda w: [award_world.replication_of(w).pk],
        shows=lambda w: [w.goat.name],
    ),
    "award:prepare": action(
        "district",
        lambda w: reverse("award:nomination", args=[Nomination.objects.get().pk]),
        args=lambda w: [award_world.nominated(w).pk],
    ),
    "award:nomination": page(
        "district",
        lambda w: vietnamese("Nomination for the national award") + f": {w.goat.name}",
        args=lambda w: [award_world.nomination_of(w).pk],
        shows=lambda w: ["I. THÔNG TIN CHUNG", UNIT_A],
    ),
    "award:docx": download(
        "district", DOCX, ZIP_MAGIC, args=lambda w: [award_world.nomination_of(w).pk]
    ),
    "award:save": action(
        "district",
        to("award:nomination", lambda w: award_world.nomination_of(w).pk),
        args=lambda w: [award_world.nomination_of(w).pk],
        data=lambda w: {"endorsement": "Xác nhận đúng sự thật.", "endorser": "Chủ tịch xã"},
        then=lambda w, response: expect(
            award_world.nomination_of(w).endorsement == "Xác nhận đúng sự thật."
        ),
    ),
    "award:send": action(
        "district",
        to("award:nomination", lambda w: award_world.nomination_of(w).pk),
        args=lambda w: [award_world.nomination_of(w).pk],
        then=lambda w, response: expect(
            award_world.nomination_of(w).state == NominationState.AT_PROVINCE
        ),
    ),
    "award:endorse": action(
        "province",
        to("award:nomination", lambda w: award_world.nomination_of(w).pk),
        args=lambda w: [award_world.nomination_of(w, sent=True).pk],
        then=lambda w, response: expect(
            award_world.nomination_of(w).state == NominationState.AT_NATIONAL
        ),
    ),
    "award:return": action(
        "province",
        to("award:nomination", lambda w: award_world.nomination_of(w).pk),
        args=lambda w: [award_world.nomination_of(w, sent=True).pk],
        data=lambda w: {"reason": "Bổ sung hình ảnh."},
        then=lambda w, response: expect(
            award_world.nomination_of(w).state == NominationState.RETURNED
        ),
    ),
    "award:decide": action(
        "national",
        to("award:nomination", lambda w: award_world.nomination_of(w).pk),
        args=lambda w: [award_world.nomination_of(w, sent=True, endorsed=True).pk],
        data=lambda w: {"outcome": NominationState.AWARDED.value, "decided_on": "2022-11-20"},
        then=lambda w, response: expect(
            award_world.nomination_of(w).state == NominationState.AWARDED
        ),
    ),
    # --- fund
    "fund:index": page(
        "district", lambda w: vietnamese("Reward funds"), shows=lambda w: [fund_of(w).name]
    ),
    "fund:unit": page(
        "district",
        lambda w: vietnamese("Reward funds of %(unit)s") % {"unit": DISTRICT},
        args=lambda w: [w.tree.district.pk],
        shows=lambda w: [fund_of(w).name, "10.000.000"],
    ),
    "fund:fund_create": action(
        "district_admin",
        lambda w: reverse("fund:fund_detail", args=[Fund.objects.get(name="Quỹ khuyến học").pk]),
        args=lambda w: [w.tree.district.pk],
        data=lambda w: {"name": "Quỹ khuyến học"},
    ),
    "fund:fund_detail": page(
        "district",
        lambda w: fund_of(w).name,
        args=lambda w: [fund_of(w).pk],
        shows=lambda w: [DONOR, "10.000.000"],
    ),
    "fund:entry_add": action(
        "district",
        lambda w: reverse("fund:fund_detail", args=[fund_of(w).pk]),
        args=lambda w: [fund_of(w).pk, "national"],
        data=lambda w: {"amount_vnd": "2.000.000", "occurred_on": "01/06/2022"},
        then=lambda w, response: expect(
            fund_of(w).entries.get(sequence=2).amount_vnd == -2_000_000
        ),
    ),
    "fund:entry_reverse": action(
        "district",
        lambda w: reverse("fund:fund_detail", args=[fund_of(w).pk]),
        args=lambda w: [fund_of(w).pk, first_entry(w).pk],
        data=lambda w: {"reason": "Nhầm nhà tài trợ", "occurred_on": "02/06/2022"},
        then=lambda w, response: expect(Entry.objects.filter(reverses=first_entry(w)).exists()),
    ),
    "fund:ledger_xlsx": download("district", XLSX, ZIP_MAGIC, args=lambda w: [fund_of(w).pk]),
    "fund:rollup_xlsx": download("district", XLSX, ZIP_MAGIC, args=lambda w: [fund_of(w).unit_id]),
    "fund:donors": page(
        "district",
        lambda w: vietnamese("Donors"),
        args=lambda w: [fund_of(w).unit_id],
        shows=lambda w: [DONOR],
    ),
    "fund:donor_edit": page("district", lambda w: DONOR, args=lambda w: [donor_of(w).pk]),
    "fund:public": page(
        None,
        lambda w: vietnamese("Reward funds: public accounts"),
        prepare=fund_of,
        shows=lambda w: [DISTRICT],
    ),
    "fund:public_unit": page(
        None,
        lambda w: vietnamese("Reward funds of %(unit)s") % {"unit": DISTRICT},
        args=lambda w: [fund_of(w).unit_id],
        shows=lambda w: [DONOR, "10.000.000"],
    ),
    # --- showcase and events (#16): public pages for nobody logged in, the offices' pages
    "showcase:showcase": page(
        None,
        lambda w: vietnamese("Showcase of good examples"),
        prepare=showcase_world.publication,
        shows=lambda w: [w.goat.name],
    ),
    "showcase:model": page(
        None,
        lambda w: w.goat.name,
        args=lambda w: [showcase_world.publication(w).pk],
        shows=lambda w: [UNIT_A],
    ),
    "showcase:qr": Visit(
        None,
        args=lambda w: [showcase_world.publication(w).pk],
        then=lambda w, response: expect(body(response).startswith(PNG_MAGIC)),
    ),
    "showcase:leaflet": Visit(
        None,
        args=lambda w: [showcase_world.publication(w).pk],
        then=lambda w, response: expect(
            response["Content-Type"] == DOCX and body(response).startswith(ZIP_MAGIC)
        ),
    ),
    "showcase:leaflet_pdf": Visit(
        None,
        args=lambda w: [showcase_world.publication(w).pk],
        status=200 if can_make_pdf() else 404,
        then=lambda w, response: expect(not can_make_pdf() or body(response).startswith(b"%PDF")),
    ),
    "showcase:photo": Visit(
        None,
        args=lambda w: [showcase_world.publication(w) and w.photo.pk],
        then=lambda w, response: expect(body(response).startswith(JPEG_MAGIC)),
    ),
    "showcase:photo_thumbnail": Visit(
        None,
        args=lambda w: [showcase_world.publication(w) and w.photo.pk],
        then=lambda w, response: expect(body(response).startswith(JPEG_MAGIC)),
    ),
    "showcase:stories": page(
        None,
        lambda w: vietnamese("Stories: Người Việt đoàn kết, sáng tạo"),
        prepare=showcase_world.story,
        shows=lambda w: [showcase_world.STORY],
    ),
    "showcase:stories_feed": Visit(
        None,
        prepare=showcase_world.story,
        then=lambda w, response: expect(
            response["Content-Type"].startswith("application/atom+xml")
            and showcase_world.STORY.encode() in response.content
        ),
    ),
    "showcase:story": page(
        None,
        lambda w: showcase_world.STORY,
        args=lambda w: [showcase_world.story(w).pk],
        shows=lambda w: [w.goat.name],
    ),
    "showcase:story_photo": Visit(
        None,
        args=lambda w: [showcase_world.story(w).photos.get().pk],
        then=lambda w, response: expect(body(response).startswith(JPEG_MAGIC)),
    ),
    "showcase:story_photo_thumbnail": Visit(
        None,
        args=lambda w: [showcase_world.story(w).photos.get().pk],
        then=lambda w, response: expect(body(response).startswith(JPEG_MAGIC)),
    ),
    "showcase:unit_stories": page(
        None,
        lambda w: f"{vietnamese('Stories: Người Việt đoàn kết, sáng tạo')} · {DISTRICT}",
        args=lambda w: [w.tree.district.pk],
        prepare=showcase_world.story,
        shows=lambda w: [showcase_world.STORY],
    ),
    "showcase:unit_stories_feed": Visit(
        None,
        args=lambda w: [w.tree.district.pk],
        prepare=showcase_world.story,
        then=lambda w, response: expect(showcase_world.STORY.encode() in response.content),
    ),
    "showcase:publicity": page(
        "district", lambda w: vietnamese("Publicity"), shows=lambda w: [DISTRICT]
    ),
    "showcase:manage": page(
        "district",
        lambda w: vietnamese("Showcase and stories"),
        args=lambda w: [w.tree.district.pk],
        prepare=lambda w: w.council,
        shows=lambda w: [w.goat.name, w.sheller.name],
    ),
    "showcase:publish": action(
        "district",
        to("showcase:manage", lambda w: w.tree.district.pk),
        args=lambda w: [w.council.plan.unit_id, w.sheller.pk],
        data=lambda w: {"sector": "processing"},
        then=lambda w, response: expect(
            Publication.objects.filter(registration=w.sheller).exists()
        ),
    ),
    "showcase:withdraw": action(
        "district",
        to("showcase:manage", lambda w: w.tree.district.pk),
        args=lambda w: [showcase_world.publication(w).pk],
        then=lambda w, response: expect(
            state_of(Publication, showcase_world.publication(w).pk) == PublicationState.WITHDRAWN
        ),
    ),
    "showcase:highlight": action(
        "district",
        to("showcase:manage", lambda w: w.tree.district.pk),
        args=lambda w: [w.tree.district.pk],
        data=lambda w: {"month": "2026-11", "publication": showcase_world.publication(w).pk},
        then=lambda w, response: expect(showcase_world.publication(w).highlights.exists()),
    ),
    "showcase:story_new": page(
        "district", lambda w: vietnamese("Write a story"), args=lambda w: [w.tree.district.pk]
    ),
    "showcase:story_edit": page(
        "district",
        lambda w: f"{showcase_world.STORY} (draft)",
        args=lambda w: [showcase_world.story(w, "draft").pk],
    ),
    "showcase:story_photo_add": action(
        "district",
        to("showcase:story_edit", lambda w: showcase_world.story(w, "draft").pk),
        args=lambda w: [showcase_world.story(w, "draft").pk],
        data=lambda w: {"title": "Đàn dê", "photo": showcase_world.picture()},
        then=lambda w, response: expect(showcase_world.story(w, "draft").photos.exists()),
    ),
    "showcase:story_submit": action(
        "district",
        to("showcase:story_edit", lambda w: showcase_world.story(w, "draft").pk),
        args=lambda w: [showcase_world.story(w, "draft").pk],
        then=lambda w, response: expect(
            state_of(Story, showcase_world.story(w, "draft").pk) == StoryState.SUBMITTED
        ),
    ),
    "showcase:story_publish": action(
        "district_admin",
        to("showcase:story_edit", lambda w: showcase_world.story(w, "submitted").pk),
        args=lambda w: [showcase_world.story(w, "submitted").pk],
        then=lambda w, response: expect(
            state_of(Story, showcase_world.story(w, "submitted").pk) == StoryState.PUBLISHED
        ),
    ),
    "showcase:story_return": action(
        "district_admin",
        to("showcase:story_edit", lambda w: showcase_world.story(w, "submitted").pk),
        args=lambda w: [showcase_world.story(w, "submitted").pk],
        data=lambda w: {"reason": "Thêm số liệu."},
        then=lambda w, response: expect(
            state_of(Story, showcase_world.story(w, "submitted").pk) == StoryState.RETURNED
        ),
    ),
    "events:calendar": page(
        None,
        lambda w: vietnamese("Calendar of events"),
        query={"month": "2022-08"},
        prepare=showcase_world.event,
        shows=lambda w: [showcase_world.EVENT],
    ),
    "events:calendar_list": page(
        None,
        lambda w: vietnamese("Calendar of events"),
        prepare=showcase_world.event,
        shows=lambda w: [showcase_world.EVENT],
    ),
    "events:event": page(
        None,
        lambda w: showcase_world.EVENT,
        args=lambda w: [showcase_world.event(w).pk],
        shows=lambda w: ["Thị trấn Hai Riêng", "200"],
    ),
    "events:photo": Visit(
        None,
        args=lambda w: [showcase_world.event(w).photos.get().pk],
        then=lambda w, response: expect(body(response).startswith(JPEG_MAGIC)),
    ),
    "events:photo_thumbnail": Visit(
        None,
        args=lambda w: [showcase_world.event(w).photos.get().pk],
        then=lambda w, response: expect(body(response).startswith(JPEG_MAGIC)),
    ),
    "events:ical": Visit(
        None,
        prepare=showcase_world.event,
        then=lambda w, response: expect(response.content.startswith(b"BEGIN:VCALENDAR\r\n")),
    ),
    "events:event_list": page(
        "district",
        lambda w: vietnamese("Events"),
        args=lambda w: [w.tree.district.pk],
        prepare=showcase_world.event,
        shows=lambda w: [showcase_world.EVENT],
    ),
    "events:event_new": page(
        "district", lambda w: vietnamese("Record an event"), args=lambda w: [w.tree.district.pk]
    ),
    "events:event_edit": page(
        "district", lambda w: showcase_world.EVENT, args=lambda w: [showcase_world.event(w).pk]
    ),
    "events:photo_add": action(
        "district",
        to("events:event_edit", lambda w: showcase_world.event(w, "draft").pk),
        args=lambda w: [showcase_world.event(w, "draft").pk],
        data=lambda w: {"title": "Gian hàng", "photo": showcase_world.picture()},
        then=lambda w, response: expect(showcase_world.event(w, "draft").photos.exists()),
    ),
    "events:event_publish": action(
        "district",
        to("events:event_edit", lambda w: showcase_world.event(w, "draft").pk),
        args=lambda w: [showcase_world.event(w, "draft").pk],
        then=lambda w, response: expect(
            state_of(Event, showcase_world.event(w, "draft").pk) == EventState.PUBLISHED
        ),
    ),
    "events:event_cancel": action(
        "district",
        to("events:event_edit", lambda w: showcase_world.event(w).pk),
        args=lambda w: [showcase_world.event(w).pk],
        then=lambda w, response: expect(
            state_of(Event, showcase_world.event(w).pk) == EventState.CANCELLED
        ),
    ),
    # --- deadlines
    "deadlines:reminders": page(
        "district",
        lambda w: "Đăng ký mô hình: 10/04/2022",
        args=lambda w: [plan(w), w.deadline.pk],
        shows=lambda w: [UNIT_B],
    ),
}


def url_names(patterns=None, namespace="") -> set[str]:
    """Every named URL of the project, namespaced; the Django admin's excepted."""
    names = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}{entry.name}")
    return names


def request(client, world, visit: Visit, url: str):
    send = getattr(client, visit.method)
    if visit.method == "get":
        return send(url, visit.query)
    return send(url, visit.data(world))


@pytest.mark.parametrize("name", sorted(VISITS))
def test_every_url(client, world, name):
    visit = VISITS[name]
    if visit.user is not None:
        client.force_login(getattr(world.who, visit.user))  # first: the story may notify them
    visit.prepare(world)
    url = reverse(name, args=visit.args(world))
    # What the page should show is read from the world before the request builds nothing.
    title = visit.title(world) if visit.title is not None else None
    shows = visit.shows(world)
    response = request(client, world, visit, url)
    assert response.status_code == visit.status, (url, response.content[:500])
    if title is not None:
        assert heading(response) == title
        page_text = unescape(response.content.decode())
        for text in shows:
            assert text in page_text, f"{text!r} is not on {url}"
    if visit.content_type:
        assert response["Content-Type"] == visit.content_type
        assert body(response).startswith(visit.starts_with)
    if visit.redirect is not None:
        assert response["Location"] == visit.redirect(world)
    visit.then(world, response)


def test_visits_cover_every_url_name():
    names = url_names()
    missing = sorted(names - set(VISITS))
    assert not missing, f"URL names without a row in VISITS (tests/test_every_url.py): {missing}"
    stale = sorted(set(VISITS) - names)
    assert not stale, f"rows in VISITS for URL names that no longer exist: {stale}"


# --- downloads refuse outsiders ------------------------------------------------------

# Every file, photo and export. Tuy Hòa's administrator is outside the story altogether;
# Ea Ly's officer may read the district's issued plans, but neither its drafts nor Ea Bá's
# files.
DOWNLOADS = [
    "plans:plan_attachment",
    "plans:plan_docx",
    "initiatives:file",
    "initiatives:file_thumbnail",
    "initiatives:export_xlsx",
    "initiatives:export_docx",
    "jobs:job_file",
    "review:scores_xlsx",
    "review:minutes_docx",
    "review:decision_docx",
    "review:certificates_docx",
    "results:photo",
    "results:photo_thumbnail",
    "results:report_docx",
    "results:rollup_xlsx",
    "award:docx",
    "fund:ledger_xlsx",
    "fund:rollup_xlsx",
]
NOT_FOR_EA_LY = [
    "plans:plan_attachment",  # of a draft
    "plans:plan_docx",  # a draft
    "initiatives:file",
    "initiatives:file_thumbnail",
    "results:photo",
    "results:photo_thumbnail",
    "results:report_docx",
]
REFUSED = [(name, "outsider") for name in DOWNLOADS] + [
    (name, "officer_b") for name in NOT_FOR_EA_LY
]


def leaks(secret: bytes, answer: bytes) -> bool:
    """Whether ``answer`` carries any recognisable piece of ``secret``."""
    size = 24
    pieces = [secret[i : i + size] for i in range(0, max(len(secret) - size, 1), 512)]
    return any(piece in answer for piece in pieces)


def test_every_download_is_in_the_list():
    names = {name for name, visit in VISITS.items() if visit.content_type in (DOCX, XLSX)}
    names |= {name for name, visit in VISITS.items() if visit.starts_with in (PDF, JPEG_MAGIC)}
    assert names == set(DOWNLOADS)


@pytest.mark.parametrize(("name", "who"), REFUSED)
def test_downloads_refuse_outsiders(client, world, name, who):
    visit = VISITS[name]
    allowed = getattr(world.who, visit.user)
    outsider = getattr(world.who, who)
    visit.prepare(world)
    url = reverse(name, args=visit.args(world))
    client.force_login(allowed)
    secret = body(client.get(url))
    assert secret.startswith(visit.starts_with)
    client.logout()

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"] == f"{reverse('login')}?next={quote(url)}"
    assert not leaks(secret, body(anonymous))

    client.force_login(outsider)
    refused = client.get(url)
    # The README: out-of-scope pages answer 404, their existence is not revealed.
    assert refused.status_code == 404
    assert heading(refused) == "Không tìm thấy trang"
    assert not leaks(secret, body(refused))
