"""PostgreSQL's partitioned observations: a first import loaded into a table of its own, indexed
once and attached as the partition of its new series; everything else in the default one."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection

from prevnet.communitydata import bulk, partitions
from prevnet.communitydata.importer import import_statcan_zip
from prevnet.communitydata.models import Observation, ObservationChange, Series, Table
from prevnet.communitydata.reader import StatcanFileError
from prevnet.communitydata.tests import statcan_files as sf

pytestmark = pytest.mark.django_db
pg_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's partitions")
ROWS = len(sf.rows())


def parts() -> dict[str, tuple[str, int]]:
    """Each partition: its bound and how many rows it holds."""
    with connection.cursor() as cursor:
        found = {}
        for name, bound in partitions.bounds(cursor):
            cursor.execute(f'SELECT count(*) FROM "{name}"')  # noqa: S608 (a catalog name)
            found[name] = (bound, cursor.fetchone()[0])
        return found


def reference_of(name: str) -> tuple[bool, bool]:
    """(validated, adopted from the parent's) of the partition's reference to its series."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT convalidated, conparentid <> 0 FROM pg_constraint"
            " WHERE conrelid = %s::regclass AND contype = 'f'",
            [name],
        )
        return cursor.fetchone()


@pg_only
def test_a_first_import_becomes_the_partition_of_its_new_series(tmp_path):
    import_statcan_zip(sf.make_zip(tmp_path / "t.zip"))
    first, last = Series.objects.order_by("id").values_list("id", flat=True)[
        :: Series.objects.count() - 1
    ]
    name = f"{partitions.OBSERVATIONS}_{first}"
    assert parts() == {
        f"{partitions.OBSERVATIONS}_default": ("DEFAULT", 0),
        name: (f"FOR VALUES FROM ('{first}') TO ('{last + 1}')", ROWS),
    }
    assert reference_of(name) == (True, True)  # the reference made before the COPY, adopted
    ids = list(Observation.objects.values_list("id", flat=True))
    assert len(set(ids)) == ROWS  # numbered by the parent's sequence
    # Rows the ORM writes later take the next ids of the same sequence.
    later = Observation.objects.create(series_id=first, ref_date="2030")
    assert later.id > max(ids) and parts()[name][1] == ROWS + 1


@pg_only
def test_a_newer_release_revises_values_inside_the_partition(tmp_path):
    import_statcan_zip(sf.make_zip(tmp_path / "t.zip"))
    body = sf.rows({(1, 1, 1, 2020): ("999", "", "", "")})
    result = import_statcan_zip(sf.make_zip(tmp_path / "new.zip", data=sf.data_csv(body=body)))
    assert (result.created, result.updated) == (0, 1)
    change = ObservationChange.objects.get()
    assert Observation.objects.get(pk=change.observation_id).value == 999
    assert sum(rows for _bound, rows in parts().values()) == ROWS


@pg_only
def test_without_superuser_rights_the_attachment_checks_the_references(tmp_path, monkeypatch):
    monkeypatch.setattr(partitions, "may_skip_checks", lambda cursor: False)
    import_statcan_zip(sf.make_zip(tmp_path / "t.zip"))
    (name,) = [n for n in parts() if not n.endswith("_default")]
    assert reference_of(name) == (True, True)
    assert parts()[name][1] == ROWS


@pytest.fixture
def site_role(db):
    """A role without superuser rights that owns the tables, as a site's role does (it ran the
    migrations); the test's transaction, rolled back at its end, takes the role away again."""
    name = f"prevnet_site_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {name} NOSUPERUSER NOLOGIN")
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        for (table,) in cursor.fetchall():
            cursor.execute(f'ALTER TABLE "{table}" OWNER TO {name}')  # and its sequences
        cursor.execute(f"GRANT USAGE, CREATE ON SCHEMA public TO {name}")
    yield name
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")


def replication_role_inside_trusted_references() -> str:
    with connection.cursor() as cursor, bulk.trusted_references(cursor):
        cursor.execute("SHOW session_replication_role")
        return cursor.fetchone()[0]


@pg_only
@pytest.mark.parametrize("granted", [False, True])
def test_a_site_role_without_superuser_rights_imports(tmp_path, site_role, granted):
    # Without the grant the references are checked (row by row, then in one query at the
    # attachment); with it, as for a superuser, they are not.
    with connection.cursor() as cursor:
        if granted:
            cursor.execute(f"GRANT SET ON PARAMETER session_replication_role TO {site_role}")
        cursor.execute(f"SET ROLE {site_role}")
        assert partitions.may_skip_checks(cursor) is granted
    assert replication_role_inside_trusted_references() == ("replica" if granted else "origin")
    import_statcan_zip(sf.make_zip(tmp_path / "t.zip"))
    (name,) = [n for n in parts() if not n.endswith("_default")]
    assert parts()[name][1] == ROWS and reference_of(name) == (True, True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, current_setting('is_superuser')")
        assert cursor.fetchone() == (site_role, "off")  # it was that role's import


@pg_only
def test_a_repeated_cell_fails_the_index_and_leaves_no_partition(tmp_path):
    body = sf.rows()
    body.append(list(body[5]))
    with pytest.raises(StatcanFileError, match="repeats a cell"):
        import_statcan_zip(sf.make_zip(tmp_path / "t.zip", data=sf.data_csv(body=body)))
    assert list(parts()) == [f"{partitions.OBSERVATIONS}_default"]
    assert not Observation.objects.exists() and not Table.objects.exists()


@pg_only
def test_an_empty_partition_left_by_a_deleted_table_makes_way(tmp_path):
    import_statcan_zip(sf.make_zip(tmp_path / "a.zip", pid="35100178"))
    Table.objects.get().delete()  # its series and observations go; its empty partition stays
    assert sum(rows for _bound, rows in parts().values()) == 0
    import_statcan_zip(sf.make_zip(tmp_path / "b.zip", pid="35100179"))
    first = Series.objects.order_by("id").first().id
    assert {n: rows for n, (_b, rows) in parts().items()} == {
        f"{partitions.OBSERVATIONS}_default": 0,
        f"{partitions.OBSERVATIONS}_{first}": ROWS,
    }


@pg_only
def test_a_partition_still_holding_rows_is_never_dropped(tmp_path):
    import_statcan_zip(sf.make_zip(tmp_path / "a.zip"))
    with connection.cursor() as cursor:
        assert partitions.load_table(cursor, first_series=1) is None
    assert sum(rows for _bound, rows in parts().values()) == ROWS


@pg_only
def test_a_first_import_over_series_kept_from_before_writes_to_the_table_itself(tmp_path):
    import_statcan_zip(sf.make_zip(tmp_path / "t.zip"))
    Observation.objects.all().delete()  # the series stay: the next import is not a new one
    result = import_statcan_zip(sf.make_zip(tmp_path / "t.zip"), force=True)
    assert result.created == ROWS
    assert sum(rows for _bound, rows in parts().values()) == ROWS and len(parts()) == 2


def test_deleting_a_table_deletes_the_changes_recorded_on_its_values(tmp_path):
    # ObservationChange's reference is Django's alone (no database constraint): the delete
    # still cascades, on both databases.
    import_statcan_zip(sf.make_zip(tmp_path / "t.zip"))
    body = sf.rows({(1, 1, 1, 2020): ("999", "", "", "")})
    import_statcan_zip(sf.make_zip(tmp_path / "new.zip", data=sf.data_csv(body=body)))
    assert ObservationChange.objects.count() == 1
    Table.objects.get().delete()
    assert not ObservationChange.objects.exists() and not Observation.objects.exists()
