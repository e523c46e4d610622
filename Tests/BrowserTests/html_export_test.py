#!/usr/bin/env python3
"""Opens pages written by `blueprint export --to html` in headless Chromium, as a reader of an e-mail
attachment would, from a file:// address.

Started by the Swift test HTMLExportBrowserTests with the pages to check. For each: the drawing is
shown with a group per step, the wheel zooms and a drag pans, a click on a step opens its details,
the promise table is there, no request leaves the page and the console has no error. Every wait has
a timeout; the exit status is 0 when every check passed, 1 otherwise, with the failed check on
standard error.
"""
import argparse
import json
import pathlib
import sys

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

WAIT_SECONDS = 15


class CheckFailed(Exception):
    pass


def check(condition, description):
    if not condition:
        raise CheckFailed(description)


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def check_page(driver, page, screenshots):
    driver.get(page.resolve().as_uri())
    try:
        WebDriverWait(driver, WAIT_SECONDS).until(lambda d: js(d, "return !!document.querySelector('#canvas svg')"))
    except TimeoutException:
        raise CheckFailed(f"{page.name}: no drawing") from None
    data = json.loads(js(driver, "return document.getElementById('steps').textContent"))
    steps = list(data["steps"])
    check(steps, f"{page.name}: the page lists no step")
    missing = [s for s in steps if not js(driver, "return !!document.getElementById(arguments[0])", f"step-{s}")]
    check(not missing, f"{page.name}: steps without an SVG group: {missing}")
    rows = driver.find_elements(By.CSS_SELECTOR, "#promises tbody tr")
    check(len(rows) == len(json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))["promises"]),
          f"{page.name}: the promise table has {len(rows)} rows")

    # Zoom with the wheel, then pan with a drag: the canvas moves each time.
    view = driver.find_element(By.ID, "diagram")
    before = js(driver, "return document.getElementById('canvas').style.transform")
    ActionChains(driver).scroll_from_origin(ScrollOrigin.from_element(view), 0, -300).perform()
    zoomed = js(driver, "return document.getElementById('canvas').style.transform")
    check(zoomed != before and "scale(" in zoomed, f"{page.name}: the wheel did not zoom ({before!r} → {zoomed!r})")
    ActionChains(driver).move_to_element_with_offset(view, 10, 10).click_and_hold().move_by_offset(60, 40).release().perform()
    panned = js(driver, "return document.getElementById('canvas').style.transform")
    check(panned != zoomed, f"{page.name}: a drag did not pan")

    # A click on a step opens its details.
    js(driver, "document.getElementById('canvas').style.transform = ''")
    step = steps[0]
    box = driver.find_element(By.ID, f"step-{step}")
    js(driver, "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", box)
    check(js(driver, "return !document.getElementById('panel').hidden"), f"{page.name}: a click on step-{step} opened no panel")
    shown = driver.find_element(By.ID, "panel-body").text
    check(data["steps"][step]["label"] in shown and step in shown, f"{page.name}: the panel does not show {step}: {shown!r}")
    driver.save_screenshot(str(screenshots / (page.stem + ".png")))

    requests = js(driver, "return performance.getEntriesByType('resource').map(e => e.name)")
    check(not requests, f"{page.name}: the page made requests: {requests}")
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    check(not errors, f"{page.name}: console errors: {errors}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pages", nargs="+", type=pathlib.Path, help="HTML exports, each with its JSON export beside it")
    parser.add_argument("--screenshots", required=True, type=pathlib.Path)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    args.screenshots.mkdir(parents=True, exist_ok=True)

    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900",
                     "--no-proxy-server", "--disable-extensions", "--no-first-run"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    try:
        for page in args.pages:
            check_page(driver, page, args.screenshots)
    except CheckFailed as failure:
        driver.save_screenshot(str(args.screenshots / "failure.png"))
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        driver.quit()
    print(f"checked {len(args.pages)} exported pages in the browser")
    return 0


if __name__ == "__main__":
    sys.exit(main())
