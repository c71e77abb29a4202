"""One plan's whole story, built the way the app builds it, for the page tests.

The district of Sông Hinh issues a plan; Ea Bá and Ea Ly register, upload a photo and a
document, a council scores, votes and commends, the communes report their results with a
photo, a farmer drops an idea in Ea Bá's box, the district reminds Ea Ly. Everything goes
through the domain functions (or, for uploads, through the upload views themselves), so
the pages see exactly what production data looks like.

``World`` asks for the fixtures of ``tests/conftest.py`` and builds each part (and each
person of the cast) on first use;
``tests/pages/conftest.py`` wraps it as the ``world`` fixture and ``tests/test_every_url.py``
makes its own.
"""

import datetime
import io
from decimal import Decimal
from functools import cached_property

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from docx import Document
from PIL import Image

from tests.helpers import filled, unanimous
from thidua.deadlines.reminders import remind
from thidua.initiatives.domain.ideas import idea_send
from thidua.initiatives.domain.registrations import registration_receive, registration_submit
from thidua.org.models import Role
from thidua.plans.domain.plans import end_of_day, plan_set_body, plan_set_list
from thidua.plans.models import DeadlineKind
from thidua.results.domain.reports import report_open, report_submit
from thidua.review.domain.councils import (
    assign,
    council_create,
    council_set_state,
    member_add,
    registrations,
)
from thidua.review.domain.decisions import proposal_set
from thidua.review.domain.scoring import scores_save
from thidua.review.models import Assignment, CouncilState, MemberRole, Outcome

# A real one-page PDF: header, catalogue, page, cross-reference table, trailer.
PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n"
    b"0000000058 00000 n \n0000000115 00000 n \n"
    b"trailer << /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n"
)
JPEG_MAGIC = b"\xff\xd8\xff"
ZIP_MAGIC = b"PK\x03\x04"


