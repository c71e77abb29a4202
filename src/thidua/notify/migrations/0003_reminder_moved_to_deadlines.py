# The Reminder model moved to the deadlines app; its table stays (state only).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("notify", "0002_reminders"),
        ("deadlines", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Reminder")],
            database_operations=[],
        ),
    ]
