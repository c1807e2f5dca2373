"""The demo loader: four campaigns with fictitious answers that pass the server's rules."""

from prevnet.network.demo import load_demo
from prevnet.questionnaires import demo, schema, services
from prevnet.questionnaires.models import Campaign, Submission


def test_demo_campaigns_are_added_once(db):
    load_demo()
    assert demo.load().endswith("4 demo campaign(s) added")
    assert demo.load().endswith("0 demo campaign(s) added")
    assert Campaign.objects.filter(is_demo=True).count() == 4
    submissions = list(Submission.objects.select_related("version"))
    assert len(submissions) > 10
    for sub in submissions:  # every fictitious answer is one the server itself would accept
        clean, errors = schema.read_answers(services.form_of(sub.version), sub.answers, final=True)
        assert errors == {} and clean == sub.answers
