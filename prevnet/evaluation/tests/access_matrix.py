"""Process evaluation's pages, for every role (merged by core's test_access_matrix)."""

from conftest import ROLES
from prevnet.core.tests.matrices import SIGNED_IN, STAFF, only
from prevnet.evaluation import seed
from prevnet.evaluation.models import EnteredValue, Indicator, LogicItem, LogicModel, Report


def _programme(cast):
    return seed.load()


def _indicator(cast, code="municipalities-engaged"):
    _programme(cast)
    return Indicator.objects.get(code=code)


def _city_model(cast):
    model, _ = LogicModel.objects.get_or_create(
        name="Alphaville outreach", municipality=cast.city_a, defaults={"levels": ["outputs"]}
    )
    return model


def _city_item(cast):
    return LogicItem.objects.get_or_create(
        logic_model=_city_model(cast), level="outputs", text_en="Youth contacted"
    )[0]


def _evidence(cast):
    from django.core.files.base import ContentFile

    entry = EnteredValue(indicator=_indicator(cast, "publications"), year=1, value=1)
    entry.evidence_file.save("brief.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return entry


def _report(cast, status="published"):
    return Report.objects.create(year=1, title="Year 1", status=status)


MATRIX = {
    "evaluation:dashboard": (None, SIGNED_IN),
    "evaluation:indicator_detail": (lambda c: [_indicator(c).pk], SIGNED_IN),
    "evaluation:indicator_edit": (lambda c: [_indicator(c).pk], STAFF),
    "evaluation:indicator_records": (lambda c: [_indicator(c).pk], SIGNED_IN),
    "evaluation:value_create": (lambda c: [_indicator(c, "publications").pk], STAFF),
    "evaluation:evidence_file": (lambda c: [_evidence(c).pk], STAFF),
    "evaluation:logic_model_list": (None, SIGNED_IN),
    "evaluation:logic_model_create": (None, only("coordinator_a", "coordinator_b")),
    "evaluation:logic_model_detail": (lambda c: [_programme(c).pk], SIGNED_IN),
    "evaluation:logic_model_export": (lambda c: [_programme(c).pk, "svg"], SIGNED_IN),
    "evaluation:item_create": (lambda c: [_city_model(c).pk], only("coordinator_a")),
    "evaluation:item_edit": (lambda c: [_city_item(c).pk], only("coordinator_a")),
    "evaluation:indicator_create": (lambda c: [_city_item(c).pk], only("coordinator_a")),
    "evaluation:report_list": (None, SIGNED_IN),
    "evaluation:report_create": (None, STAFF),
    "evaluation:report_detail": (lambda c: [_report(c).pk], SIGNED_IN),
    "evaluation:report_commentary": (lambda c: [_report(c, "draft").pk], STAFF),
}
ELSEWHERE = {
    "evaluation:item_delete": "POST only; tested in evaluation/tests/test_logic_models.py",
    "evaluation:report_generate": "POST only; tested in evaluation/tests/test_reports.py",
    "evaluation:report_publish": "POST only; tested in evaluation/tests/test_reports.py",
    "evaluation:report_pdf": "needs a generated report; tested in evaluation/tests/test_reports.py",
}


# The JSON API (merged by api/tests/test_access.py): (method, documented path, url of the cast,
# body or None, expected status per role). Read only; 401 asks to sign in, as the pages do.
API_SIGNED_IN = {**dict.fromkeys(ROLES, 200), "anonymous": 401}

API_MATRIX = [
    (
        "get",
        "/api/evaluation/indicators",
        lambda c: (_programme(c), "/api/evaluation/indicators")[1],
        None,
        API_SIGNED_IN,
    ),
    (
        "get",
        "/api/evaluation/indicators/{indicator_id}",
        lambda c: f"/api/evaluation/indicators/{_indicator(c).pk}",
        None,
        API_SIGNED_IN,
    ),
    (
        # A municipality's own logic model: its indicators read as the programme's.
        "get",
        "/api/evaluation/indicators/{indicator_id}",
        lambda c: f"/api/evaluation/indicators/{_city_indicator(c).pk}",
        None,
        API_SIGNED_IN,
    ),
]


def _city_indicator(cast):
    return Indicator.objects.get_or_create(
        item=_city_item(cast), code="youth-contacted", defaults={"name_en": "Youth contacted"}
    )[0]
