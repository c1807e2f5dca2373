#!/usr/bin/env python3
"""Fill a .po catalogue from a JSON file of translations, then list what is still missing.

    .venv/bin/python scripts/fill_po.py prevnet/knowledge/locale/fr/LC_MESSAGES/django.po fr.json

The JSON maps each msgid to its msgstr (or, for a plural entry, to a list [singular, plural]).
Entries already translated are left alone unless --overwrite; fuzzy marks are cleared on the
entries it fills. Exit status 1 when some entries are still untranslated (they are printed),
so that a translator sees at once what remains.
"""

from __future__ import annotations

import argparse
import json
import sys

import polib


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("po")
    parser.add_argument("translations", nargs="?")
    parser.add_argument("--overwrite", action="store_true")
    args = parser.parse_args()
    catalogue = polib.pofile(args.po)
    table = {}
    if args.translations:
        with open(args.translations, encoding="utf-8") as handle:
            table = json.load(handle)
    filled = 0
    for entry in catalogue:
        if entry.obsolete or entry.msgid not in table:
            continue
        done = entry.translated() and "fuzzy" not in entry.flags
        if done and not args.overwrite:
            continue
        value = table[entry.msgid]
        if entry.msgid_plural:
            forms = value if isinstance(value, list) else [value, value]
            entry.msgstr_plural = {0: forms[0], 1: forms[-1]}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        filled += 1
    catalogue.save()
    missing = [e.msgid for e in catalogue.untranslated_entries()] + [
        e.msgid for e in catalogue.fuzzy_entries()
    ]
    print(f"{args.po}: filled {filled}, missing {len(missing)}")
    for msgid in missing:
        print(json.dumps(msgid, ensure_ascii=False))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