def png_bytes(size=(640, 480), colour=(30, 120, 60)) -> bytes:
    """A real PNG photo (what a phone's screenshot or an office scanner sends)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def docx_bytes(text="Thuyết minh mô hình nuôi dê sinh sản") -> bytes:
    """A real Word document, as an office attaches it."""
    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def client_for(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


# who → (username, role, unit of the tree, full name, more fields)
CAST = {
    "district_admin": ("huyen_admin", Role.ADMIN, "district", "Văn Phòng Huyện", {}),
    "district": ("huyen", Role.OFFICER, "district", "Cán Bộ Huyện", {}),
    "officer_a": (
        "xa_a",
        Role.OFFICER,
        "commune_a",
        "Nguyễn Thị Hoa",
        {"email": "xa_a@example.vn"},
    ),
    "officer_b": ("xa_b", Role.OFFICER, "commune_b", "Y Blúp Êban", {}),
    "province": ("tinh", Role.ADMIN, "province", "Văn Phòng Tỉnh", {}),
    # The national level, where a nomination for the national award ends (award app).
    "national": ("trunguong", Role.OFFICER, "central", "Văn Phòng Trung ương", {}),
    # An administrator of Tuy Hòa, a district unrelated to the story.
    "outsider": ("khac", Role.ADMIN, "other_district", "Người Tuy Hòa", {}),
    "chair": ("chutich", Role.COUNCIL, "district", "Lê Văn Minh", {}),
    "secretary": ("thuky", Role.COUNCIL, "district", "Phạm Thị Lan", {}),
    "member": ("thanhvien", Role.COUNCIL, "district", "Hồ Văn Quang", {}),
}


class Cast:
    """The people of ``CAST``, each made (with their role) the first time they are named."""

    def __init__(self, tree, make_person):
        self._tree = tree
        self._make_person = make_person

    def __getattr__(self, who):
        if who not in CAST:
            raise AttributeError(who)
        username, role, unit, full_name, more = CAST[who]
        person = self._make_person(
            username, role, getattr(self._tree, unit), full_name=full_name, **more
        )
        setattr(self, who, person)
        return person


def upload_registration_files(client, registration) -> None:
    """A photo (PNG, re-encoded to JPEG with a thumbnail) and a Word document."""
    url = reverse("initiatives:file_add", args=[registration.pk])
    for kind, name, content in (
        ("photo", "Chuồng dê.png", png_bytes()),
        ("document", "Thuyết minh.docx", docx_bytes()),
    ):
        response = client.post(
            url, {"kind": kind, "title": name, "file": SimpleUploadedFile(name, content)}
        )
        assert response.status_code == 302, response


def upload_report_photo(client, report) -> None:
    response = client.post(
        reverse("results:photo_add", args=[report.pk]),
        {"title": "Ruộng sắn", "photo": SimpleUploadedFile("Ruộng sắn.png", png_bytes())},
    )
    assert response.status_code == 302, response


def attach_pdf(client, plan) -> None:
    response = client.post(
        reverse("plans:plan_attachment_add", args=[plan.pk]),
        {"title": "Bản ký số", "file": SimpleUploadedFile("Bản ký 115.pdf", PDF)},
    )
    assert response.status_code == 302, response


def entry(make_registration, unit, name, *, files_by=None):
    """A registration sent and received: an entry the council evaluates."""
    registration = make_registration(unit, name=name)
    if files_by is not None:
        upload_registration_files(files_by, registration)
    registration = registration_submit(actor=None, registration=registration)
    return registration_receive(actor=None, registration=registration)


def score_everything(council, points=(16, 15, 14, 13, 12)) -> None:
    criteria = list(council.plan.criteria.all())
    for assignment in Assignment.objects.filter(member__council=council).order_by("pk"):
        scores_save(
            actor=None,
            assignment=assignment,
            scores={c.pk: (Decimal(p), "Tốt") for c, p in zip(criteria, points, strict=True)},
            submit=True,
        )


def scored_council(plan, who, name, members=()):
    """The cast's chair, secretary and member seated (then ``members``), every received
    entry assigned to each and scored; scoring still open."""
    council = council_create(actor=None, plan=plan, name=name)
    seat_members(council, who)
    for person in members:
        member_add(actor=None, council=council, person=person, role=MemberRole.MEMBER)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_everything(council)
    return council


def closed_council(plan, who, name):
    """Scored by its three members, scoring closed: ready for proposals and the vote."""
    council = scored_council(plan, who, name)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    return council


def commend(council, entries, reason=lambda registration: "Hiệu quả") -> None:
    """Propose to commend each of ``entries``, for ``reason(registration)``."""
    for registration in entries:
        proposal_set(
            actor=None,
            council=council,
            registration=registration,
            outcome=Outcome.COMMENDED,
            reason=reason(registration),
        )


def decided_council(plan, who, name="Hội đồng đánh giá năm 2022"):
    """Scored by its three members, every entry commended, the list approved."""
    council = closed_council(plan, who, name)
    commend(council, registrations(council))
    unanimous(council)
    council.refresh_from_db()
    return council


def seat_members(council, who) -> None:
    """The chair, the secretary and a member of the cast take their seats."""
    member_add(actor=None, council=council, person=who.chair, role=MemberRole.CHAIR)
    member_add(actor=None, council=council, person=who.secretary, role=MemberRole.SECRETARY)
    member_add(actor=None, council=council, person=who.member, role=MemberRole.MEMBER)


class World:
    """The story, each part built the first time a test asks for it (tests stay fast).

    Parts depend on each other as they do in life: the council evaluates the received
    entries, the reports list what the communes sent.
    """

    def __init__(self, request):
        self._fixture = request.getfixturevalue
        # What the story and the pages upload goes to the test's own temporary folder.
        self._fixture("settings").MEDIA_ROOT = self._fixture("tmp_path") / "media"

    @cached_property
    def tree(self):
        return self._fixture("tree")

    @cached_property
    def who(self):
        return Cast(self.tree, self._fixture("make_person"))

    @cached_property
    def plan(self):
        """The district's plan, issued on 8/3/2022: one registration per commune by 10/4."""
        return self._fixture("open_plan")

    def _make_plan(self, **fields):
        return self._fixture("make_plan")(**fields)

    def _make_registration(self, unit, **fields):
        return self._fixture("make_registration")(unit, **fields)

    @cached_property
    def draft_plan(self):
        """A draft of the district, with a signed PDF attached through the upload view."""
        plan = self._make_plan(title="Dự thảo kế hoạch thi đua chuyên đề")
        attach_pdf(client_for(self.who.district), plan)
        return plan

    @cached_property
    def attachment(self):
        return self.draft_plan.attachments.get()

    @cached_property
    def goat(self):
        """Ea Bá's entry, with a photo and a Word document uploaded by its officer."""
        return entry(
            self._make_registration,
            self.tree.commune_a,
            "Mô hình nuôi dê sinh sản",
            files_by=client_for(self.who.officer_a),
        )

    @cached_property
    def sheller(self):
        """Ea Ly's entry."""
        self.goat  # noqa: B018 (the entries arrive in this order)
        return entry(self._make_registration, self.tree.commune_b, "Máy tách hạt bắp")

    @cached_property
    def photo(self):
        return self.goat.files.get(kind="photo")

    @cached_property
    def document(self):
        return self.goat.files.get(kind="document")

    @cached_property
    def sent(self):
        """Sent by Ea Bá, waiting for the district to receive or return it."""
        return registration_submit(
            actor=None,
            registration=self._make_registration(self.tree.commune_a, name="Sân phơi chung"),
        )

    @cached_property
    def draft(self):
        return self._make_registration(self.tree.commune_a, name="Bản nháp trồng sắn")

    @cached_property
    def council(self):
        """Decided: every entry scored by three members, commended, the list approved."""
        self.sheller  # noqa: B018 (both entries are in)
        return decided_council(self.plan, self.who)

    @cached_property
    def new_council(self):
        """Being set up: three members seated, nothing assigned yet."""
        council = council_create(actor=None, plan=self.plan, name="Hội đồng xét chọn sáng kiến")
        seat_members(council, self.who)
        return council

    @cached_property
    def report_a(self):
        """Ea Bá's report with a photo, filled in and sent (late: the deadline was 2022)."""
        self.sheller  # noqa: B018 (both entries are in)
        report = report_open(actor=None, plan=self.plan, unit=self.tree.commune_a)
        upload_report_photo(client_for(self.who.officer_a), report)
        return report_submit(actor=None, report=filled(report))

    @cached_property
    def report_photo(self):
        return self.report_a.photos.get()

    @cached_property
    def report_b(self):
        """Ea Ly's report, opened and still a draft."""
        self.sheller  # noqa: B018 (both entries are in)
        return report_open(actor=None, plan=self.plan, unit=self.tree.commune_b)

    @cached_property
    def idea(self):
        return idea_send(
            unit=self.tree.commune_a,
            name="Y Blúp",
            phone="0912 345 678",
            idea="Làm sân phơi chung cho buôn để giảm hao hụt sắn.",
            address="203.0.113.9",
        )

    @cached_property
    def deadline(self):
        """The registration deadline; the district has reminded Ea Ly of it by hand."""
        deadline = self.plan.deadlines.get(kind=DeadlineKind.REGISTRATION)
        remind(deadline=deadline, unit=self.tree.commune_b, offset_days=0, actor=self.who.district)
        return deadline


