"""``thidua backup`` then ``thidua restore`` (backup/archive.py, backup/restore.py): a world with
every kind of record and its uploads comes back into an empty SQLite instance and an empty
PostgreSQL database, every table and every file the same; a SQLite backup moves to PostgreSQL
(and a PostgreSQL one to SQLite) with the same command; an instance that holds anything is
refused and left as it was.

The backup is made here, from the test database; each restore runs ``thidua restore`` in its
own process against a fresh data folder (and database), never the developer's var/."""

import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import dj_database_url
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from tests.helpers import vietnamese
from tests.pages.world import World
from thidua.backup import database
from thidua.backup.archive import media_files
from thidua.backup.restore import RestoreRefusedError, restore
from thidua.org.models import Unit, UnitKind

pytestmark = pytest.mark.django_db(transaction=True)

POSTGRES = "postgres://postgres@127.0.0.1:5432/"
SQLITE = "django.db.backends.sqlite3"
EMPTY_ONLY = (
    "A backup is restored into an empty instance only: nothing was changed. "
    "Add --force to replace this instance's data and uploads with the backup."
)


def thidua(*args, data_dir: Path, database_url: str | None = None):
    """``thidua <args>`` in its own process, on the instance of ``data_dir`` (and
    ``database_url``; SQLite in ``data_dir`` without one)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "MEDIA_ROOT", "STATIC_ROOT", "THIDUA_DATA_DIR"}
    }
    environment["THIDUA_DATA_DIR"] = str(data_dir)
    if database_url:
        environment["DATABASE_URL"] = database_url
    return subprocess.run(  # noqa: S603 (our own interpreter and entry point)
        [sys.executable, "-c", "from thidua.config.cli import main; main()", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def postgres_database():
    """A new, empty PostgreSQL database (its URL), dropped after the test."""
    name = f"thidua_restore_{uuid.uuid4().hex[:10]}"
    try:
        made = subprocess.run(  # noqa: S603 (PostgreSQL's own tool, a generated name)
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", name],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except FileNotFoundError:
        pytest.skip("PostgreSQL's createdb is not installed (apt-get install postgresql-client)")
    if made.returncode != 0:
        pytest.skip(f"PostgreSQL is not reachable at 127.0.0.1: {made.stderr.strip()}")
    yield POSTGRES + name
    subprocess.run(  # noqa: S603 (PostgreSQL's own tool, a generated name)
        ["dropdb", "--force", "-h", "127.0.0.1", "-U", "postgres", name],  # noqa: S607
        capture_output=True,
        timeout=30,
        check=False,
    )


def restored_tables(url: str) -> dict:
    with database.database_at(dj_database_url.parse(url)) as alias:
        return database.table_states(alias)


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


@pytest.fixture
def everything(request, settings):
    """The pages' world with every part built (plans, registrations with a photo and a
    document, a decided council, reports with a photo, an idea, a reminder), a session."""
    world = World(request)
    for part in (
        "attachment",
        "photo",
        "document",
        "sent",
        "draft",
        "council",
        "new_council",
        "report_photo",
        "report_b",
        "idea",
        "deadline",
    ):
        getattr(world, part)
    Client().force_login(world.who.officer_a)  # a session row
    return world


@pytest.fixture
def archive(everything, settings, tmp_path):
    path = tmp_path / "backup.tar.gz"
    call_command("backup", output=path, verbosity=0)
    return path


@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_a_backup_restores_every_table_and_file_into_an_empty_instance(
    target, archive, settings, tmp_path, request
):
    source_tables = database.table_states("default")
    media = Path(settings.MEDIA_ROOT)
    # Every kind of record is there to be carried over, uploads included.
    for table in (
        "org_unit",
        "org_person",
        "plans_plan",
        "plans_planattachment",
        "initiatives_registration",
        "initiatives_registrationfile",
        "initiatives_idea",
        "review_score",
        "review_decision",
        "results_resultsreport",
        "results_reportphoto",
        "notify_reminder",
        "notify_notification",
        "audit_auditentry",
        "django_session",
        "django_content_type",
    ):
        assert source_tables[table]["rows"] > 0, table
    assert len(files_of(media)) == 6  # two photos and their thumbnails, a document, a PDF

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["tables"] == source_tables
    assert manifest["files"] == media_files()

    data_dir = tmp_path / "restored"
    postgres = request.getfixturevalue("postgres_database") if target == "postgresql" else None
    result = thidua("restore", str(archive), data_dir=data_dir, database_url=postgres)
    assert result.returncode == 0, result.stderr
    url = postgres or f"sqlite:///{data_dir / 'thidua.sqlite3'}"

    assert restored_tables(url) == source_tables
    assert files_of(data_dir / "media") == files_of(media)
    if target == "postgresql":
        # The sequences run on past the restored rows: new records can be created.
        with database.database_at(dj_database_url.parse(url)) as alias:
            ContentType.objects.using(alias).create(app_label="backup", model="after")


@pytest.fixture
def small_archive(tree, settings, tmp_path):
    """A backup of the cast's units and one uploaded file."""
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "plans").mkdir(parents=True)
    (tmp_path / "media" / "plans" / "kế hoạch.pdf").write_bytes(b"%PDF-1.4 ...")
    path = tmp_path / "small.tar.gz"
    call_command("backup", output=path, verbosity=0)
    return path


def test_restore_refuses_an_instance_that_holds_data_and_changes_nothing(
    small_archive, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "other-media"
    tables = database.table_states("default")

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(small_archive))

    assert vietnamese(EMPTY_ONLY) in str(refused.value)
    assert "org_unit" in str(refused.value)
    assert database.table_states("default") == tables
    assert not (tmp_path / "other-media").exists()


def test_restore_refuses_an_uploads_folder_that_holds_files(small_archive, settings, tmp_path):
    other = tmp_path / "other"
    settings.MEDIA_ROOT = other / "media"
    (other / "media").mkdir(parents=True)
    (other / "media" / "left.jpg").write_bytes(b"a photo left behind")
    with database.database_at({"ENGINE": SQLITE, "NAME": str(other / "empty.sqlite3")}) as alias:
        with pytest.raises(RestoreRefusedError) as refused:
            restore(small_archive, using=alias)
        assert database.table_states(alias) == {}

    assert vietnamese(EMPTY_ONLY) in str(refused.value)
    assert str(other / "media") in str(refused.value)
    assert files_of(other / "media") == {"left.jpg": b"a photo left behind"}


def test_force_replaces_what_the_instance_held(small_archive, settings, tmp_path):
    other = tmp_path / "other"
    settings.MEDIA_ROOT = other / "media"
    expected = database.table_states("default")
    with database.database_at({"ENGINE": SQLITE, "NAME": str(other / "db.sqlite3")}) as alias:
        other.mkdir()
        restore(small_archive, using=alias)
        Unit.objects.using(alias).filter(kind=UnitKind.COMMUNE).update(name="Đã sửa")
        (other / "media" / "plans" / "kế hoạch.pdf").write_bytes(b"changed since")
        (other / "media" / "extra.jpg").write_bytes(b"added since")
        changed = database.table_states(alias)
        assert changed["org_unit"]["rows"] == expected["org_unit"]["rows"]
        assert changed["org_unit"]["sha256"] != expected["org_unit"]["sha256"]

        restore(small_archive, using=alias, force=True)

        assert database.table_states(alias) == expected
    assert files_of(other / "media") == {"plans/kế hoạch.pdf": b"%PDF-1.4 ..."}
