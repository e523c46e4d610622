#!/usr/bin/env python3
"""Drives the `blueprint preview` page in headless Chromium, as a designer would use it.

Started by the Swift test PreviewBrowserTests with the address of a running `blueprint preview FILE`
and the file it shows (a copy the script may edit). Every wait has a timeout; the exit status is 0
when every check passed, 1 otherwise, with the failed check on standard error.
"""
import argparse
import json
import os
import pathlib
import re
import signal
import subprocess
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

WAIT_SECONDS = 15
STEP_LINE = re.compile(r"^\s*(?:customer|frontstage|onstage|backstage|support)\s+([^\s\"]+)")


class CheckFailed(Exception):
    pass


def wait_for(driver, description, condition, seconds=WAIT_SECONDS):
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: condition(d))
    except TimeoutException:
        raise CheckFailed(f"timed out after {seconds}s waiting for {description}") from None


def check(condition, description):
    if not condition:
        raise CheckFailed(description)


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def step_ids(text):
    return [match.group(1) for line in text.splitlines() if (match := STEP_LINE.match(line))]


def write(path, text):
    # Written in place, the way many editors save.
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def transform(driver):
    return js(driver, "return document.getElementById('canvas').style.transform")


def run(driver, url, blueprint, screenshots, server_pid=None, restart=None, clean=None):
    original = (clean or blueprint).read_text(encoding="utf-8")
    name = blueprint.name

    driver.get(url)
    if clean:
        check_draft(driver, blueprint, original, screenshots)
    wait_for(driver, "the diagram", lambda d: js(d, "return !!document.querySelector('#canvas svg')"))
    wait_for(driver, "the live connection", lambda d: js(d, "return document.getElementById('connection').dataset.state") == "live")
    missing = [i for i in step_ids(original) if not js(driver, "return !!document.getElementById(arguments[0])", f"step-{i}")]
    check(not missing, f"steps without an SVG group step-ID: {missing}")

    # Zoom in, then edit: the new step appears without a reload and the view stays where it was.
    driver.find_element(By.ID, "zoom-in").click()
    driver.find_element(By.ID, "zoom-in").click()
    zoomed = transform(driver)
    js(driver, "window.previewMarker = 'still the same page'")
    edited = original.replace(
        "fusefix -> poweron",
        "fusefix -> poweron\npoweron -> aftercall",
    ) + '\nphase "Check back"\n  frontstage aftercall "Agent calls to check the supply", takes 3m\n'
    write(blueprint, edited)
    wait_for(driver, "the new step 'aftercall'", lambda d: js(d, "return !!document.getElementById('step-aftercall')"))
    check(js(driver, "return window.previewMarker") == "still the same page", "the page was reloaded")
    check(transform(driver) == zoomed, f"zoom and position changed on update: {zoomed} -> {transform(driver)}")

    # Break it: the diagnostics appear above the last good diagram, which stays, dimmed.
    broken_line = "aftercall -> nowhere"
    broken = edited + broken_line + "\n"
    write(blueprint, broken)
    line_number = broken.splitlines().index(broken_line) + 1
    wait_for(driver, "the diagnostics of the broken file",
             lambda d: js(d, "return document.querySelectorAll('#diagnostics li.diagnostic.error').length") > 0)
    diagnostics = driver.find_element(By.ID, "diagnostics").text
    check(f"{name}:{line_number}:" in diagnostics, f"no location {name}:{line_number}: in {diagnostics!r}")
    check("undefined-reference" in diagnostics and "nowhere" in diagnostics, f"unexpected diagnostics {diagnostics!r}")
    check(js(driver, "return document.getElementById('canvas').classList.contains('stale')"), "the old diagram is not dimmed")
    check(js(driver, "return !!document.getElementById('step-aftercall')"), "the last good diagram was not kept")
    screenshot(driver, screenshots / "preview-errors.png")

    # Fix it: the diagram comes back.
    write(blueprint, edited)
    wait_for(driver, "the diagnostics to go", lambda d: not d.find_element(By.ID, "problems").is_displayed())
    check(not js(driver, "return document.getElementById('canvas').classList.contains('stale')"), "the diagram stays dimmed")

    # Drag pans; the wheel zooms around the pointer.
    viewport = driver.find_element(By.ID, "viewport")
    before = transform(driver)
    ActionChains(driver).move_to_element_with_offset(viewport, 0, viewport.size["height"] // 2 - 20) \
        .click_and_hold().move_by_offset(-60, -30).move_by_offset(-60, -30).release().perform()
    check(transform(driver) != before, "dragging did not pan")
    check(not driver.find_element(By.ID, "panel").is_displayed(), "a drag opened the panel")
    driver.find_element(By.ID, "zoom-actual").click()
    check(transform(driver) == "translate(24px, 24px) scale(1)", f"100% gave {transform(driver)}")
    js(driver, """const box = document.getElementById('viewport').getBoundingClientRect();
        document.getElementById('viewport').dispatchEvent(new WheelEvent('wheel',
            {deltaY: 300, clientX: box.left + 24, clientY: box.top + 24, bubbles: true, cancelable: true}));""")
    check("scale(0.6" in transform(driver), f"the wheel zoomed to {transform(driver)}")

    # Click a step: the panel tells everything about it.
    click_step(driver, "answer")
    wait_for(driver, "the step panel", lambda d: d.find_element(By.ID, "panel").is_displayed())
    panel = driver.find_element(By.ID, "panel").text
    for expected in ["Frontstage", "Takes", "Promises", "Text with reference and estimate within 15 minutes", "worst case"]:
        check(expected.lower() in panel.lower(), f"the panel lacks {expected!r}: {panel!r}")

    # Hover a promise in the title block: its worst path lights up.
    mark_id = first_promise_mark(driver)
    ActionChains(driver).move_to_element(driver.find_element(By.ID, mark_id)).perform()
    wait_for(driver, "the promise's worst path", lambda d: js(d, "return document.querySelectorAll('#canvas g.node.step.on-path').length") >= 2)
    on_path = js(driver, "return [...document.querySelectorAll('#canvas g.node.step.on-path')].map(g => g.id)")
    check("step-call" in on_path, f"the promise's path does not start at 'call': {on_path}")
    screenshot(driver, screenshots / "preview.png")
    ActionChains(driver).move_by_offset(0, 400).perform()

    # Downloads are drawn by the server.
    for format, kind in [("svg", "image/svg+xml"), ("png", "image/png"), ("pdf", "application/pdf")]:
        answer = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(document.getElementById(arguments[0]).href).then(r => r.blob().then(b => done([r.status, r.headers.get('content-type'), b.size])))"
            ".catch(e => done([0, String(e), 0]));", f"download-{format}")
        check(answer[0] == 200 and answer[1] == kind and answer[2] > 1000, f"download {format}: {answer}")

    # The theme switch redraws the diagram and darkens the page.
    Select(driver.find_element(By.ID, "theme")).select_by_value("dark")
    wait_for(driver, "the dark page", lambda d: js(d, "return document.documentElement.dataset.pageTheme") == "dark")
    wait_for(driver, "the dark diagram", lambda d: js(d, "const p = document.querySelector('#canvas svg g.graph > polygon'); return p && p.getAttribute('fill')") not in (None, "#ffffff"))
    driver.find_element(By.ID, "zoom-fit").click()
    click_step(driver, "arrive")
    wait_for(driver, "the step panel", lambda d: d.find_element(By.ID, "panel").is_displayed())
    screenshot(driver, screenshots / "preview-dark.png")

    # "Auto" follows the browser's dark mode, for the page and the diagram.
    Select(driver.find_element(By.ID, "theme")).select_by_value("light")
    wait_for(driver, "the light page", lambda d: js(d, "return document.documentElement.dataset.pageTheme") == "light")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    Select(driver.find_element(By.ID, "theme")).select_by_value("auto")
    wait_for(driver, "the page in the browser's dark mode", lambda d: js(d, "return document.documentElement.dataset.pageTheme") == "dark")
    wait_for(driver, "the diagram in the browser's dark mode", lambda d: js(d, "return getComputedStyle(document.body).backgroundColor") != "rgb(238, 241, 245)"
             and js(d, "const p = document.querySelector('#canvas svg g.graph > polygon'); return p && p.getAttribute('fill')") not in (None, "#ffffff"))

    # Deleted while previewed: the page says so; saved back, the diagram returns.
    blueprint.unlink()
    wait_for(driver, "the missing-file notice", lambda d: "deleted or renamed" in d.find_element(By.ID, "problem").text)
    write(blueprint, original)
    wait_for(driver, "the diagram after the file came back",
             lambda d: not d.find_element(By.ID, "problems").is_displayed()
             and not js(d, "return !!document.getElementById('step-aftercall')"))

    check_no_browser_errors(driver)

    # The server restarts: the page notices, reconnects by itself and shows the file as it is now.
    if restart:
        os.kill(server_pid, signal.SIGKILL)
        wait_for(driver, "the page to notice the server went away",
                 lambda d: js(d, "return document.getElementById('connection').dataset.state") != "live")
        write(blueprint, edited)
        restarted = subprocess.Popen(restart, cwd=blueprint.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(driver, "the page to reconnect to the restarted server",
                     lambda d: js(d, "return document.getElementById('connection').dataset.state") == "live"
                     and js(d, "return !!document.getElementById('step-aftercall')"))
            check(js(driver, "return window.previewMarker") == "still the same page", "the page was reloaded to reconnect")
        finally:
            restarted.kill()
            restarted.wait(timeout=10)
        # The stream cut by the restart is the one error a browser reports then.
        check_no_browser_errors(driver, allowed=lambda message: "/events/" in message)

    # Nothing was fetched from anywhere but the preview.
    origin = js(driver, "return location.origin")
    foreign = js(driver, "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(arguments[0]))", origin)
    check(not foreign, f"requests outside the preview: {foreign}")


def check_draft(driver, blueprint, clean_text, screenshots):
    """Opened on a file with an error: a draft of what parses, marked as one, until a fix makes it the diagram."""
    wait_for(driver, "the draft diagram", lambda d: js(d, "return !!document.getElementById('draft-mark')"))
    mark = js(driver, "return [...document.querySelectorAll('#draft-mark text')].map(t => t.textContent).join(' ')")
    check(re.fullmatch(r"Draft: \d+ errors?", mark), f"the draft mark says {mark!r}")
    check(driver.find_element(By.ID, "draft-mark").is_displayed(), "the draft mark is not shown")
    marked = js(driver, "return [...document.querySelectorAll('#canvas g.node.step.draft-error')].map(g => g.id)")
    check(marked == ["step-psr"], f"the steps marked as having errors are {marked}, not the one with the bad line")
    # Graphviz writes a node's tooltip on the link inside its group.
    tooltip = js(driver, "const a = document.querySelector('#step-psr a'); return a && a.getAttributeNS('http://www.w3.org/1999/xlink', 'title')")
    check(tooltip and "⚠" in tooltip, f"the marked step's tooltip gives no error: {tooltip!r}")
    check(not js(driver, "return document.getElementById('canvas').classList.contains('stale')"), "the draft is dimmed like an old diagram")
    check(not driver.find_element(By.ID, "placeholder").is_displayed(), "the placeholder is shown beside the draft")
    check(js(driver, "return document.querySelectorAll('#diagnostics li.diagnostic.error').length") > 0, "the draft's errors are not listed")
    check(driver.find_element(By.ID, "download-svg").get_attribute("aria-disabled") == "true", "a draft can be downloaded")
    screenshot(driver, screenshots / "preview-draft.png")

    write(blueprint, clean_text)
    wait_for(driver, "the diagram once the error is fixed",
             lambda d: not js(d, "return !!document.getElementById('draft-mark')")
             and js(d, "return !!document.getElementById('step-psr')")
             and not d.find_element(By.ID, "problems").is_displayed())
    check(not js(driver, "return document.querySelectorAll('#canvas g.node.draft-error').length"), "the fixed diagram still marks steps")


def check_no_browser_errors(driver, allowed=lambda message: False):
    """The browser logged no error since the last call (a Content-Security-Policy violation would be one)."""
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE" and not allowed(entry["message"])]
    check(not errors, f"the browser reported errors: {json.dumps(errors, indent=1)}")


def click_step(driver, step):
    # The box's caption is drawn over it, so click the group the way a person would, in its middle.
    ActionChains(driver).move_to_element(driver.find_element(By.ID, f"step-{step}")).click().perform()


def first_promise_mark(driver):
    return js(driver, """
        const ids = [...document.querySelectorAll('#canvas g.node')].map(g => g.id).filter(id => id.startsWith('title-block.'));
        return ids.find(id => document.getElementById(id).classList.contains('badge'));""")


def screenshot(driver, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))
    print(f"screenshot: {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--file", required=True, type=pathlib.Path)
    parser.add_argument("--screenshots", required=True, type=pathlib.Path)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--clean", type=pathlib.Path,
                        help="the file without its error: the preview opens on a broken file, and the script fixes it with this")
    parser.add_argument("--server-pid", type=int, help="the running preview, killed to check that the page reconnects")
    parser.add_argument("--restart", nargs=argparse.REMAINDER, help="the command that starts the preview again (last)")
    args = parser.parse_args()

    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1600,1000", "--no-proxy-server", "--force-color-profile=srgb",
                     "--hide-scrollbars", "--disable-extensions", "--no-first-run"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    driver.set_script_timeout(WAIT_SECONDS)
    started = time.monotonic()
    try:
        run(driver, args.url, args.file, args.screenshots, args.server_pid, args.restart, args.clean)
    except CheckFailed as failure:
        screenshot(driver, args.screenshots / "failure.png")
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        driver.quit()
    print(f"browser checks passed in {time.monotonic() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
