"""Statistics Canada geographies: their level, and the registry municipality they stand for.

A DGUID is vintage (4) + type (A administrative, S statistical) + schema (4) + code: schema
0000 is Canada, 0002 a province, 0005 a census subdivision, 0503 a census metropolitan area,
0504 a census agglomeration. Police-service tables have no DGUID; their GEO carries the
respondent code, whose first two digits are the province's: "Ottawa, Ontario, municipal [35010]".
"""

from __future__ import annotations

import re
import unicodedata

from prevnet.communitydata.models import Geography, GeoLevel, MatchMethod
from prevnet.communitydata.reader import bracket_code
from prevnet.network.models import Municipality, Province

SCHEMA_LEVEL = {
    "A0000": GeoLevel.COUNTRY,
    "A0002": GeoLevel.PROVINCE,
    "A0005": GeoLevel.CSD,
    "S0503": GeoLevel.CMA,
    "S0504": GeoLevel.CA,
}
DGUID = re.compile(r"^(\d{4})([AS]\d{4})(\w+)$")
CENSUS_LEVEL = {
    "country": GeoLevel.COUNTRY,
    "province": GeoLevel.PROVINCE,
    "territory": GeoLevel.PROVINCE,
    "census subdivision": GeoLevel.CSD,
    "census metropolitan area": GeoLevel.CMA,
    "census agglomeration": GeoLevel.CA,
}


def fold(text: str) -> str:
    """Compare names without case or accents: 'Montréal' == 'montreal'."""
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


def classify(geo: str, dguid: str) -> tuple[str, str]:
    """(level, code) of a GEO label and its DGUID."""
    match = DGUID.match(dguid or "")
    if match:
        level = SCHEMA_LEVEL.get(match.group(2), GeoLevel.OTHER)
        return level, match.group(3)
    code = bracket_code(geo)
    if fold(geo) == "canada":
        return GeoLevel.COUNTRY, "11124"
    if len(code) == 5 and code.isdigit() and "," in geo:
        return GeoLevel.POLICE, code
    if len(code) == 3 and code.isdigit():
        return GeoLevel.CMA, code
    return GeoLevel.OTHER, code


class Matcher:
    """Links geographies to provinces and municipalities; loads the registry once."""

    def __init__(self):
        self.provinces = {p.sgc_code: p for p in Province.objects.all()}
        self.province_by_name = {fold(p.name_en): p for p in self.provinces.values()}
        self.province_by_name.update({fold(p.name_fr): p for p in self.provinces.values()})
        self.by_csd: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], list[int]] = {}
        for pk, csd, name in Municipality.objects.values_list("pk", "csd_code", "name"):
            self.by_csd[csd] = pk
            self.by_name.setdefault((csd[:2], fold(name)), []).append(pk)

    def _named(self, name: str, province_code: str | None) -> int | None:
        if province_code:
            found = self.by_name.get((province_code, fold(name)), [])
        else:
            found = [pk for (_p, n), pks in self.by_name.items() if n == fold(name) for pk in pks]
        return found[0] if len(found) == 1 else None

    def _province_in(self, geo: str) -> str | None:
        for part in re.split(r"[,/\[]", geo)[1:]:
            province = self.province_by_name.get(fold(part.replace("portion", "")))
            if province:
                return province.sgc_code
        return None

    def new(self, key: str, geo: str, dguid: str, level: str = "", code: str = "") -> Geography:
        """An unsaved Geography for this label, matched where the registry allows."""
        if not level:
            level, code = classify(geo, dguid)
        item = Geography(key=key[:300], dguid=dguid[:30], name=geo[:300], level=level, code=code)
        if level == GeoLevel.PROVINCE:
            item.province = self.provinces.get(code[-2:])
        elif level == GeoLevel.CSD:
            item.province = self.provinces.get(code[:2])
            item.municipality_id = self.by_csd.get(code)
            item.match_method = MatchMethod.CSD if item.municipality_id else ""
        elif level == GeoLevel.POLICE:
            item.province = self.provinces.get(code[:2])
            # Only a municipal police service stands for one municipality.
            if ", municipal" in geo or "municipal [" in geo:
                item.municipality_id = self._named(geo.split(",")[0], code[:2])
                item.match_method = MatchMethod.POLICE if item.municipality_id else ""
        elif level in (GeoLevel.CMA, GeoLevel.CA):
            province_code = self._province_in(geo)
            item.province = self.provinces.get(province_code) if province_code else None
            # "Ottawa-Gatineau, Ontario/Quebec [505]": the CMA is named after its core city.
            core = re.split(r"[,(\[]", geo)[0].split("-")[0].strip()
            item.municipality_id = self._named(core, province_code)
            item.match_method = MatchMethod.CMA if item.municipality_id else ""
        return item
