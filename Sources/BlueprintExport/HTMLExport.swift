import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintEditor
import BlueprintEncoding
import BlueprintModel

/// One self-contained page to send or attach: the drawing (inline SVG) with pan and zoom, a click
/// on a step shows what the hover and the preview's step panel show (`StepSummary`), and the
/// promise table. Nothing is fetched: the page's policy forbids every request.
enum HTMLExport {
    static func text(_ input: ExportInput) -> String {
        let analysed = input.document.analysed
        let blueprint = analysed.blueprint
        let language = MessageLanguage(blueprint.locale)
        let say = { (entry: ExportMessage) in Message(entry).text(in: language) }
        let title = XMLText.escaped(blueprint.title ?? "Blueprint")
        let simulated = analysed.promises.contains { $0.simulatedShare != nil }
        let promiseRows = analysed.promises.map { checked in
            var cells = [
                checked.promise.description, say(MarkdownExport.statusMessage(checked.status)),
                checked.check.worstCost.written(in: language), checked.promise.within.written(in: language),
                checked.check.worstPath.map { blueprint.steps[$0].id }.joined(separator: " → "),
            ]
            if simulated { cells.append(MarkdownExport.simulatedShareText(checked)) }
            return "<tr class=\"\(JSONExport.statusName(checked.status))\"><td>" + cells.map { XMLText.escaped($0) }.joined(separator: "</td><td>") + "</td></tr>"
        }.joined(separator: "\n")
        let promises = analysed.promises.isEmpty ? "<p>\(XMLText.escaped(say(.noPromises)))</p>" : """
            <table><thead><tr>\(([ExportMessage.promiseColumn, .statusColumn, .worstCaseColumn, .limitColumn, .worstPathColumn] + (simulated ? [.simulatedColumn] : []))
                .map { "<th>\(XMLText.escaped(say($0)))</th>" }.joined())</tr></thead>
            <tbody>
            \(promiseRows)
            </tbody></table>
            """
        return """
            <!DOCTYPE html>
            <html lang="\(blueprint.locale.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>\(title)</h1></header>
            <main>
            <section id="diagram" aria-label="diagram"><div id="canvas">\(svgElement(input.svg ?? ""))</div></section>
            <aside id="panel" hidden><button id="panel-close" type="button" aria-label="close">×</button><div id="panel-body"></div></aside>
            </main>
            <section id="promises"><h2>\(XMLText.escaped(say(.promisesHeading)))</h2>
            \(promises)
            </section>
            <script type="application/json" id="steps">\(stepData(analysed, language: language))</script>
            <script>\(script)</script>
            </body>
            </html>

            """
    }

