"""English and French: URL prefixes, the language switch, translated pages."""

from __future__ import annotations

import polib
from django.conf import settings

from prevnet.core.translations import catalogue_paths


def test_switch_stays_on_the_same_page(cast):
    client = cast.client("anonymous")
    page = f"/en/network/municipalities/{cast.city_a.pk}/"
    response = client.post("/i18n/setlang/", {"language": "fr", "next": page})
    assert response.status_code == 302
    assert response["Location"] == f"/fr/network/municipalities/{cast.city_a.pk}/"
    french = client.get(response["Location"])
    assert '<html lang="fr">' in french.content.decode()


def test_switch_keeps_the_query_string(client, db):
    response = client.post(
        "/i18n/setlang/", {"language": "fr", "next": "/en/network/municipalities/?province=ON"}
    )
    assert response["Location"] == "/fr/network/municipalities/?province=ON"


def test_switch_refuses_foreign_redirects(client, db):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "https://evil.example/"})
    assert "evil.example" not in response.get("Location", "")


def test_every_page_offers_the_other_language(client, db):
    assert 'value="fr"' in client.get("/en/").content.decode()
    assert 'value="en"' in client.get("/fr/").content.decode()


def test_french_pages_are_in_french(client, db):
    html = client.get("/fr/network/municipalities/").content.decode()
    assert "Municipalités" in html
    assert "Aller au contenu principal" in html


def test_root_redirects_to_a_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/")


def test_french_catalogues_are_complete():
    paths = catalogue_paths()
    assert settings.BASE_DIR / "locale/fr/LC_MESSAGES/django.po" in paths
    for path in paths:
        catalogue = polib.pofile(str(path))
        untranslated = [e.msgid for e in catalogue.untranslated_entries()]
        fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
        assert not untranslated, f"{path}: untranslated: {untranslated[:20]}"
        assert not fuzzy, f"{path}: fuzzy: {fuzzy[:20]}"
