"""The ``thidua`` command: demo on the embedded default, management commands."""

import os
import sqlite3
import subprocess
import sys


def thidua(*args, data_dir, timeout=300):
    environment = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DEBUG"}
    }
    environment["THIDUA_DATA_DIR"] = str(data_dir)
    return subprocess.run(  # noqa: S603 (our own interpreter and entry point)
        [sys.executable, "-c", "from thidua.config.cli import main; main()", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def count(database, sql):
    with sqlite3.connect(database) as connection:
        return connection.execute(sql).fetchone()[0]


def test_demo_creates_data_once_then_reuses_it_and_reset_starts_over(tmp_path):
    first = thidua("demo", "--no-serve", data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "huyen" in first.stdout
    assert "thidua-demo" in first.stdout
    database = tmp_path / "thidua.sqlite3"
    people = count(database, "select count(*) from org_person")
    units = count(database, "select count(*) from org_unit")
    assert people == 7  # admin, tinh, huyen, xa and the three council members
    assert units > 14_000  # the whole country, both structures, and the demo branches

    with sqlite3.connect(database) as connection:
        connection.execute("update org_person set full_name = 'Đã sửa' where username = 'xa'")
    second = thidua("demo", "--no-serve", data_dir=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "đã có sẵn" in second.stdout
    assert count(database, "select full_name from org_person where username = 'xa'") == "Đã sửa"

    third = thidua("demo", "--no-serve", "--reset", data_dir=tmp_path)
    assert third.returncode == 0, third.stderr
    assert count(database, "select full_name from org_person where username = 'xa'") == (
        "Nguyễn Thị Hoa"
    )


def test_any_management_command_runs_through_thidua(tmp_path):
    result = thidua("shell", "-c", "print(40 + 2)", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("42")
