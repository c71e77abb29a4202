"""The ``thidua`` command.

``thidua demo``   runs the product on the embedded default (SQLite, demo data, waitress);
``thidua serve``  serves production through gunicorn, configured from the environment;
``thidua <cmd>``  runs any Django management command (migrate, createsuperuser, shell, …).
"""

import argparse
import os
import secrets
import shutil
import sys
from pathlib import Path

import django
import waitress
from django.core.management import call_command, execute_from_command_line
from django.core.wsgi import get_wsgi_application

from thidua.config.checks import production_problems

# The demo's server takes a burst (the last hour before a deadline): runserver's queue of ten
# waiting connections refused 86 of 200 simultaneous submissions.
DEMO_THREADS = 8
DEMO_BACKLOG = 2048
DEMO_PASSWORD = "thidua-demo"  # noqa: S105 (the demo's documented shared password)
DEMO_ACCOUNTS = [
    ("admin", "quản trị toàn hệ thống (superuser)"),
    ("tinh", "quản trị Hội Nông dân tỉnh Phú Yên"),
    ("huyen", "Văn phòng Hội Nông dân huyện Sông Hinh"),
    ("xa", "cán bộ Hội Nông dân xã Ea Bá"),
    ("hoidong", "chủ tịch hội đồng đánh giá của huyện"),
    ("hoidong2", "thư ký hội đồng đánh giá"),
    ("hoidong3", "thành viên hội đồng đánh giá"),
]


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.config.settings")
    command = argv[0] if argv else "help"
    if command == "demo":
        demo(argv[1:])
    elif command == "serve":
        serve(argv[1:])
    else:
        execute_from_command_line(["thidua", *argv])


def demo(argv: list[str]) -> None:
    """Run the product on the embedded default: SQLite in the data directory, demo data."""
    parser = argparse.ArgumentParser(prog="thidua demo", description=demo.__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--reset", action="store_true", help="delete the demo data and start over")
    parser.add_argument(
        "--no-serve", action="store_true", help="prepare the data, then exit without serving"
    )
    options = parser.parse_args(argv)
    data_dir = Path(os.environ.setdefault("THIDUA_DATA_DIR", "var")).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("SECRET_KEY", _demo_secret(data_dir))
    # E-mails link to the address actually served, unless SITE_URL says otherwise.
    os.environ.setdefault("SITE_URL", f"http://127.0.0.1:{options.port}")
    if options.reset:
        _delete_embedded_database(data_dir)

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", verbosity=1)
    print(f"\nDữ liệu: {data_dir}")
    print(f"Tài khoản dùng thử (mật khẩu chung: {DEMO_PASSWORD}):")
    for username, who in DEMO_ACCOUNTS:
        print(f"  {username:<8} {who}")
    if not options.no_serve:
        server = demo_server(options.port)
        print(f"\nThi Đua chạy tại http://127.0.0.1:{options.port}/  (Ctrl+C để dừng)\n")
        try:
            server.run()
        except KeyboardInterrupt:
            server.close()


def demo_server(port: int):
    """The demo's web server on 127.0.0.1: waitress (pure Python, a pool of threads, a long
    queue of waiting connections), serving the site and its static files (WhiteNoise), never
    the uploads (config/urls.py). ``port`` 0 picks a free port (``server.effective_port``)."""
    return waitress.create_server(
        get_wsgi_application(),
        host="127.0.0.1",
        port=port,
        threads=DEMO_THREADS,
        backlog=DEMO_BACKLOG,
        connection_limit=DEMO_BACKLOG,
        channel_timeout=60,
        ident="thidua",  # the Server header: latin-1 only
    )


def serve(argv: list[str]) -> None:
    django.setup()
    problems = production_problems()
    if problems:
        sys.exit(f"thidua serve: {problems[0]}")
    from gunicorn.app.wsgiapp import run  # noqa: PLC0415 (loaded only by the one command that serves)

    bind = os.environ.get("THIDUA_BIND", "127.0.0.1:8000")
    workers = os.environ.get("WEB_CONCURRENCY", "3")
    sys.argv = [
        "gunicorn",
        "--bind",
        bind,
        "--workers",
        workers,
        *argv,
        "thidua.config.wsgi:application",
    ]
    run()


def _demo_secret(data_dir: Path) -> str:
    """A random key kept in the data directory, so demo sessions survive restarts."""
    key_file = data_dir / "demo-secret-key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


def _delete_embedded_database(data_dir: Path) -> None:
    """The database and the mail the last load kept (``load_demo`` writes it there)."""
    for suffix in ("", "-wal", "-shm"):
        (data_dir / f"thidua.sqlite3{suffix}").unlink(missing_ok=True)
    shutil.rmtree(data_dir / "mail", ignore_errors=True)
