"""The programme's three training subjects exist from the start (PRODUCT.md)."""

from django.db import migrations

SUBJECTS = ("evaluation", "mobilization", "planning")


def create_modules(apps, schema_editor):
    TrainingModule = apps.get_model("activities", "TrainingModule")
    for subject in SUBJECTS:
        TrainingModule.objects.get_or_create(subject=subject)


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]
    operations = [migrations.RunPython(create_modules, migrations.RunPython.noop)]
