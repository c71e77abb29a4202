def test_explore(new_page, demo_site):
    page = new_page({"width": 1280, "height": 800})
    page.on("response", lambda r: print("RESP", r.status, r.url, r.headers.get("content-type")))
    page.on("console", lambda m: print("CONSOLE", m.type, m.text))
    page.goto("/accounts/login/")
    print(page.content()[:800])
