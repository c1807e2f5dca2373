"""Who may see and do what in questionnaires: rules registered with core.access.

Answering goes by the personal link (its token is the permission) or, signed in, by being the
invited person or a coordinator of the invited municipality. Results, campaigns, versions and
the names of those who have not answered are for network staff: those are the permissions not
listed here, which core.access keeps staff-only.
"""

from prevnet.core import access


@access.rule("questionnaires.view_own_invitations")
def _signed_in(user, obj) -> bool:
    return access.role_of(user) != access.PUBLIC


@access.rule("questionnaires.answer_invitation")
def _invited(user, obj) -> bool:
    from prevnet.questionnaires.services import may_answer

    if access.role_of(user) == access.PUBLIC:
        return False
    return obj is None or may_answer(user, obj)


@access.rule("questionnaires.view_questionnaire")
def _read_questionnaires(user, obj) -> bool:
    """Questions hold no personal data: anyone signed in may read them (pages and API)."""
    return access.role_of(user) != access.PUBLIC