    /// The `<svg>` element alone: the XML declaration and doctype before it have no place in HTML.
    private static func svgElement(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The step summaries by id, with the panel's words in the file's language. `<` is written as
    /// `\u003c`, so no label can close the script element.
    private static func stepData(_ analysed: AnalysedBlueprint, language: MessageLanguage) -> String {
        let say = { (entry: ExportMessage) in JSONValue.string(Message(entry).text(in: language)) }
        let steps = StepSummary.all(in: analysed).map { step -> (String, JSONValue) in
            let facts: [(ExportMessage, String?)] = [
                (.laneColumn, step.laneTitle), (.phaseField, step.phase), (.actorColumn, step.actor), (.channelField, step.channel),
                (.takesColumn, step.takes?.text { $0.written(in: language) }), (.waitColumn, step.wait?.text { $0.written(in: language) }),
                (.toleranceField, step.tolerance?.written(in: language)), (.emotionField, step.emotion.map(String.init)), (.noteField, step.note),
            ]
            return (step.id, JSONValue([
                ("label", .string(step.label)),
                ("moment", step.isMomentOfTruth ? say(.momentMarker) : nil),
                ("facts", .array(facts.compactMap { name, value in value.map { .array([say(name), .string($0)]) } })),
                ("failPoints", .array(step.failPoints.map { point in
                    .string(point.description + (point.recoveryID.map { " → " + $0 } ?? ""))
                })),
                ("evidence", .array(step.evidence.map { .string($0.label) })),
                ("promises", .array(step.promises.map { .string($0.description) })),
            ]))
        }
        let data = JSONValue([
            ("labels", JSONValue([
                ("failPoints", say(.failPointsHeading)), ("evidence", say(.evidenceField)), ("promises", say(.promisesHeading)),
            ])),
            ("steps", .object(JSONObject(steps))),
        ])
        return data.serialized(pretty: false).replacing("<", with: "\\u003c")
    }

    private static let style = """
        body { margin: 0; font: 14px/1.45 system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #1f2933; background: #eef1f5; }
        header { padding: 8px 16px; background: #fff; border-bottom: 1px solid #d5dbe3; }
        h1 { font-size: 18px; margin: 0; }
        main { display: flex; height: 70vh; }
        #diagram { flex: 1; overflow: hidden; cursor: grab; background: #fff; position: relative; touch-action: none; }
        #canvas { transform-origin: 0 0; position: absolute; }
        [id^="step-"] { cursor: pointer; }
        #panel { width: 320px; overflow: auto; padding: 12px 16px; background: #f7f8fa; border-left: 1px solid #d5dbe3; }
        #panel-close { float: right; border: none; background: none; font-size: 20px; cursor: pointer; }
        #panel dt { color: #5f6b7a; } #panel dd { margin: 0 0 6px; }
        #promises { padding: 8px 16px; }
        table { border-collapse: collapse; background: #fff; }
        th, td { border: 1px solid #d5dbe3; padding: 4px 8px; text-align: left; }
        tr.broken td:nth-child(2), tr.unreachable td:nth-child(2) { color: #b42318; font-weight: 600; }
        tr.kept td:nth-child(2) { color: #1e7b34; }
        """

    /// Pan by dragging, zoom with the wheel around the pointer, a click on a step opens its panel.
    private static let script = """
        (function () {
          "use strict";
          const data = JSON.parse(document.getElementById("steps").textContent);
          const view = document.getElementById("diagram"), canvas = document.getElementById("canvas");
          const panel = document.getElementById("panel"), body = document.getElementById("panel-body");
          let scale = 1, x = 0, y = 0, drag = null, moved = false;
          function apply() { canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`; }
          view.addEventListener("wheel", (event) => {
            event.preventDefault();
            const box = view.getBoundingClientRect(), px = event.clientX - box.left, py = event.clientY - box.top;
            const factor = Math.exp(-event.deltaY * 0.0015), next = Math.min(8, Math.max(0.1, scale * factor));
            x = px - (px - x) * next / scale; y = py - (py - y) * next / scale; scale = next; apply();
          }, { passive: false });
          view.addEventListener("pointerdown", (event) => { drag = { x: event.clientX - x, y: event.clientY - y }; moved = false; });
          view.addEventListener("pointermove", (event) => {
            if (!drag) return;
            const nx = event.clientX - drag.x, ny = event.clientY - drag.y;
            if (Math.abs(nx - x) + Math.abs(ny - y) > 2) moved = true;
            x = nx; y = ny; apply();
          });
          view.addEventListener("pointerup", () => { drag = null; });
          function el(tag, text) { const node = document.createElement(tag); if (text !== undefined) node.textContent = text; return node; }
          function list(title, items) {
            if (!items.length) return [];
            const ul = el("ul"); for (const item of items) ul.append(el("li", item));
            return [el("h3", title), ul];
          }
          function show(id) {
            const step = data.steps[id];
            if (!step) return;
            const facts = el("dl");
            for (const [name, value] of step.facts) facts.append(el("dt", name), el("dd", value));
            body.replaceChildren(el("h2", step.label), el("p", id), ...(step.moment ? [el("p", step.moment)] : []), facts,
              ...list(data.labels.failPoints, step.failPoints), ...list(data.labels.evidence, step.evidence),
              ...list(data.labels.promises, step.promises));
            panel.hidden = false;
          }
          view.addEventListener("click", (event) => {
            // The click that ends a drag is not a click on a step.
            if (moved) { moved = false; return; }
            const group = event.target.closest && event.target.closest('g[id^="step-"]');
            if (group) show(group.id.slice("step-".length).split(".")[0]);
          });
          document.getElementById("panel-close").addEventListener("click", () => { panel.hidden = true; });
        })();
        """
}
