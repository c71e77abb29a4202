from django.db import migrations, models

from thidua.core.text import search_key


def fill(apps, schema_editor):
    """Every registration, deleted drafts too (the historical model's manager sees them)."""
    Registration = apps.get_model("initiatives", "Registration")
    rows = list(Registration._base_manager.only("pk", "name"))
    for row in rows:
        row.search_name = search_key(row.name)
    Registration._base_manager.bulk_update(rows, ["search_name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0005_lead_consent"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="search_name",
            field=models.CharField(blank=True, default="", editable=False, max_length=300),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
