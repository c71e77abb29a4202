from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from thidua.core.planner import refresh_planner_statistics
from thidua.demo import load as demo

FILE_BACKEND = "django.core.mail.backends.filebased.EmailBackend"


@contextmanager
def mail_kept_in(directory: Path):
    """Mail sent inside goes to files in ``directory``, whatever EMAIL_BACKEND says: the
    demo's story notifies its people of 2022 events, and no server should send that."""
    names = ("EMAIL_BACKEND", "EMAIL_FILE_PATH")
    saved = {name: getattr(settings, name) for name in names if hasattr(settings, name)}
    settings.EMAIL_BACKEND, settings.EMAIL_FILE_PATH = FILE_BACKEND, str(directory)
    try:
        yield
    finally:
        for name in names:
            if name in saved:
                setattr(settings, name, saved[name])
            else:
                delattr(settings, name)


class Command(BaseCommand):
    help = "Load the demo data (once): Phú Yên, Sông Hinh and its communes, demo accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--one-province",
            action="store_true",
            help="load only Phú Yên's administrative units, not the whole country",
        )

    def handle(self, *args, one_province=False, **options):
        if demo.is_loaded():
            self.stdout.write("Dữ liệu dùng thử đã có sẵn.")
            return
        self.stdout.write("Đang nạp dữ liệu dùng thử (lần đầu mất khoảng mười lăm giây)…")
        mail_dir = Path(settings.DATA_DIR) / "mail"
        with mail_kept_in(mail_dir):
            demo.load(whole_country=not one_province)
        refresh_planner_statistics()
        self.stdout.write("Đã nạp dữ liệu dùng thử.")
        self.stdout.write(
            _("The e-mails the demo sent while loading are kept in %(path)s.") % {"path": mail_dir}
        )
