"""The questionnaires API for every role, in the shape of prevnet/api/tests/test_access.py.

That file merges these lines (as API_MATRIX, through this app's access_matrix.py); this app's
own test_api_access also runs them.
"""

from conftest import ROLES
from prevnet.questionnaires.tests.factories import campaign_for

OK, CREATED, UNAUTH, DENIED = 200, 201, 401, 403
SIGNED_IN = {**dict.fromkeys(ROLES, OK), "anonymous": UNAUTH}


def _version(cast):
    if not hasattr(cast, "q_api_campaign"):
        cast.q_api_campaign = campaign_for(cast, unit="person")
    return cast.q_api_campaign.version


# (method, documented path, url from the cast, body for a role, expected status per role)
MATRIX = [
    (
        "get",
        "/api/questionnaires/questionnaires",
        lambda c: "/api/questionnaires/questionnaires",
        None,
        SIGNED_IN,
    ),
    (
        "get",
        "/api/questionnaires/versions/{pk}",
        lambda c: f"/api/questionnaires/versions/{_version(c).pk}",
        None,
        SIGNED_IN,
    ),
    # Everyone signed in gets a list: staff all submissions, others their own invitations'.
    (
        "get",
        "/api/questionnaires/submissions",
        lambda c: "/api/questionnaires/submissions",
        None,
        SIGNED_IN,
    ),
    # Anyone holding an invitation's token may post; without one, 422 (or 403 for a wrong one):
    # each role's body names no token, so every role gets 422 and nothing is stored.
    (
        "post",
        "/api/questionnaires/submissions",
        lambda c: "/api/questionnaires/submissions",
        lambda who: {"client_uuid": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "answers": {}},
        dict.fromkeys(ROLES, 422),
    ),
]