# --- growing a page's rows ------------------------------------------------------------


def grower(make):
    """grow(n) → the first n things ``make(i)`` makes, made once each, in order."""
    made = []

    def grow(size):
        while len(made) < size:
            made.append(make(len(made)))
        return made

    return grow


def together(*grows):
    """grow(n) → each of ``grows`` grown to n, in order."""

    def grow(size):
        for each in grows:
            each(size)

    return grow


def last(*labels):
    """What the last of ``size`` rows shows: ``last("Tiêu chí số")(12)`` is ["Tiêu chí số 11"];
    with several labels, the last row of each."""
    return lambda size: [f"{label} {size - 1}" for label in labels]


# What a page listing the communes of ``communes`` (tests/pages/conftest.py) shows last.
LAST_COMMUNE = last("Hội Nông dân xã Ea Tam")


def plan_with_rows(plan, size: int, client=None):
    """A draft with ``size`` sections, criteria, deadlines and campaigns (and attachments,
    uploaded by ``client``)."""
    plan_set_body(
        actor=None,
        plan=plan,
        source="\n".join(
            f"# MỤC SỐ {i}\n## Nội dung số {i}\nĐoạn văn số {i}." for i in range(size)
        ),
    )
    rows = {
        "criteria": [
            {"code": f"c{i}", "name": f"Tiêu chí số {i}", "description": "", "max_points": 10}
            for i in range(size)
        ],
        "deadlines": [
            {
                "kind": DeadlineKind.REPORT,
                "label": f"Báo cáo đợt {i}",
                "due_at": end_of_day(datetime.date(2022, 5, 1) + datetime.timedelta(days=i)),
            }
            for i in range(size)
        ],
        "campaigns": [{"name": f"Cuộc vận động số {i}"} for i in range(size)],
    }
    for kind, kind_rows in rows.items():
        plan_set_list(actor=None, plan=plan, kind=kind, rows=kind_rows)
    while client is not None and plan.attachments.count() < size:
        number = plan.attachments.count()
        client.post(
            reverse("plans:plan_attachment_add", args=[plan.pk]),
            {"title": f"Phụ lục số {number}", "file": SimpleUploadedFile("pl.pdf", PDF)},
        )
    return plan
