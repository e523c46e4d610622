#!/usr/bin/env python3
"""Reads the diagram exports back with the real tools, for DiagramExportTests.

`diagram_exports_test.py FORMAT MANIFEST`: MANIFEST (JSON, written by the Swift test) lists each
exported file with what it must hold. FORMAT is

- `mermaid`: Mermaid's own JavaScript (the offline mermaid.min.js of the PyPI package
  diagram-renderer) parses and renders each file in headless Chromium, without an error, into one
  node per step (the SVG is kept beside the file);
- `bpmn`: bpmn-js's modeler (django-bpmn's bpmn-modeler.development.js) imports each file in headless
  Chromium without a warning, into one shape per step and a lane per blueprint lane; and bpmnlint's
  recommended rules (the PyPI package bpmn-io) pass, with the rules in DISABLED_BPMN_RULES off;
- `drawio`: drawio-digest reads each file with its lanes (those holding a step or an evidence item:
  it leaves out empty ones), one node per step, in its lane, and a bound edge for every flow, recovery
  link and evidence link (none dropped, none recovered from coordinates).

`--check-installed` exits 0 when every tool is there. Exit status 0 when every check passed, 1
otherwise, with each failure on standard error.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# bpmnlint rules of `recommended` the export turns off, and why (docs/EXPORTS-DIAGRAMS.md):
DISABLED_BPMN_RULES = {
    # A step with several `->` flows is a choice among them (shares say how customers split); our
    # diagram draws it without a gateway, and the BPMN keeps our shapes only.
    "no-implicit-split": "off",
    # The same, for a step several `->` flows lead into.
    "fake-join": "off",
    # A flow's label in a blueprint names what is handed over ("the signed form"), not a condition;
    # bpmnlint keeps labels for the conditions of a gateway's flows.
    "superfluous-label": "off",
}


def package_file(module, *parts):
    """A file inside an installed Python package, found through the package itself."""
    return pathlib.Path(__import__(module).__file__).parent.joinpath(*parts)


def check_installed():
    import selenium  # noqa: F401
    for module in ("diagram_renderer", "django_bpmn", "bpmn_io", "drawio_digest"):
        __import__(module)
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.access(tool, os.X_OK):
            raise SystemExit(f"{tool} is missing")


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1600,1200"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(60)
    return driver


def blank_page(driver, script_path):
    """An empty page with `script_path` loaded into it: no network, no server."""
    driver.get("about:blank")
    driver.execute_script("document.body.innerHTML = '<div id=\"canvas\" style=\"width:1400px;height:1000px\"></div>'")
    # A script element, so that the bundle runs in the page's global scope as it would from a file.
    driver.execute_script("const script = document.createElement('script'); script.textContent = arguments[0]; document.head.appendChild(script);",
                          pathlib.Path(script_path).read_text(encoding="utf-8"))


def check_mermaid(entries, failures):
    driver = browser()
    try:
        blank_page(driver, package_file("diagram_renderer", "renderers", "static", "js", "mermaid.min.js"))
        driver.execute_script("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
        for number, entry in enumerate(entries):
            path = pathlib.Path(entry["file"])
            result = driver.execute_async_script("""
                const [text, id, done] = arguments;
                (async () => {
                    try {
                        await mermaid.parse(text);
                        const { svg } = await mermaid.render(id, text);
                        const holder = document.createElement('div');
                        holder.innerHTML = svg;
                        const steps = [...holder.querySelectorAll('g.node')].filter(n => /flowchart-s\\d+-\\d+$/.test(n.id)).length;
                        done({ svg, steps, error: null });
                    } catch (error) {
                        done({ error: String(error && error.message || error) });
                    }
                })();
            """, path.read_text(encoding="utf-8"), f"export{number}")
            if result["error"]:
                failures.append(f"{path.name}: Mermaid: {result['error']}")
                continue
            path.with_suffix(".svg").write_text(result["svg"], encoding="utf-8")
            if "Unsupported markdown" in result["svg"]:
                failures.append(f"{path.name}: Mermaid read text of the blueprint as Markdown")
            if result["steps"] != entry["steps"]:
                failures.append(f"{path.name}: {result['steps']} step nodes, expected {entry['steps']}")
    finally:
        driver.quit()


def check_bpmn(entries, failures):
    driver = browser()
    try:
        blank_page(driver, package_file("django_bpmn", "static", "django_bpmn", "js", "bpmn-modeler.development.js"))
        for entry in entries:
            path = pathlib.Path(entry["file"])
            result = driver.execute_async_script("""
                const [xml, done] = arguments;
                document.getElementById('canvas').innerHTML = '';
                const modeler = new BpmnJS({ container: '#canvas' });
                modeler.importXML(xml).then(({ warnings }) => {
                    const registry = modeler.get('elementRegistry');
                    const steps = registry.filter(e => /^Step_\\d+$/.test(e.id) && (e.type === 'bpmn:Task' || e.type === 'bpmn:UserTask')).length;
                    const lanes = registry.filter(e => e.type === 'bpmn:Lane').length;
                    done({ warnings: warnings.map(w => String(w.message)), steps, lanes, error: null });
                }).catch(error => done({ error: String(error && error.message || error), warnings: (error.warnings || []).map(w => String(w.message)) }));
            """, path.read_text(encoding="utf-8"))
            if result.get("error"):
                failures.append(f"{path.name}: bpmn-js: {result['error']} {result['warnings']}")
                continue
            if result["warnings"]:
                failures.append(f"{path.name}: bpmn-js import warnings: {result['warnings']}")
            if result["steps"] != entry["steps"]:
                failures.append(f"{path.name}: {result['steps']} task shapes, expected {entry['steps']}")
            if result["lanes"] != entry["lanes"]:
                failures.append(f"{path.name}: {result['lanes']} lanes, expected {entry['lanes']}")
    finally:
        driver.quit()
    with tempfile.TemporaryDirectory() as folder:
        config = pathlib.Path(folder, "bpmnlintrc.json")
        config.write_text(json.dumps({"extends": "bpmnlint:recommended", "rules": DISABLED_BPMN_RULES}), encoding="utf-8")
        for entry in entries:
            lint = subprocess.run(
                [sys.executable, "-c", "import sys; from bpmn_io.cli import main; sys.exit(main())",
                 "lint", "--config", str(config), "--json", entry["file"]],
                capture_output=True, text=True, timeout=120)
            try:
                report = json.loads(lint.stdout)
            except json.JSONDecodeError:
                failures.append(f"{pathlib.Path(entry['file']).name}: bpmnlint printed no report: {lint.stdout}{lint.stderr}")
                continue
            problems = [f"{rule or 'import'} at {r.get('id') or 'file'}: {r.get('message')}"
                        for rule, reports in report["reports"].items() for r in reports]
            if problems:
                failures.append(f"{pathlib.Path(entry['file']).name}: bpmnlint: " + "; ".join(problems))


def check_drawio(entries, failures):
    import drawio_digest
    for entry in entries:
        path = pathlib.Path(entry["file"])
        page = drawio_digest.parse(path).pages[0]
        name = path.name
        # drawio-digest leaves out lanes that hold nothing, and reads one edge per pair of ends and label.
        if len(page.lanes) != entry["lanesInUse"]:
            failures.append(f"{name}: {len(page.lanes)} lanes, expected {entry['lanesInUse']}")
        steps = [node for node in page.nodes if node.id.startswith("step-")]
        if len(steps) != entry["steps"]:
            failures.append(f"{name}: {len(steps)} step nodes, expected {entry['steps']}")
        if any(node.lane is None for node in steps):
            failures.append(f"{name}: steps outside a lane: {[n.id for n in steps if n.lane is None]}")
        expected = {tuple(link) for link in entry["links"] if link[0] != link[1]}
        found = {(edge.source, edge.target) for edge in page.edges}
        if found != expected:
            failures.append(f"{name}: edges missing {sorted(expected - found)}, unexpected {sorted(found - expected)}")
        if page.dropped or page.recovered:
            failures.append(f"{name}: edges not bound to their ends: dropped {page.dropped}, recovered {page.recovered}")


def main():
    if sys.argv[1:] == ["--check-installed"]:
        check_installed()
        return 0
    kind, manifest = sys.argv[1], sys.argv[2]
    entries = json.loads(pathlib.Path(manifest).read_text(encoding="utf-8"))
    failures = []
    {"mermaid": check_mermaid, "bpmn": check_bpmn, "drawio": check_drawio}[kind](entries, failures)
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"{kind}: {len(entries)} files, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
