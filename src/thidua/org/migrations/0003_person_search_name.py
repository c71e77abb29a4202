from django.db import migrations, models

from thidua.core.text import fold


def fill(apps, schema_editor):
    Person = apps.get_model("org", "Person")
    people = list(Person.objects.only("pk", "full_name"))
    for person in people:
        person.search_name = fold(person.full_name)
    Person.objects.bulk_update(people, ["search_name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0002_sign_in_attempts"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="search_name",
            field=models.CharField(blank=True, default="", editable=False, max_length=150),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
