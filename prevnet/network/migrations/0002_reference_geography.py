from django.db import migrations

from prevnet.network.reference import load_reference


def forwards(apps, schema_editor):
    load_reference(apps.get_model("network", "Region"), apps.get_model("network", "Province"))


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
