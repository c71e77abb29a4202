"""The demo data (demo/load.py) tells the story the README tells."""

from thidua.demo import load as demo
from thidua.plans.models import Plan
from thidua.results.domain.rollup import rollup


def test_the_demo_rollup_matches_its_story(db, settings):
    """The district sees 3 communes on time, 1 late, 7 missing; the province its district."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    demo.load(whole_country=False)
    district = rollup(Plan.objects.get(number=115))
    assert (district.count("on_time"), district.count("late"), district.count("missing")) == (
        3,
        1,
        7,
    )
    assert district.total("meetings") == 16  # four reports sent, 4 meetings each
    province = rollup(Plan.objects.get(number=283)).group_totals()
    assert [(g["unit"].name, g["units"], g["late"]) for g in province] == [("Sông Hinh", 11, 1)]
