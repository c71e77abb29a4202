"""Deadline reminders (deadlines/reminders.py): when they go, to whom, once each, and what a crash
does."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from thidua.deadlines.models import Reminder
from thidua.deadlines.reminders import send_due_reminders
from thidua.initiatives.domain.registrations import registration_submit
from thidua.notify.models import Notification
from thidua.results.domain.reports import report_open, report_save, report_submit

DAY = datetime.timedelta(days=1)


def test_reminders_go_at_7_3_1_days_before_and_the_day_after(due_soon, offices):
    due = due_soon.due_at
    assert send_due_reminders(now=due - 8 * DAY) == 0
    assert send_due_reminders(now=due - 7 * DAY) == 2  # both communes, nothing sent yet
    assert send_due_reminders(now=due - 6 * DAY) == 0
    assert send_due_reminders(now=due - 3 * DAY + datetime.timedelta(hours=1)) == 2
    assert send_due_reminders(now=due - 1 * DAY) == 2
    assert send_due_reminders(now=due + 1 * DAY + datetime.timedelta(hours=2)) == 2
    offsets = sorted(set(Reminder.objects.values_list("offset_days", flat=True)))
    assert offsets == [-1, 1, 3, 7]
    assert offices["a"].notifications.count() == 4


def test_nothing_is_sent_twice(due_soon, offices):
    moment = due_soon.due_at - 7 * DAY
    assert send_due_reminders(now=moment) == 2
    assert send_due_reminders(now=moment + datetime.timedelta(hours=1)) == 0
    assert Notification.objects.count() == 2


def test_units_that_acted_are_not_reminded(due_soon, offices, make_registration, tree):
    registration_submit(actor=None, registration=make_registration(tree.commune_a))
    Notification.objects.all().delete()  # the submission's own notice to the district
    send_due_reminders(now=due_soon.due_at - 7 * DAY)
    assert not offices["a"].notifications.exists()
    assert offices["b"].notifications.count() == 1


def test_old_deadlines_never_send(open_plan, offices):
    # The plan's deadline is 10/4/2022: years past, outside any catch-up window.
    assert send_due_reminders() == 0


def test_a_crash_mid_run_loses_nothing_and_duplicates_nothing(due_soon, offices):
    moment = due_soon.due_at - 7 * DAY
    failures = []

    def fail_second_notification(execute, sql, params, many, context):
        if (
            "notify_notification" in sql
            and "INSERT" in sql.upper()
            and Reminder.objects.count() >= 2
        ):
            failures.append(sql)
            raise RuntimeError("the worker dies here")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_second_notification), pytest.raises(RuntimeError):
        send_due_reminders(now=moment)
    assert failures, failures
    assert Reminder.objects.count() == 1  # the second claim rolled back with its notification
    assert Notification.objects.count() == 1
    assert send_due_reminders(now=moment) == 1  # the next run sends only what is missing
    assert Reminder.objects.count() == 2
    assert Notification.objects.count() == 2


def test_a_run_with_a_limit_continues_next_time(due_soon, offices):
    moment = due_soon.due_at - 7 * DAY
    assert send_due_reminders(now=moment, limit=1) == 1
    assert send_due_reminders(now=moment) == 1
    assert Reminder.objects.count() == 2


def test_report_deadlines_remind_the_units_that_have_not_reported(open_plan, offices, tree):
    deadline = open_plan.deadlines.get(kind="report")
    deadline.due_at = timezone.now() + 10 * DAY
    deadline.save()
    report = report_open(actor=None, plan=open_plan, unit=tree.commune_a)
    report = report_save(
        actor=None,
        report=report,
        version=report.version,
        fields={"achievements": "Xong."},
        results={},
    )
    report_submit(actor=None, report=report)
    Notification.objects.all().delete()
    assert send_due_reminders(now=deadline.due_at - 3 * DAY) == 1
    assert offices["b"].notifications.count() == 1
    assert not offices["a"].notifications.exists()
