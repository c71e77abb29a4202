"""The database side of a backup: a native copy, a portable dump, and what each table holds.

- native: SQLite's online backup API (a consistent copy while the site serves) or PostgreSQL's
  ``pg_dump`` in custom format; restored by the same vendor only, schema and all;
- portable: Django's ``dumpdata`` (every row with its primary key, content types and
  permissions included, datetimes to the microsecond), loaded into either vendor after
  ``migrate`` and ``flush``, the sequences reset after;
- ``table_states``: each model table's row count and a hash of its content that does not
  depend on the vendor, so a restore is checked row for row against the backup's manifest.

Everything reads the models through Django's registry: no app is imported.
"""

import contextlib
import datetime
import decimal
import hashlib
import json
import os
import sqlite3
import subprocess
import uuid
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.db.utils import load_backend

# What `migrate` writes by itself (post_migrate): an instance holding only these rows is empty.
WRITTEN_BY_MIGRATE = {"contenttypes.contenttype", "auth.permission"}
# dumpdata's own JSON rounds datetimes to the millisecond; this one keeps them whole.
EXACT_JSON = "thidua_exact_json"


class DatabaseError(Exception):
    """A database tool failed (pg_dump, pg_restore): its message, for the person."""


def models() -> list:
    """Every model with a table of its own, the many-to-many tables included, by table."""
    found = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    return sorted(found, key=lambda model: model._meta.db_table)


# --- what a table holds -------------------------------------------------------------------


def _plain(value):
    """``value`` as the same JSON value whichever database it was read from."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return repr(value.total_seconds())
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value)


def table_state(model, using: str) -> dict:
    """{"rows": n, "sha256": …} of ``model``'s table: every column of every row, rows in a
    fixed order. A many-to-many table is hashed without its own ids, which a portable load
    numbers anew (the pairs are what it holds)."""
    columns = [field.attname for field in model._meta.concrete_fields]
    if model._meta.auto_created:
        columns.remove(model._meta.pk.attname)
    rows = model._base_manager.using(using).values_list(*columns).order_by()
    lines = sorted(
        json.dumps([_plain(value) for value in row], ensure_ascii=False)
        for row in rows.iterator(chunk_size=2000)
    )
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode())
        digest.update(b"\n")
    return {"rows": len(lines), "sha256": digest.hexdigest()}


def table_states(using: str) -> dict[str, dict]:
    """table name → its state (``table_state``), for every model table that exists."""
    existing = set(connections[using].introspection.table_names())
    return {
        model._meta.db_table: table_state(model, using)
        for model in models()
        if model._meta.db_table in existing
    }


def tables_with_rows(using: str) -> list[str]:
    """The tables holding data (beyond what `migrate` writes itself)."""
    existing = set(connections[using].introspection.table_names())
    return [
        model._meta.db_table
        for model in models()
        if model._meta.label_lower not in WRITTEN_BY_MIGRATE
        and model._meta.db_table in existing
        and model._base_manager.using(using).exists()
    ]


def applied_migrations(using: str) -> list[list[str]]:
    """[[app, migration], …] applied to the database, sorted."""
    recorder = MigrationRecorder(connections[using])
    return sorted([list(key) for key in recorder.applied_migrations()])


# --- copies -------------------------------------------------------------------------------


@contextlib.contextmanager
def database_at(settings_dict: dict, alias: str = "thidua_backup_other"):
    """A second connection, named ``alias``, to the database ``settings_dict`` describes
    (as ``DATABASES`` would: dj-database-url's dict or another connection's settings)."""
    configured = connections.configure_settings({"default": dict(settings_dict)})["default"]
    # Made here rather than added to DATABASES: a connection of this thread only, gone after.
    connection = load_backend(configured["ENGINE"]).DatabaseWrapper(configured, alias)
    connections[alias] = connection
    try:
        yield alias
    finally:
        connection.close()
        del connections[alias]


def sqlite_copy(using: str, path: Path) -> None:
    """A consistent copy of the SQLite database ``using`` at ``path`` (the online backup API:
    the site keeps serving, writers wait only while a page is copied)."""
    connection = connections[using]
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def sqlite_load(path: Path, using: str) -> None:
    """Replace the SQLite database ``using`` with the copy at ``path``, whole."""
    connection = connections[using]
    connection.close()
    source = sqlite3.connect(path)
    target = sqlite3.connect(connection.settings_dict["NAME"])
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


@contextlib.contextmanager
def snapshot(using: str):
    """A read-only transaction on PostgreSQL whose view ``pg_dump --snapshot`` shares: the
    native dump, the portable dump and the manifest describe the same instant. Yields the
    snapshot's id (None on SQLite, whose copy is read instead)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield None
        return
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        yield cursor.fetchone()[0]


