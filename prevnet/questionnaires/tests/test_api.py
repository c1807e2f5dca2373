"""The API: versions as JSON, idempotent posts, submissions listed as the role allows."""

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from conftest import ROLES
from prevnet.network.factories import PersonFactory
from prevnet.questionnaires import services
from prevnet.questionnaires.models import Submission
from prevnet.questionnaires.tests.api_matrix import MATRIX as API_MATRIX
from prevnet.questionnaires.tests.factories import campaign_for, closed_campaign, published


@pytest.fixture
def invitation(cast):
    return campaign_for(cast, unit="person").invitations.get()


def _post(client, payload):
    return client.post("/api/questionnaires/submissions", payload, content_type="application/json")


def test_version_as_json(cast):
    version = published()
    assert (
        cast.client("anonymous").get(f"/api/questionnaires/versions/{version.pk}").status_code
        == 401
    )
    body = cast.client("participant").get(f"/api/questionnaires/versions/{version.pk}").json()
    assert (
        body["form_id"] == "small" and body["questions"][1]["relevance"] == "${uses_ccss} = 'yes'"
    )
    listed = cast.client("observer").get("/api/questionnaires/questionnaires").json()
    assert listed[0]["versions"][0]["id"] == version.pk


def test_post_with_token_is_idempotent(invitation):
    payload = {
        "client_uuid": str(uuid.uuid4()),
        "token": invitation.token,
        "answers": {"uses_ccss": "no"},
    }
    first = _post(Client(), payload)
    again = _post(Client(), payload)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"] and Submission.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"answers": {"uses_ccss": "yes", "programs": "x"}}, 422),
        ({"answers": "not an object"}, 422),
        ({"answers": {}, "token": "wrong"}, 403),
        ({"answers": {}, "client_uuid": "not-a-uuid"}, 422),
    ],
)
def test_bad_posts_store_nothing(invitation, payload, status):
    full = {"client_uuid": str(uuid.uuid4()), "token": invitation.token, **payload}
    assert _post(Client(), full).status_code == status
    assert not Submission.objects.exists()


def test_closed_campaign_is_409(cast):
    invitation = closed_campaign(cast).invitations.get()
    payload = {"client_uuid": str(uuid.uuid4()), "token": invitation.token, "answers": {}}
    assert _post(Client(), payload).status_code == 409


def test_signed_in_post_needs_an_invitation(cast, invitation):
    payload = {
        "client_uuid": str(uuid.uuid4()),
        "invitation": invitation.pk,
        "answers": {"uses_ccss": "no"},
    }
    assert _post(cast.client("coordinator_b"), payload).status_code == 403
    assert _post(cast.client("participant"), payload).status_code == 201


def test_listing_follows_the_role(cast, invitation):
    services.record_answers(invitation, {"uses_ccss": "no"}, final=True)
    other = campaign_for(cast, version=invitation.campaign.version).invitations.get(
        municipality=cast.city_b
    )
    services.record_answers(other, {"uses_ccss": "no"}, final=True)
    count = {
        who: len(cast.client(who).get("/api/questionnaires/submissions").json()["items"])
        for who in ("staff", "participant", "coordinator_b", "observer")
    }
    assert count == {"staff": 2, "participant": 1, "coordinator_b": 1, "observer": 0}
    assert cast.client("anonymous").get("/api/questionnaires/submissions").status_code == 401


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers: the concurrency test needs PostgreSQL",
)
# Restore the migrations' provinces, which an earlier transactional test's flush removes.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_200_concurrent_submissions_are_each_stored_once(cast):
    people = [PersonFactory(municipality=cast.city_a) for _ in range(200)]
    today = __import__("django.utils.timezone", fromlist=["x"]).localdate()
    campaign = services.open_campaign(
        published(), "activity", opens_on=today, closes_on=today, people=people
    )
    payloads = [
        {"client_uuid": str(uuid.uuid4()), "token": inv.token, "answers": {"uses_ccss": "no"}}
        for inv in campaign.invitations.all()
    ]

    def send(payload):
        try:
            return _post(Client(), payload).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=16) as pool:
        # Every submission sent twice at the same time: the resend must not duplicate.
        statuses = list(pool.map(send, payloads + payloads))
    assert sorted(set(statuses)) in ([200, 201], [201])
    assert statuses.count(201) == 200
    assert Submission.objects.filter(campaign=campaign).count() == 200
    assert len(set(Submission.objects.values_list("client_uuid", flat=True))) == 200


@pytest.mark.parametrize("line", API_MATRIX, ids=[f"{m} {p}" for m, p, *_r in API_MATRIX])
def test_api_access(cast, line):
    method, _path, url_of, body_of, expected = line
    url = url_of(cast)
    got = {}
    for who in ROLES:
        client = cast.client(who)
        if method == "get":
            got[who] = client.get(url).status_code
        else:
            got[who] = client.post(url, body_of(who), content_type="application/json").status_code
    assert got == expected, f"{method} {url}: {got}"
    assert not Submission.objects.exists()


def test_every_questionnaires_endpoint_has_a_matrix_line(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    documented = {
        (method, path)
        for path, operations in paths.items()
        if path.startswith("/api/questionnaires/")
        for method in operations
    }
    assert documented == {(method, path) for method, path, *_rest in API_MATRIX}
