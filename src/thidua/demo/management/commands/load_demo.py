from django.core.management.base import BaseCommand

from thidua.demo import load as demo


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
        self.stdout.write("Đang nạp dữ liệu dùng thử (lần đầu mất khoảng mười giây)…")
        demo.load(whole_country=not one_province)
        self.stdout.write("Đã nạp dữ liệu dùng thử.")