def _postgresql(settings_dict: dict) -> tuple[list[str], dict]:
    """The connection options of pg_dump and pg_restore, and their environment."""
    arguments = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            arguments.append(f"{flag}={settings_dict[key]}")
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    options = settings_dict.get("OPTIONS") or {}
    for option, variable in (
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
    ):
        if options.get(option):
            environment[variable] = str(options[option])
    arguments.append(f"--dbname={settings_dict['NAME']}")
    return arguments, environment


def _run(command: list[str], environment: dict) -> None:
    result = subprocess.run(  # noqa: S603 (PostgreSQL's own tools, arguments from settings)
        command, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise DatabaseError(f"{command[0]}: {result.stderr.strip()}")


def pg_dump(settings_dict: dict, path: Path, *, snapshot_id: str | None) -> None:
    arguments, environment = _postgresql(settings_dict)
    command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"]
    if snapshot_id:
        command.append(f"--snapshot={snapshot_id}")
    _run([*command, *arguments], environment)


def pg_restore(path: Path, using: str) -> None:
    """Load the custom-format dump at ``path`` into ``using`` in one transaction, after
    dropping the tables of this version's models (a migrated but empty database, or
    --force: a table the dump does not have would hold on to the ones it replaces; the final
    `migrate` makes the tables of newer models again)."""
    connection = connections[using]
    tables = connection.introspection.django_table_names(only_existing=True)
    if connection.introspection.table_names().count("django_migrations"):
        tables.append("django_migrations")
    if tables:
        quoted = ", ".join(connection.ops.quote_name(table) for table in tables)
        with transaction.atomic(using=using), connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {quoted} CASCADE")
    connection.close()
    arguments, environment = _postgresql(connection.settings_dict)
    command = [
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
    ]
    _run([*command, *arguments, str(path)], environment)


def portable_dump(using: str, path: Path) -> None:
    """Every row of every model, with its primary key, as JSON (``dumpdata --all``)."""
    serializers.register_serializer(EXACT_JSON, "thidua.backup.exact_json")
    call_command(
        "dumpdata",
        format=EXACT_JSON,
        database=using,
        output=str(path),
        use_base_manager=True,
        verbosity=0,
    )


def portable_load(path: Path, migrations: list[list[str]], using: str) -> None:
    """Load a portable dump into ``using``: its schema migrated to the state the backup was
    made at, every table emptied (what `migrate` wrote too: the dump brings its own content
    types and permissions, with their ids), the rows loaded, the sequences set past them."""
    migrate_to(migrations, using)
    call_command("flush", interactive=False, inhibit_post_migrate=True, database=using, verbosity=0)
    call_command("loaddata", str(path), database=using, verbosity=0)
    connection = connections[using]
    statements = connection.ops.sequence_reset_sql(no_style(), models())
    if statements:
        with transaction.atomic(using=using), connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def unknown_migrations(migrations: list[list[str]], using: str) -> list[str]:
    """The backup's migrations this version of the code does not have."""
    known = MigrationExecutor(connections[using]).loader.disk_migrations
    return [f"{app}.{name}" for app, name in migrations if (app, name) not in known]


def migrate_to(migrations: list[list[str]], using: str) -> None:
    """Bring the schema of ``using`` to the state ``migrations`` were applied at."""
    executor = MigrationExecutor(connections[using])
    applied = {tuple(key) for key in migrations}
    graph = executor.loader.graph
    targets = [
        node
        for node in applied
        if not any(child.key in applied for child in graph.node_map[node].children)
    ]
    executor.migrate(targets, plan=executor.migration_plan(targets))
    executor.loader.build_graph()


def unapplied(using: str) -> list:
    """The migrations of this version not yet applied to ``using``."""
    executor = MigrationExecutor(connections[using])
    return executor.migration_plan(executor.loader.graph.leaf_nodes())
