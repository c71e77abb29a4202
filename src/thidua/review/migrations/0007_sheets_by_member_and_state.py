"""A council's sheets by member and state, with the registration and the total: the members'
progress and the ranking's sums read from the index alone."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0006_assignment_runs"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="assignment",
            index=models.Index(
                fields=["member", "state", "registration", "total"], name="review_sheet_sums"
            ),
        ),
    ]
