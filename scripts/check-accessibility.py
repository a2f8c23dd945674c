#!/usr/bin/env python3
"""The pages against WCAG 2.1 A and AA (webtilgængelighedsloven) with axe-core, in headless
Chromium driven by Selenium (Debian's chromium-driver and python3-selenium; axe-core from
axe-selenium-python). Every page must have zero violations.
Usage: check-accessibility.py BASE_URL"""
import json
import sys
import urllib.parse
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

base = sys.argv[1]


def first_item_path():
    with urllib.request.urlopen(base + "/api/search?q=palliation") as response:
        hit = json.load(response)["results"][0]
    return "/items/" + urllib.parse.quote(hit["id"], safe="") + "?q=palliation"


pages = [
    "/",
    "/?q=palliation",
    "/?q=palliation&sort=date&section=decision&cluster=Nord",
    "/?q=akutplam",  # "Mente du …?"
    "/?q=IPS+AND",  # an error shown on the page
    "/?q=xyzzyqwerty",  # no results
    first_item_path(),
    "/findes-ikke",  # the 404 page
]
RUN_AXE = """
const [options, done] = arguments;
axe.run(document, options).then(
    (result) => done(JSON.stringify({
        passes: result.passes.length,
        violations: result.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")),
        })),
    })),
    (error) => done(JSON.stringify({passes: 0, violations: [{id: "axe-error", impact: "error", help: String(error), targets: []}]})));
"""
# axe-core 3.1 (what axe-selenium-python carries) tags WCAG 2.0 A and AA; it predates the 2.1 tags.
wcag = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}}

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
# --no-sandbox: root in a container has no user namespaces for Chromium's sandbox.
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
# The pages' Content-Security-Policy forbids every script, axe's too: the browser is told to
# ignore it for this check (DevTools' Page.setBypassCSP), as it is the page being examined.
driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
# axe takes seconds per page on a busy machine; Selenium waits 30 s for a script by default.
driver.set_script_timeout(120)
failures = 0
try:
    for path in pages:
        driver.get(base + path)
        Axe(driver).inject()
        # axe's whole result is large and slow to hand back through WebDriver: only what is
        # reported comes back, as JSON text.
        result = json.loads(driver.execute_async_script(RUN_AXE, wcag))
        violations = result["violations"]
        if violations:
            failures += 1
            print(f"check-accessibility: FAIL: {path}: {len(violations)} violations", file=sys.stderr)
            for violation in violations:
                targets = violation["targets"][:3]
                print(f"  {violation['id']} ({violation['impact']}): {violation['help']} at {targets}", file=sys.stderr)
        else:
            print(f"check-accessibility: ok: {path}: {result['passes']} rules pass, 0 violations")
finally:
    driver.quit()
sys.exit(1 if failures else 0)
