from django.db import migrations, models

from thidua.core.text import fold


def fill(apps, schema_editor):
    """The folded names of every implementer and lead, deleted drafts' too."""
    for model, field, source in [
        ("Implementer", "search_name", "name"),
        ("Registration", "lead_search_name", "lead_name"),
    ]:
        manager = apps.get_model("initiatives", model)._base_manager
        rows = list(manager.only("pk", source))
        for row in rows:
            setattr(row, field, fold(getattr(row, source)))
        manager.bulk_update(rows, [field], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0006_registration_search_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="implementer",
            name="search_name",
            field=models.CharField(
                blank=True, db_index=True, default="", editable=False, max_length=150
            ),
        ),
        migrations.AddField(
            model_name="registration",
            name="lead_search_name",
            field=models.CharField(
                blank=True, db_index=True, default="", editable=False, max_length=150
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
