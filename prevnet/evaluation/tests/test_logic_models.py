"""The programme's logic model from the seed, municipal logic models and their exports."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from prevnet.evaluation import logic_models, seed
from prevnet.evaluation.models import Indicator, LogicItem, LogicModel
from prevnet.knowledge.models import Program as KnowledgeProgram


@pytest.mark.django_db
def test_load_programme_reads_the_seeds_targets():
    out = io.StringIO()
    call_command("load_programme", stdout=out)
    model = LogicModel.objects.get(is_programme=True)
    assert "7 indicators" in out.getvalue()
    targets = dict(Indicator.objects.values_list("code", "programme_target"))
    assert targets["municipalities-engaged"] == 30
    assert targets["additional-programs"] == 30
    assert targets["stakeholders-sensitized"] == 500
    assert targets["people-trained"] == 50
    assert targets["coaching-projects"] == 18
    assert targets["new-municipalities-coached"] == 15
    engaged = Indicator.objects.get(code="municipalities-engaged")
    assert engaged.baseline_value == 15 and not engaged.cumulative
    levels = set(model.items.values_list("level", flat=True))
    assert levels == {"inputs", "activities", "outputs", "short_term", "intermediate", "long_term"}
    components = set(model.items.exclude(component="").values_list("component", flat=True))
    assert components == {seed.C1, seed.C2, seed.C3, seed.C4}
    assert model.items.filter(level="long_term").count() == 4


@pytest.mark.django_db
def test_load_programme_is_idempotent_and_keeps_staff_changes():
    seed.load()
    indicator = Indicator.objects.get(code="people-trained")
    indicator.programme_target = 60
    indicator.save()
    counts = (LogicItem.objects.count(), Indicator.objects.count())
    seed.load()
    assert (LogicItem.objects.count(), Indicator.objects.count()) == counts
    assert Indicator.objects.get(code="people-trained").programme_target == 60


def knowledge_program(**extra):
    program = KnowledgeProgram.objects.create(
        slug="fourth-r",
        name_en="Fourth R",
        name_fr="Quatrième R",
        summary_en="Healthy relationships in schools",
        summary_fr="Relations saines à l'école",
    )
    for name, value in extra.items():
        setattr(program, name, value)  # the knowledge base's future fields, when present
    return program


@pytest.mark.django_db
def test_start_from_a_knowledge_program_uses_its_summary(cast):
    program = knowledge_program()
    model = logic_models.start_logic_model(
        name="Fourth R in Alphaville",
        municipality=cast.city_a,
        levels=logic_models.DEFAULT_LEVELS,
        knowledge_program=program,
    )
    goal = model.items.get(level="long_term")
    assert goal.text_en == "Healthy relationships in schools"
    assert goal.text_fr == "Relations saines à l'école"


@pytest.mark.django_db
def test_start_from_a_knowledge_program_with_goals_and_components(cast):
    program = knowledge_program(
        goals_en="Less dating violence\nSafer schools",
        goals_fr="Moins de violence dans les fréquentations\nDes écoles plus sûres",
        components_en="- 21 classroom lessons\n- Teacher training\n",
        components_fr="21 leçons en classe\nFormation des enseignants",
    )
    model = logic_models.start_logic_model(
        name="Fourth R",
        municipality=cast.city_a,
        levels=["activities", "long_term"],
        knowledge_program=program,
    )
    activities = list(model.items.filter(level="activities").order_by("order"))
    assert [a.text_en for a in activities] == ["21 classroom lessons", "Teacher training"]
    assert activities[1].text_fr == "Formation des enseignants"
    assert activities[0].contributes_to.text_en == "Less dating violence"
    assert model.items.filter(level="long_term").count() == 2


@pytest.mark.django_db
def test_coordinator_starts_a_blank_model_for_their_city_only(cast):
    url = reverse("evaluation:logic_model_create")
    data = {"name": "Parks", "municipality": cast.city_b.pk, "levels": ["outputs", "long_term"]}
    response = cast.client("coordinator_a").post(url, data)
    assert response.status_code == 200 and not LogicModel.objects.exists()  # not a choice
    data["municipality"] = cast.city_a.pk
    response = cast.client("coordinator_a").post(url, data)
    model = LogicModel.objects.get()
    assert response.status_code == 302 and model.levels == ["outputs", "long_term"]
    item_url = reverse("evaluation:item_create", args=[model.pk])
    hostile = "<script>alert(1)</script>"
    response = cast.client("coordinator_a").post(
        item_url, {"level": "outputs", "text_en": hostile, "order": 0}
    )
    assert response.status_code == 302
    page = cast.client("observer").get(model.get_absolute_url()).content.decode()
    assert hostile not in page and "&lt;script&gt;" in page
    svg = cast.client("observer").get(
        reverse("evaluation:logic_model_export", args=[model.pk, "svg"])
    )
    assert hostile not in svg.content.decode()
    # A level the model does not use is refused.
    response = cast.client("coordinator_a").post(
        item_url, {"level": "inputs", "text_en": "x", "order": 0}
    )
    assert response.status_code == 200 and model.items.count() == 1


@pytest.mark.django_db
def test_delete_item_post_only_and_by_editors(cast):
    model = LogicModel.objects.create(name="M", municipality=cast.city_a, levels=["outputs"])
    item = LogicItem.objects.create(logic_model=model, level="outputs", text_en="x")
    url = reverse("evaluation:item_delete", args=[item.pk])
    assert cast.client("coordinator_a").get(url).status_code == 405
    assert cast.client("coordinator_b").post(url).status_code == 403
    assert cast.client("coordinator_a").post(url).status_code == 302
    assert not LogicItem.objects.exists()


@pytest.mark.django_db
def test_exports_svg_xlsx_pdf(cast):
    model = seed.load()
    client = cast.client("observer")

    def get(fmt):
        return client.get(reverse("evaluation:logic_model_export", args=[model.pk, fmt]))

    svg = get("svg").content.decode()
    assert svg.startswith("<svg") and svg.count("<rect") == model.items.count()
    assert svg.count("marker-end=") == model.items.exclude(contributes_to=None).count()
    book = load_workbook(io.BytesIO(get("xlsx").content))
    cells = [c for row in book.active.iter_rows(values_only=True) for c in row if c]
    assert "18 inter-municipal coaching and mentoring projects over the three years" in cells
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(get("pdf").content)).pages)
    assert "Long-term results" in text and "18 inter-municipal coaching" in text
    assert get("exe").status_code == 404


@pytest.mark.django_db
def test_logic_model_for_a_program_starts_from_its_knowledge_program(cast):
    from prevnet.programs.models import MunicipalProgram

    kp = knowledge_program()
    mine = MunicipalProgram.objects.create(
        municipality=cast.city_a, name="4R", knowledge_program=kp
    )
    theirs = MunicipalProgram.objects.create(municipality=cast.city_b, name="Other")
    url = reverse("evaluation:logic_model_create")
    data = {"name": "4R model", "municipality": cast.city_a.pk, "levels": ["long_term"]}
    response = cast.client("staff").post(url, {**data, "program": theirs.pk})
    assert response.status_code == 200 and not LogicModel.objects.exists()
    response = cast.client("staff").post(url, {**data, "program": mine.pk})
    model = LogicModel.objects.get()
    assert (model.program, model.knowledge_program) == (mine, kp)
    assert model.items.get().text_en == "Healthy relationships in schools"
    page = cast.client("observer").get(mine.get_absolute_url()).content.decode()
    assert "4R model" in page


@pytest.mark.django_db
def test_coordinator_adds_an_indicator_with_targets_to_their_model(cast):
    model = LogicModel.objects.create(name="M", municipality=cast.city_a, levels=["outputs"])
    item = LogicItem.objects.create(logic_model=model, level="outputs", text_en="Youth contacted")
    url = reverse("evaluation:indicator_create", args=[item.pk])
    form = cast.client("coordinator_a").get(url).context["form"]
    assert "computation" not in form.fields  # network-wide computations are not offered
    data = {
        "code": "youth",
        "name_en": "Youth contacted",
        "unit": "number",
        "direction": "increase",
        "programme_target": "200",
        "target_1": "50",
        "cumulative": "on",
    }
    response = cast.client("coordinator_a").post(url, data)
    assert response.status_code == 302
    indicator = item.indicators.get()
    assert indicator.is_entered and indicator.programme_target == 200
    assert dict(indicator.year_targets.values_list("year", "value")) == {1: 50}
    assert cast.client("coordinator_b").post(url, data).status_code == 403
    response = cast.client("coordinator_a").post(url, {**data, "code": "youth-2", "target_2": "-3"})
    assert response.status_code == 200 and item.indicators.count() == 1
