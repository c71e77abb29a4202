"""The 2022 results reports: the communes' to their district in October (on time, one late,
a draft, the rest nothing), then each district's own report, with its communes' roll-up in
it, to the province, which received both. Past dates are set after the fact."""

import datetime

from django.utils import timezone

from thidua.org.models import Person
from thidua.results.domain.reports import (
    report_open,
    report_review,
    report_save,
    report_submit,
)
from thidua.results.models import Progress, ResultsReport
from thidua.review.models import CouncilState, Outcome, Proposal

REPORT_DUE = datetime.date(2022, 10, 25)

# (commune code, sent on) — the communes' results reports in October 2022; None: a draft.
SONG_HINH_REPORTS = [
    ("22216", datetime.date(2022, 10, 20)),  # Ea Bá
    ("22237", datetime.date(2022, 10, 24)),  # Ea Ly
    ("22231", datetime.date(2022, 10, 18)),  # Ea Trol
    ("22213", datetime.date(2022, 10, 31)),  # Đức Bình Tây: late
    ("22207", None),  # Hai Riêng: still a draft
]
SON_HOA_REPORTS = [
    ("22165", datetime.date(2022, 10, 20)),  # thị trấn Củng Sơn
    ("22171", datetime.date(2022, 10, 21)),  # Sơn Hội
    ("22177", datetime.date(2022, 10, 24)),  # Sơn Long
    ("22204", datetime.date(2022, 10, 22)),  # Suối Trai
    ("22192", datetime.date(2022, 10, 27)),  # Ea Chà Rang: late
    ("22201", None),  # Sơn Hà: still a draft
]
# Publicity meetings each reporting commune held, by district.
MEETINGS = {"Sông Hinh": 4, "Sơn Hòa": 3}
DISTRICTS_SENT_ON = datetime.date(2022, 10, 25)


def load(*, district_plan, son_hoa_plan) -> None:
    huyen, tinh = Person.objects.get(username="huyen"), Person.objects.get(username="tinh")
    _communes(district_plan, SONG_HINH_REPORTS, office=huyen)
    _communes(son_hoa_plan, SON_HOA_REPORTS, office=None)
    _district(district_plan, writer=huyen, province=tinh)
    _district(son_hoa_plan, writer=None, province=tinh)


def _communes(plan, reports, *, office) -> None:
    outcomes = dict(
        Proposal.objects.filter(
            registration__plan=plan, council__state=CouncilState.DECIDED
        ).values_list("registration_id", "outcome")
    )
    meetings = MEETINGS[plan.unit.name]
    for code, sent_on in reports:
        unit = plan.unit.children.get(code=code)
        report = report_open(actor=None, plan=plan, unit=unit)
        results = {}
        for result in report.results.all():
            honoured = outcomes.get(result.registration_id, Outcome.NONE) != Outcome.NONE
            results[result.registration_id] = {
                "progress": Progress.DONE if honoured else Progress.IN_PROGRESS,
                "households": 25 if honoured else 12,
                "text": "Đạt dự kiến." if honoured else "Đang triển khai, đạt một phần dự kiến.",
            }
        report = report_save(
            actor=None,
            report=report,
            version=report.version,
            # Events, their participants, replication and the fund come from the records
            # (results/domain/recorded.py): the demo's events, replications and funds.
            fields={
                "meetings": meetings,
                "meeting_participants": 45 * meetings,
                "media_items": 3,
                "support_vnd": 5_000_000,
                "award_entries": sum(1 for pk in results if outcomes.get(pk) == Outcome.NOMINATED),
                "shortcomings": "Một số chi hội triển khai còn chậm.",
                "proposals": "Đề nghị Huyện hội hỗ trợ kinh phí nhân rộng mô hình.",
            },
            results=results,
        )
        if sent_on is not None:
            report = report_submit(actor=None, report=report)
            _backdate(report, sent_on)
            report_review(actor=office, report=report, receive=True)


def _district(plan, *, writer, province) -> None:
    """The district's own report to the province, with its communes' roll-up in it."""
    report = report_open(actor=writer, plan=plan, unit=plan.unit)
    report = report_save(
        actor=writer,
        report=report,
        version=report.version,
        fields={
            "achievements": f"{plan.unit.full_name} đã triển khai Kế hoạch số "
            f"{plan.number_symbol} đến các xã, thị trấn; tổng hợp kết quả của các cơ sở Hội "
            "như sau.",
            "meetings": 2,
            "meeting_participants": 150,
            "media_items": 6,
            "shortcomings": "Một số cơ sở Hội báo cáo chậm, chưa đầy đủ số liệu.",
            "proposals": "Đề nghị Hội Nông dân tỉnh tiếp tục hỗ trợ nhân rộng mô hình hiệu quả.",
        },
        results={},
    )
    report = report_submit(actor=writer, report=report)
    _backdate(report, DISTRICTS_SENT_ON)
    report_review(actor=province, report=report, receive=True)


def _backdate(report: ResultsReport, sent_on: datetime.date) -> None:
    at = timezone.make_aware(datetime.datetime.combine(sent_on, datetime.time(9)))
    ResultsReport.objects.filter(pk=report.pk).update(
        first_submitted_at=at, submitted_at=at, is_late=sent_on > REPORT_DUE
    )
