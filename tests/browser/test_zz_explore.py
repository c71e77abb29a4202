import pytest
from tests.browser.test_smoke import log_in, AXE_JS
from tests.browser.conftest import VIEWPORTS
from thidua import demo
@pytest.mark.parametrize("vp", ["phone", "desktop"])
def test_explore(new_page, demo_site, vp):
    from thidua.org.models import Unit
    pk = Unit.objects.get(level=3, code=demo.EA_BA_OLD).pk
    page = new_page(VIEWPORTS[vp])
    for user, path in [(None, "/accounts/login/"), ("huyen", "/"), (None, "/units/"), (None, f"/units/{pk}/"), (None, "/people/"), (None, "/audit/"), ("xa", "/"), (None, "/accounts/password/change/"), (None, f"/units/{pk}/new/")]:
        if user:
            page.context.clear_cookies()
            log_in(page, user); page.wait_for_url("**/")
        page.goto(path)
        page.add_script_tag(path=str(AXE_JS))
        r = page.evaluate("() => axe.run()")
        print(vp, user, path, "passes", len(r["passes"]), "incomplete", [(i["id"], len(i["nodes"])) for i in r["incomplete"]])
        for v in r["violations"]:
            print("   VIOL", v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:5])
