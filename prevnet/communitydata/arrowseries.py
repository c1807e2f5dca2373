"""The fast path's new series, made from Arrow columns rather than one Python call each.

A first import of 35-10-0177 meets 298,200 coordinates; made one at a time through
``SeriesMaker.make`` they cost about 5 s of the import (bench/README.md). Here the coordinates
are checked with one regular expression, split into member numbers by Arrow, and matched to
the metadata's members with numpy's sorted search; only the few geographies go through Python
one by one. Whatever the row-by-row maker would refuse (a coordinate that does not name one
member of each dimension, a member the metadata file does not list) raises ``Fallback``, so
that the row-by-row path names the line. The text is cut to its column as ``make`` cuts it.
"""

from __future__ import annotations

import io

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from django.db import connection

from prevnet.communitydata import bulk
from prevnet.communitydata.bulk import SERIES_COLUMNS, Fallback, SeriesMaker
from prevnet.communitydata.models import Series

WRITE_ROWS = 20_000  # series turned into Python objects at once (SQLite)


def make(maker: SeriesMaker, cells: pa.Table) -> np.ndarray:
    """Creates a series for each row of ``cells`` (a new COORDINATE, with the GEO, DGUID,
    VECTOR, UOM and SCALAR_FACTOR of its first row); returns their ids, in row order."""
    n = cells.num_rows
    coordinates = cells.column("COORDINATE").combine_chunks()
    keys = _member_numbers(coordinates, maker.n_dims)
    positions = [p for p in range(1, maker.n_dims + 1) if p != maker.geo_position]
    members = [_member_ids(maker, p, keys[:, p - 1]) for p in positions]
    while len(members) < 2:
        members.append(None)
    ids = np.arange(maker.next_id, maker.next_id + n, dtype=np.int64)
    series = pa.table(
        {
            "id": ids,
            "table_id": pa.repeat(pa.scalar(maker.table.pk, pa.int64()), n),
            "geography_id": _geography_ids(maker, cells),
            "coordinate": coordinates,
            "vector": pc.utf8_slice_codeunits(cells.column("VECTOR"), 0, 20),
            "member_1_id": _or_nulls(members[0], n),
            "member_2_id": _or_nulls(members[1], n),
            "uom": pc.utf8_slice_codeunits(cells.column("UOM"), 0, 100),
            "scalar_factor": pc.utf8_slice_codeunits(
                pc.utf8_trim_whitespace(cells.column("SCALAR_FACTOR")), 0, 30
            ),
        }
    )
    _write(series)
    maker.next_id += n
    return ids


def _member_numbers(coordinates: pa.Array, n_dims: int) -> np.ndarray:
    """The member number of each dimension, one row per coordinate."""
    pattern = rf"^[0-9]{{1,9}}(\.[0-9]{{1,9}}){{{n_dims - 1}}}$"
    if not pc.all(pc.match_substring_regex(coordinates, pattern)).as_py():
        raise Fallback  # not one member number for each dimension
    parts = pc.list_flatten(pc.split_pattern(coordinates, "."))
    return pc.cast(parts, pa.int64()).to_numpy().reshape(len(coordinates), n_dims)


def _member_ids(maker: SeriesMaker, position: int, numbers: np.ndarray) -> np.ndarray:
    """The Member ids of one dimension's member numbers."""
    known = sorted((number, pk) for (p, number), pk in maker.members.items() if p == position)
    listed = np.array([number for number, _pk in known], dtype=np.int64)
    pks = np.array([pk for _number, pk in known], dtype=np.int64)
    at = np.minimum(np.searchsorted(listed, numbers), max(len(listed) - 1, 0))
    if not len(listed) or not np.array_equal(listed[at], numbers):
        raise Fallback  # a member the metadata file does not list
    return pks[at]


def _geography_ids(maker: SeriesMaker, cells: pa.Table) -> np.ndarray:
    """Each row's geography, made on first sight; a table has few (56 in 35-10-0177)."""
    geo, dguid = cells.column("GEO"), cells.column("DGUID")
    key = pc.if_else(pc.equal(dguid, ""), pc.binary_join_element_wise("GEO:", geo, ""), dguid)
    encoded = pc.dictionary_encode(key.combine_chunks())
    index = encoded.indices.to_numpy()
    first = np.unique(index, return_index=True)[1]
    geos, dguids = geo.take(pa.array(first)).to_pylist(), dguid.take(pa.array(first)).to_pylist()
    keys = encoded.dictionary.to_pylist()
    ids = [maker.geography_id(k, g, d) for k, g, d in zip(keys, geos, dguids, strict=True)]
    return np.array(ids, dtype=np.int64)[index]


def _or_nulls(values: np.ndarray | None, n: int) -> pa.Array:
    return pa.nulls(n, pa.int64()) if values is None else pa.array(values)


def _write(series: pa.Table) -> None:
    columns = ", ".join(SERIES_COLUMNS)
    with connection.cursor() as cursor, connection.wrap_database_errors:
        if connection.vendor == "postgresql":
            buffer = io.BytesIO()
            # Strings quoted ("" stays an empty string), nulls left empty (NULL to COPY).
            pacsv.write_csv(series, buffer, pacsv.WriteOptions(include_header=False))
            sql = f"COPY {Series._meta.db_table} ({columns}) FROM STDIN (FORMAT csv)"
            # Its table, members and geographies were read or written by this import: no
            # check of four references for each of 298,200 series (bulk.trusted_references).
            with bulk.trusted_references(cursor), cursor.cursor.copy(sql) as copy:
                copy.write(buffer.getbuffer())
            return
        for start in range(0, series.num_rows, WRITE_ROWS):
            part = series.slice(start, WRITE_ROWS)
            flat: list = [None] * (part.num_rows * len(SERIES_COLUMNS))
            for i, name in enumerate(SERIES_COLUMNS):
                flat[i :: len(SERIES_COLUMNS)] = part.column(name).to_pylist()
            bulk._insert_flat(cursor.cursor, Series._meta.db_table, SERIES_COLUMNS, flat)
