"""PostgreSQL: the observation table is partitioned by series id, so that a first import builds
its indexes once instead of row by row.

Keeping the unique (series, period) index and the primary key up to date for each of the 7.7
million rows of 35-10-0177 is two thirds of the server's work of an import (bench/README.md).
A table imported for the first time gets new series, whose ids follow every existing one; its
observations are copied into a table of their own with no index (``LoadTable``), which is then
indexed in two sorts and attached as the partition of those series' ids. Everything else (the
row-by-row path, re-imports, rows the ORM writes) lands in the default partition or in the
partition of its series. Migration 0002 makes the partitioned table; SQLite keeps one table.

A partitioned table's unique indexes must hold its partition key: the primary key is
(id, series id) in the database (ids still come from one sequence), and ObservationChange's
reference to an observation is not a database constraint (Django's delete cascade handles it).
"""

from __future__ import annotations

import re

from django.db import connection

from prevnet.communitydata.models import Observation, Series

OBSERVATIONS = Observation._meta.db_table
UPPER_BOUND = re.compile(r"TO \('?(\d+)'?\)")


def is_partitioned(cursor) -> bool:
    cursor.execute("SELECT relkind FROM pg_class WHERE oid = %s::regclass", [OBSERVATIONS])
    return cursor.fetchone()[0] == "p"


def bounds(cursor) -> list[tuple[str, str]]:
    """Each partition of the observation table: its name and bound ("DEFAULT", "FOR VALUES ...")."""
    cursor.execute(
        "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i"
        " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = %s::regclass",
        [OBSERVATIONS],
    )
    return cursor.fetchall()


def may_skip_checks(cursor) -> bool:
    """Whether this role may set session_replication_role, and so skip reference checks
    (bulk.trusted_references) and have a load table's reference adopted instead of checked at
    the attachment: a superuser, or from PostgreSQL 15 on a role granted SET ON PARAMETER
    session_replication_role (docs/communitydata.md). The owner of the tables, as the site's
    role is, could drop their constraints anyway: the grant gives it nothing it lacked."""
    if connection.pg_version < 150000:  # no privileges on parameters before 15
        cursor.execute("SELECT current_setting('is_superuser') = 'on'")
    else:  # a superuser holds every privilege
        cursor.execute("SELECT has_parameter_privilege('session_replication_role', 'SET')")
    return cursor.fetchone()[0]


class LoadTable:
    """The observations of a first import: a bare table named after its first series id,
    loaded by COPY, then indexed and attached (``attach``)."""

    def __init__(self, cursor, first_series: int):
        self.first_series = first_series
        self.name = f"{OBSERVATIONS}_{first_series}"
        cursor.execute(
            f"CREATE TABLE {self.name} (LIKE {OBSERVATIONS} INCLUDING DEFAULTS"
            " INCLUDING CONSTRAINTS)"
        )
        # The parent's identity does not number rows copied into a partition directly: the
        # same sequence does, named once here (a default that looked it up would do so per row).
        cursor.execute(
            "SELECT format('ALTER TABLE %%I ALTER id SET DEFAULT nextval(%%L::regclass)', %s,"
            " pg_get_serial_sequence(%s, 'id'))",
            [self.name, OBSERVATIONS],
        )
        cursor.execute(cursor.fetchone()[0])
        # The fast path numbers its rows itself (``take_ids``): the sequence's nextval for each
        # row was a third of the server's COPY. Nobody else may take ids meanwhile: other
        # writers wait for this import (readers do not); ``attach`` moves the sequence on.
        cursor.execute(f"LOCK TABLE {OBSERVATIONS} IN EXCLUSIVE MODE")
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [OBSERVATIONS])
        self.first_id = self.next_id = cursor.fetchone()[0]
        if may_skip_checks(cursor):
            # A valid reference on the empty table, which the attachment then adopts instead of
            # checking 7.7 million rows; the COPY runs with triggers off (bulk.trusted_references)
            # so it costs nothing. Without that right, the attachment checks them in one query.
            cursor.execute(
                f"ALTER TABLE {self.name} ADD FOREIGN KEY (series_id)"
                f" REFERENCES {Series._meta.db_table} (id) DEFERRABLE INITIALLY DEFERRED"
            )

    def take_ids(self, n: int) -> int:
        """The first of ``n`` observation ids for rows about to be copied."""
        first, self.next_id = self.next_id, self.next_id + n
        return first

    def attach(self, cursor, next_series: int) -> None:
        """Index the loaded rows and make them the partition of series first..next-1. A cell
        the file repeats fails the unique index here (IntegrityError)."""
        # A table with deferred checks pending cannot be altered: run them now (they would run
        # at the commit anyway; Django's references are all deferred, as they are again after).
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(
            f"ALTER TABLE {self.name} ADD CONSTRAINT {self.name}_unique"
            " UNIQUE (series_id, ref_date)"
        )
        cursor.execute(
            f"ALTER TABLE {self.name} ADD CONSTRAINT {self.name}_pkey PRIMARY KEY (id, series_id)"
        )
        if self.next_id > self.first_id:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)",
                [OBSERVATIONS, self.next_id - 1],
            )
        cursor.execute(
            f"ALTER TABLE {OBSERVATIONS} ATTACH PARTITION {self.name}"
            f" FOR VALUES FROM ({int(self.first_series)}) TO ({int(next_series)})"
        )


def load_table(cursor, first_series: int) -> LoadTable | None:
    """A LoadTable for series ids from ``first_series`` on, or None when a partition that still
    holds rows covers some of them (the import then writes into the observation table itself).
    Empty partitions in the way, left by tables deleted since, are dropped."""
    if not is_partitioned(cursor):
        return None
    for name, bound in bounds(cursor):
        upper = UPPER_BOUND.search(bound or "")
        if upper is None or int(upper.group(1)) <= first_series:
            continue  # the default partition, or one wholly below the new ids
        cursor.execute(f'SELECT EXISTS (SELECT 1 FROM "{name}")')  # noqa: S608 (a catalog name)
        if cursor.fetchone()[0]:
            return None
        cursor.execute(f'DROP TABLE "{name}"')
    return LoadTable(cursor, first_series)
