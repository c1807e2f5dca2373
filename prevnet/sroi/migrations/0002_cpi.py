"""The annual consumer price index for Canada, all items (2002=100), used to inflate proxies.

Source: Statistics Canada, Table 18-10-0005-01, Consumer Price Index, annual average, not
seasonally adjusted, Canada, all-items (formerly CANSIM 326-0021). Entered by hand by the
developer; 2008 and 2012-2016 were checked against archived copies of the table, the other
years follow from the published annual rates of inflation. Staff can correct or add years in
the administration (Consumer price index).
"""

from decimal import Decimal

from django.db import migrations

SOURCE = (
    "Statistics Canada, Table 18-10-0005-01, Consumer Price Index, annual average, "
    "Canada, all-items (2002=100)"
)
# fmt: off
CPI = {
    2002: "100.0", 2003: "102.8", 2004: "104.7", 2005: "107.0", 2006: "109.1", 2007: "111.5",
    2008: "114.1", 2009: "114.4", 2010: "116.5", 2011: "119.9", 2012: "121.7", 2013: "122.8",
    2014: "125.2", 2015: "126.6", 2016: "128.4", 2017: "130.4", 2018: "133.4", 2019: "136.0",
    2020: "137.0", 2021: "141.6", 2022: "151.2", 2023: "157.1", 2024: "160.9",
}
# fmt: on


def load(apps, schema_editor):
    CpiYear = apps.get_model("sroi", "CpiYear")
    for year, index in CPI.items():
        CpiYear.objects.update_or_create(
            year=year, defaults={"index": Decimal(index), "source": SOURCE}
        )


class Migration(migrations.Migration):
    dependencies = [("sroi", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
