import BlueprintDiagnostics

extension PageAssets {
    /// The page's script: the event stream, the diagram's pan and zoom, the step panel and the
    /// promise tracing. Data from the file only ever reaches the page as text nodes, or as the SVG
    /// the renderer escaped, parsed as XML.
    static let previewScript = #"""
    "use strict";
    (() => {
      const page = document.body;
      if (!page.classList.contains("file-page")) return;

      const $ = (id) => document.getElementById(id);
      const file = page.dataset.file;
      const viewport = $("viewport"), canvas = $("canvas"), placeholder = $("placeholder");
      const panel = $("panel"), panelBody = $("panel-body"), connection = $("connection");
      const themeSelect = $("theme");
      const darkMode = window.matchMedia("(prefers-color-scheme: dark)");

      let snapshot = null;       // the last state the server sent
      let shownDiagram = null;   // "revision/theme" of the SVG on the page
      let size = { width: 0, height: 0 };
      let view = { x: 0, y: 0, scale: 1 };
      let fitted = false;        // fit once, on the first diagram; after that the view is the reader's
      let selectedStep = null;
      let tracedPromise = null;
      let source = null;
      let retryDelay = 500;
      let words = JSON.parse(page.dataset.words);  // English until a snapshot brings the file's language

      // A word of the page in the file's language, its {placeholders} filled.
      const word = (key, values = {}) => words[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
      function applyWords(next) {
        words = next.words;
        document.documentElement.lang = next.language;
        for (const node of document.querySelectorAll("[data-word]")) node.textContent = word(node.dataset.word);
        for (const node of document.querySelectorAll("[data-word-title]")) node.title = word(node.dataset.wordTitle);
        for (const node of document.querySelectorAll("[data-word-label]")) node.setAttribute("aria-label", word(node.dataset.wordLabel));
        setConnection(connection.dataset.state);
      }

      // Elements from data, always as text.
      function el(tag, options = {}, ...children) {
        const node = document.createElement(tag);
        if (options.class) node.className = options.class;
        if (options.text !== undefined) node.textContent = options.text;
        for (const child of children) if (child) node.append(child);
        return node;
      }

      // ---- Theme --------------------------------------------------------------------------------
      function diagramTheme() {
        const choice = themeSelect.value;
        return choice === "auto" ? (darkMode.matches ? "dark" : "light") : choice;
      }
      function applyTheme() {
        document.documentElement.dataset.pageTheme = diagramTheme() === "dark" ? "dark" : "light";
        for (const format of ["svg", "png", "pdf"]) {
          $("download-" + format).href = `/download/${file}.${format}?theme=${diagramTheme()}`;
        }
      }
      themeSelect.addEventListener("change", () => { applyTheme(); connect(); });
      darkMode.addEventListener("change", () => { if (themeSelect.value === "auto") { applyTheme(); connect(); } });

      // ---- Live updates -------------------------------------------------------------------------
      // The states are the words' keys: connecting, live, reconnecting.
      function setConnection(state) {
        connection.dataset.state = state;
        connection.textContent = word(state);
      }
      function connect() {
        if (source) source.close();
        setConnection("connecting");
        source = new EventSource(`/events/${file}?theme=${diagramTheme()}`);
        source.onopen = () => {
          retryDelay = 500;
          shownDiagram = null;  // a restarted server counts revisions from 1 again
          setConnection("live");
        };
        source.onmessage = (event) => show(JSON.parse(event.data));
        source.onerror = () => {
          setConnection("reconnecting");
          // The browser retries a dropped stream itself; one it gave up on is retried here, backing off.
          if (source.readyState === EventSource.CLOSED) {
            setTimeout(connect, retryDelay);
            retryDelay = Math.min(retryDelay * 2, 5000);
          }
        };
      }

      function show(next) {
        snapshot = next;
        applyWords(next);
        page.dataset.state = next.state;
        const name = next.path.split("/").pop();
        const title = next.diagram ? next.diagram.title : name;
        $("title").textContent = title;
        document.title = word("pageTitle", { title });
        showProblems(next);
        if (next.diagram) {
          const key = `${next.diagram.revision}/${next.diagram.theme}`;
          if (key !== shownDiagram) replaceDiagram(next.diagram.svg);
          shownDiagram = key;
          placeholder.hidden = true;
        } else {
          canvas.replaceChildren();
          shownDiagram = null;
          placeholder.hidden = false;
          placeholder.textContent = word(next.state === "missing" ? "fileGone" : next.state === "errors" ? "fixErrors" : "noDiagram");
        }
        // A draft is the current text, not an old one: shown at full strength, with its own marks.
        const isDraft = Boolean(next.diagram && next.diagram.isDraft);
        canvas.classList.toggle("stale", next.state !== "ready" && !isDraft);
        for (const format of ["svg", "png", "pdf"]) {
          // Downloads are of the last good diagram, which a draft has not got.
          $("download-" + format).setAttribute("aria-disabled", next.diagram && !isDraft ? "false" : "true");
        }
        if (selectedStep) showStep(selectedStep);
        if (tracedPromise !== null) trace(tracedPromise);
      }

      function showProblems(next) {
        const section = $("problems"), problem = $("problem"), list = $("diagnostics");
        problem.hidden = !next.problem;
        problem.textContent = next.problem || "";
        list.replaceChildren(...next.diagnostics.map((d) => el("li", { class: `diagnostic ${d.severity}` },
          el("span", { class: "severity", text: d.severity }),
          el("span", { class: "location", text: `${d.file}:${d.line}:${d.column}` }),
          el("span", { class: "message", text: d.message }),
          el("span", { class: "rule", text: `[${d.rule}]` }))));
        section.hidden = !next.problem && next.diagnostics.length === 0;
        section.classList.toggle("warnings-only", !next.problem && next.errorCount === 0);
      }

      function replaceDiagram(text) {
        const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
        const svg = parsed.documentElement;
        if (svg.nodeName !== "svg") return;
        canvas.replaceChildren(document.importNode(svg, true));
        const shown = canvas.firstElementChild;
        size = { width: shown.width.baseVal.value, height: shown.height.baseVal.value };
        if (!fitted) { fit(); fitted = true; } else applyView();
      }

      // ---- Pan and zoom -------------------------------------------------------------------------
      function applyView() {
        canvas.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
      }
      function zoomAround(factor, px, py) {
        const scale = Math.min(8, Math.max(0.05, view.scale * factor));
        view.x = px - (px - view.x) * (scale / view.scale);
        view.y = py - (py - view.y) * (scale / view.scale);
        view.scale = scale;
        applyView();
      }
      function zoomCentre(factor) {
        zoomAround(factor, viewport.clientWidth / 2, viewport.clientHeight / 2);
      }
      function fit() {
        if (!size.width || !size.height) return;
        const margin = 24;
        const width = viewport.clientWidth, height = viewport.clientHeight;
        const scale = Math.min((width - 2 * margin) / size.width, (height - 2 * margin) / size.height, 2);
        view = { scale, x: (width - size.width * scale) / 2, y: (height - size.height * scale) / 2 };
        applyView();
      }
      function actualSize() {
        view = { scale: 1, x: 24, y: 24 };
        applyView();
      }
      $("zoom-in").addEventListener("click", () => zoomCentre(1.25));
      $("zoom-out").addEventListener("click", () => zoomCentre(0.8));
      $("zoom-fit").addEventListener("click", fit);
      $("zoom-actual").addEventListener("click", actualSize);
      viewport.addEventListener("wheel", (event) => {
        event.preventDefault();
        const box = viewport.getBoundingClientRect();
        const step = event.deltaMode === 1 ? 0.05 : 0.0015;
        zoomAround(Math.exp(-event.deltaY * step), event.clientX - box.left, event.clientY - box.top);
      }, { passive: false });

      // A press that does not move is a click on what is under it; one that moves pans.
      let press = null;
      viewport.addEventListener("pointerdown", (event) => {
        if (event.button !== 0) return;
        press = { id: event.pointerId, x: event.clientX, y: event.clientY, viewX: view.x, viewY: view.y,
                  target: event.target, dragging: false };
      });
      viewport.addEventListener("pointermove", (event) => {
        if (!press || event.pointerId !== press.id) return;
        const dx = event.clientX - press.x, dy = event.clientY - press.y;
        if (!press.dragging && Math.hypot(dx, dy) < 4) return;
        if (!press.dragging) {
          press.dragging = true;
          viewport.setPointerCapture(event.pointerId);
          viewport.classList.add("dragging");
        }
        view.x = press.viewX + dx;
        view.y = press.viewY + dy;
        applyView();
      });
      const release = (event) => {
        if (!press || event.pointerId !== press.id) return;
        if (!press.dragging && event.type === "pointerup") clickOn(press.target);
        viewport.classList.remove("dragging");
        press = null;
      };
      viewport.addEventListener("pointerup", release);
      viewport.addEventListener("pointercancel", release);

      document.addEventListener("keydown", (event) => {
        if (event.target instanceof HTMLSelectElement || event.ctrlKey || event.metaKey || event.altKey) return;
        switch (event.key) {
          case "+": case "=": zoomCentre(1.25); break;
          case "-": zoomCentre(0.8); break;
          case "0": actualSize(); break;
          case "f": case "F": fit(); break;
          case "Escape": closePanel(); break;
          default: return;
        }
        event.preventDefault();
      });

      // ---- Steps --------------------------------------------------------------------------------
      // A step's box is `step-ID`; its caption and markers are `step-ID.1`, `step-ID.2`… (ids hold no ".").
      function stepOf(node) {
        const group = node instanceof Element ? node.closest("g.node") : null;
        if (!group || !group.id.startsWith("step-")) return null;
        return group.id.slice("step-".length).split(".")[0];
      }
      function stepGroups(id) {
        const groups = [];
        const box = document.getElementById(`step-${id}`);
        if (box) groups.push(box);
        for (let n = 1; ; n++) {
          const mark = document.getElementById(`step-${id}.${n}`);
          if (!mark) break;
          groups.push(mark);
        }
        return groups;
      }
      function clickOn(target) {
        const id = stepOf(target);
        if (id && snapshot && snapshot.diagram && snapshot.diagram.steps[id]) {
          selectedStep = id;
          showStep(id);
        } else {
          closePanel();
        }
      }
      function closePanel() {
        selectedStep = null;
        panel.hidden = true;
        for (const node of canvas.querySelectorAll("g.selected")) node.classList.remove("selected");
      }
      $("panel-close").addEventListener("click", closePanel);

      function showStep(id) {
        const step = snapshot && snapshot.diagram && snapshot.diagram.steps[id];
        if (!step) { closePanel(); return; }
        for (const node of canvas.querySelectorAll("g.selected")) node.classList.remove("selected");
        const box = document.getElementById(`step-${id}`);
        if (box) box.classList.add("selected");

        const tags = el("div", { class: "tags" });
        if (step.momentOfTruth) tags.append(el("span", { class: "pill moment", text: word("momentOfTruth") }));
        if (step.emotion !== undefined && step.emotion !== null) {
          tags.append(el("span", { class: "pill", text: word("emotion", { emotion: `${step.emotion > 0 ? "+" : ""}${step.emotion}` }) }));
        }
        const facts = el("dl");
        const fact = (key, value) => { if (value) facts.append(el("dt", { text: word(key) }), el("dd", { text: value })); };
        fact("lane", step.lane);
        fact("phase", step.phase);
        fact("actor", step.actor);
        fact("channel", step.channel);
        fact("takes", step.takes);
        fact("meanTakes", step.meanTakes);
        fact("arrivals", step.arrivals);
        fact("utilisation", step.utilisation);
        fact("queueWait", step.queueWait);
        fact("wait", step.wait && (step.tolerance ? word("tolerates", { wait: step.wait, tolerance: step.tolerance }) : step.wait));
        fact("note", step.note);

        // Sections with nothing to say are left out, except promises: being on none is worth knowing.
        const section = (title, items, empty) => items.length ? [el("h3", { text: title }), el("ul", {}, ...items)]
          : empty ? [el("h3", { text: title }), el("p", { class: "none", text: empty })] : [];
        const failPoints = step.failPoints.map((f) => el("li", {
          text: f.recoveryID ? word("recoveredBy", { failure: f.description, label: f.recoveryLabel, id: f.recoveryID })
                             : word("noRecovery", { failure: f.description }),
        }));
        const evidence = step.evidence.map((label) => el("li", { text: label }));
        const promises = step.promises.map((p) => {
          const item = el("li", { class: "promise" },
            el("span", { class: `pill ${p.status}`, text: word(p.status) }), document.createTextNode(" "),
            el("span", { text: p.description }),
            el("div", { class: "cost", text: (p.share ? word("shareAgainstTarget", { share: p.share, limit: p.within, target: p.target })
                                          : word("worstCase", { cost: p.cost, limit: p.within })) + (p.onWorstPath ? word("onWorstPath") : "") }));
          item.addEventListener("mouseenter", () => trace(p.index));
          item.addEventListener("mouseleave", () => trace(null));
          return item;
        });
        panelBody.replaceChildren(...[
          el("p", { class: "kicker", text: [step.lane, step.phase].filter(Boolean).join(" · ") }),
          el("h2", { text: step.label }),
          el("p", { class: "step-id", text: step.id }),
          tags.childElementCount ? tags : null,
          facts,
          ...section(word("failPoints"), failPoints),
          ...section(word("evidence"), evidence),
          ...section(word("promises"), promises, word("onNoPromisePath")),
        ].filter(Boolean));
        panel.hidden = false;
      }

      // ---- Promises -----------------------------------------------------------------------------
      function promiseAt(node) {
        const group = node instanceof Element ? node.closest("g.node") : null;
        if (!group || !snapshot || !snapshot.diagram) return null;
        const index = snapshot.diagram.promises.findIndex((p) => p.titleBlockIDs.includes(group.id));
        return index < 0 ? null : index;
      }
      function trace(index) {
        tracedPromise = index;
        for (const node of canvas.querySelectorAll(".on-path, .promise-hover")) node.classList.remove("on-path", "promise-hover");
        const promise = index === null || !snapshot || !snapshot.diagram ? null : snapshot.diagram.promises[index];
        canvas.classList.toggle("tracing", !!promise);
        if (!promise) return;
        for (const id of promise.titleBlockIDs) {
          const mark = document.getElementById(id);
          if (mark) mark.classList.add("promise-hover");
        }
        const hops = new Set();
        promise.worstPath.forEach((id, n) => {
          for (const group of stepGroups(id)) group.classList.add("on-path");
          if (n > 0) hops.add(`step-${promise.worstPath[n - 1]}->step-${id}`);
        });
        for (const edge of canvas.querySelectorAll("g.edge")) {
          const title = edge.querySelector("title");
          if (title && hops.has(title.textContent)) edge.classList.add("on-path");
        }
      }
      canvas.addEventListener("mouseover", (event) => {
        const index = promiseAt(event.target);
        if (index !== tracedPromise) trace(index);
      });
      canvas.addEventListener("mouseleave", () => trace(null));

      applyTheme();
      connect();
      window.addEventListener("resize", () => { if (!fitted) fit(); });
    })();
    """#
}
