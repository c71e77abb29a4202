# The Reminder model moved from notify; its table stays (state only, no database change).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("notify", "0002_reminders"),
        ("org", "0001_initial"),
        ("plans", "0003_criterion_weight"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Reminder",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("offset_days", models.SmallIntegerField(verbose_name="days before the deadline")),
                        ("manual", models.BooleanField(default=False, verbose_name="sent by hand")),
                        ("sent_at", models.DateTimeField(auto_now_add=True)),
                        ("recipients", models.PositiveSmallIntegerField(default=0)),
                        ("deadline", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="reminders", to="plans.deadline")),
                        ("sent_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("unit", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="org.unit")),
                    ],
                    options={
                        "db_table": "notify_reminder",
                        "ordering": ["-sent_at", "-id"],
                        "constraints": [models.UniqueConstraint(condition=models.Q(("manual", False)), fields=("deadline", "unit", "offset_days"), name="notify_reminder_once")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
