import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    """Every unit's quota under every plan's rule, from the plans and units already there."""
    from thidua.initiatives.models.quotas import rebuild_quotas  # noqa: PLC0415 (the rule's SQL)

    rebuild_quotas()


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0007_folded_names"),
        ("org", "0003_person_search_name"),
        ("plans", "0005_series"),
    ]

    operations = [
        migrations.CreateModel(
            name="Quota",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("minimum", models.PositiveSmallIntegerField()),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="plans.plan",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="org.unit",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["plan", "unit", "minimum"], name="quota_plan_covering")
                ],
                "constraints": [
                    models.UniqueConstraint(fields=("plan", "unit"), name="quota_plan_unit")
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
