"""The questionnaires pages for every role (merged by core/tests/test_access_matrix.py)."""

from conftest import ROLES
from prevnet.questionnaires.tests.factories import campaign_for

OK, LOGIN, DENIED, NOT_FOUND = 200, 302, 403, 404
ALL = dict.fromkeys(ROLES, OK)
SIGNED_IN = {**dict.fromkeys(ROLES, OK), "anonymous": LOGIN}
STAFF = {**dict.fromkeys(ROLES, DENIED), "staff": OK, "anonymous": LOGIN}


def _campaign(cast):
    if not hasattr(cast, "q_campaign"):
        cast.q_campaign = campaign_for(cast, unit="person")
    return cast.q_campaign


def _invitation(cast):
    return _campaign(cast).invitations.get()


def _submission(cast):
    from prevnet.questionnaires.services import record_answers

    return record_answers(_invitation(cast), {"uses_ccss": "no"}, final=True)


MATRIX = {
    "questionnaires:index": (None, STAFF),
    "questionnaires:mine": (None, SIGNED_IN),
    "questionnaires:version_detail": (lambda c: [_campaign(c).version.pk], SIGNED_IN),
    "questionnaires:version_xlsform": (lambda c: [_campaign(c).version.pk], SIGNED_IN),
    "questionnaires:campaign_detail": (lambda c: [_campaign(c).pk], STAFF),
    "questionnaires:campaign_export": (lambda c: [_campaign(c).pk], STAFF),
    "questionnaires:questionnaire_export": (
        lambda c: [_campaign(c).version.questionnaire.slug],
        STAFF,
    ),
    "questionnaires:campaign_compare": (None, STAFF),
    "questionnaires:xlsform_import": (None, STAFF),
    "questionnaires:campaign_create": (None, STAFF),
    "questionnaires:campaign_import_answers": (lambda c: [_campaign(c).pk], STAFF),
    "questionnaires:submission_detail": (lambda c: [_submission(c).pk], STAFF),
    # The personal link is the permission: anyone holding it may answer, logged in or not.
    "questionnaires:answer": (lambda c: [_invitation(c).token], ALL),
    # Signed in: only the invited person (cast.person_a is the participant's record).
    "questionnaires:answer_invitation": (
        lambda c: [_invitation(c).pk],
        {**dict.fromkeys(ROLES, DENIED), "participant": OK, "anonymous": LOGIN},
    ),
}

ELSEWHERE = {
    "questionnaires:version_publish": "POST only; questionnaires/tests/test_staff_pages.py",
    "questionnaires:campaign_send": "POST only; questionnaires/tests/test_invitations.py",
}


# The JSON API's lines live in api_matrix.py (also run by this app's own tests).
from prevnet.questionnaires.tests.api_matrix import MATRIX as API_MATRIX  # noqa: E402, F401
