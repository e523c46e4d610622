extension PageAssets {
    /// The page's styles. Colours are variables so the browser's dark mode, or the theme chosen on
    /// the page, switches them all at once.
    static let previewStyle = #"""
    :root {
      color-scheme: light;
      --bg: #eef1f5;
      --surface: #ffffff;
      --surface-raised: #f7f8fa;
      --text: #1f2933;
      --muted: #5f6b7a;
      --border: #d5dbe3;
      --accent: #2563eb;
      --accent-text: #ffffff;
      --error: #b42318;
      --error-bg: #fdecea;
      --warning: #93570a;
      --warning-bg: #fff6e0;
      --ok: #1e7b34;
      --trace: #e8590c;
      --shadow: 0 10px 30px rgba(15, 23, 42, 0.14), 0 2px 6px rgba(15, 23, 42, 0.08);
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif;
    }
    @media (prefers-color-scheme: dark) {
      :root:not([data-page-theme="light"]) {
        color-scheme: dark;
        --bg: #0f141a; --surface: #1a2129; --surface-raised: #222b35; --text: #e4e9ef; --muted: #9aa7b5;
        --border: #33404d; --accent: #6ea8fe; --accent-text: #0b1220; --error: #ff8a80; --error-bg: #3a1d1d;
        --warning: #f5c26b; --warning-bg: #3a2f17; --ok: #7bd88f; --trace: #ffa94d;
        --shadow: 0 10px 30px rgba(0, 0, 0, 0.5);
      }
    }
    :root[data-page-theme="dark"] {
      color-scheme: dark;
      --bg: #0f141a; --surface: #1a2129; --surface-raised: #222b35; --text: #e4e9ef; --muted: #9aa7b5;
      --border: #33404d; --accent: #6ea8fe; --accent-text: #0b1220; --error: #ff8a80; --error-bg: #3a1d1d;
      --warning: #f5c26b; --warning-bg: #3a2f17; --ok: #7bd88f; --trace: #ffa94d;
      --shadow: 0 10px 30px rgba(0, 0, 0, 0.5);
    }

    * { box-sizing: border-box; }
    html, body { height: 100%; margin: 0; }
    body { background: var(--bg); color: var(--text); }
    body.file-page { display: grid; grid-template-rows: auto auto minmax(0, 1fr); overflow: hidden; }
    /* Rows named outright: a hidden problems bar must not hand its row to the diagram. */
    body.file-page > .toolbar { grid-row: 1; }
    body.file-page > .problems { grid-row: 2; }
    body.file-page > .workspace { grid-row: 3; display: flex; min-height: 0; }
    .workspace > .viewport { flex: 1; min-width: 0; }
    [hidden] { display: none !important; }

    .toolbar {
      display: flex; align-items: center; gap: 16px; flex-wrap: wrap;
      padding: 10px 18px; background: var(--surface); border-bottom: 1px solid var(--border);
    }
    .heading { display: flex; flex-direction: column; min-width: 0; margin-right: auto; }
    .heading h1 { font-size: 16px; font-weight: 650; margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .path { color: var(--muted); font: 12px/1.4 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", monospace; }
    .back { color: var(--accent); text-decoration: none; font-weight: 600; }
    .back::before { content: "‹ "; }
    .tools { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
    .group { display: inline-flex; border: 1px solid var(--border); border-radius: 8px; overflow: hidden; }
    .group > button, .group > .button {
      font: inherit; font-size: 13px; color: var(--text); background: var(--surface); border: 0;
      border-right: 1px solid var(--border); padding: 5px 11px; min-width: 36px; cursor: pointer;
      text-decoration: none; text-align: center; line-height: 20px;
    }
    .group > :last-child { border-right: 0; }
    .group > button:hover, .group > .button:hover { background: var(--surface-raised); }
    .group > button:focus-visible, .group > .button:focus-visible, select:focus-visible {
      outline: 2px solid var(--accent); outline-offset: -2px;
    }
    .group > .button[aria-disabled="true"] { color: var(--muted); pointer-events: none; }
    .theme { display: inline-flex; align-items: center; gap: 6px; color: var(--muted); font-size: 13px; }
    select {
      font: inherit; font-size: 13px; color: var(--text); background: var(--surface);
      border: 1px solid var(--border); border-radius: 8px; padding: 4px 8px;
    }
    .connection {
      display: inline-flex; align-items: center; gap: 6px; font-size: 12px; color: var(--muted);
      padding: 3px 10px; border-radius: 999px; background: var(--surface-raised); white-space: nowrap;
    }
    .connection::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: var(--muted); }
    .connection[data-state="live"]::before { background: var(--ok); }
    .connection[data-state="reconnecting"]::before { background: var(--warning); }

    .problems {
      max-height: 32vh; overflow: auto; padding: 10px 18px; background: var(--error-bg);
      border-bottom: 1px solid var(--border);
    }
    .problems.warnings-only { background: var(--warning-bg); }
    .problem { margin: 0 0 6px; font-weight: 600; color: var(--error); }
    .diagnostics { list-style: none; margin: 0; padding: 0; }
    .diagnostic { display: flex; gap: 10px; align-items: baseline; padding: 3px 0; }
    .diagnostic .severity {
      flex: none; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
      padding: 1px 7px; border-radius: 4px; color: var(--accent-text);
    }
    .diagnostic.error .severity { background: var(--error); }
    .diagnostic.warning .severity { background: var(--warning); }
    .diagnostic .location { flex: none; font: 12px ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); }
    .diagnostic .message { flex: 1; min-width: 0; }
    .diagnostic .rule { flex: none; font: 12px ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); }

    .viewport {
      position: relative; overflow: hidden; cursor: grab; touch-action: none; outline: none;
      background-color: var(--bg);
      background-image: radial-gradient(circle, color-mix(in srgb, var(--muted) 22%, transparent) 1px, transparent 1px);
      background-size: 22px 22px;
    }
    .viewport.dragging { cursor: grabbing; }
    .canvas {
      position: absolute; left: 0; top: 0; transform-origin: 0 0;
      box-shadow: var(--shadow); border-radius: 4px; overflow: hidden;
      transition: opacity .2s ease, filter .2s ease;
    }
    .canvas:empty { box-shadow: none; }
    .canvas > svg { display: block; }
    .canvas.stale { opacity: .38; filter: grayscale(.7); }
    .placeholder {
      position: absolute; inset: 0; display: grid; place-items: center; margin: 0;
      color: var(--muted); font-size: 15px; pointer-events: none;
    }

    .canvas g.node.step, .canvas g.node[id^="step-"] { cursor: pointer; }
    /* Tracing a promise dims the steps, evidence and arrows off its worst path; titles and lanes stay. */
    .canvas.tracing g.node[id^="step-"]:not(.on-path), .canvas.tracing g.node[id^="evidence-"],
    .canvas.tracing g.edge:not(.on-path) { opacity: .3; transition: opacity .15s; }
    .canvas g.node.step.on-path path, .canvas g.node.step.on-path polygon { stroke: var(--trace); stroke-width: 3; }
    .canvas g.edge.on-path path { stroke: var(--trace); stroke-width: 2.5; }
    .canvas g.edge.on-path polygon { stroke: var(--trace); fill: var(--trace); }
    .canvas g.node.promise-hover text { text-decoration: underline; }
    .canvas g.node.step.selected path, .canvas g.node.step.selected polygon { stroke: var(--accent); stroke-width: 3.5; }

    /* Beside the diagram, not over it: the step clicked stays in view. */
    .panel {
      position: relative; flex: none; width: 360px; max-width: 45vw; overflow: auto;
      padding: 18px 18px 22px; background: var(--surface); color: var(--text);
      border-left: 1px solid var(--border); box-shadow: -6px 0 18px rgba(15, 23, 42, 0.06);
    }
    .panel .close {
      position: absolute; top: 10px; right: 10px; width: 28px; height: 28px; border: 0; border-radius: 6px;
      background: transparent; color: var(--muted); font-size: 20px; line-height: 1; cursor: pointer;
    }
    .panel .close:hover { background: var(--surface-raised); color: var(--text); }
    .panel .kicker { margin: 0; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
    .panel h2 { margin: 2px 32px 4px 0; font-size: 17px; line-height: 1.3; }
    .panel .step-id { margin: 0 0 12px; color: var(--muted); font: 12px ui-monospace, "DejaVu Sans Mono", monospace; }
    .panel .tags { display: flex; gap: 6px; flex-wrap: wrap; margin-bottom: 12px; }
    .panel h3 { margin: 16px 0 6px; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
    .panel dl { display: grid; grid-template-columns: max-content 1fr; gap: 5px 14px; margin: 0; }
    .panel dt { color: var(--muted); }
    .panel dd { margin: 0; overflow-wrap: anywhere; }
    .panel ul { margin: 0; padding-left: 18px; }
    .panel li { margin: 3px 0; }
    .panel .promise { list-style: none; margin: 0 0 8px -18px; padding: 8px 10px; border-radius: 8px; background: var(--surface-raised); }
    .panel .promise .cost { color: var(--muted); font-size: 12px; }
    .panel .none { color: var(--muted); }
    .pill {
      display: inline-block; font-size: 11px; font-weight: 700; padding: 1px 8px; border-radius: 999px;
      background: var(--surface-raised); color: var(--muted); border: 1px solid var(--border);
    }
    .pill.kept { color: var(--ok); border-color: currentColor; background: transparent; }
    .pill.broken, .pill.unreachable, .pill.unresolved { color: var(--error); border-color: currentColor; background: transparent; }
    .pill.moment { color: var(--warning); border-color: currentColor; background: transparent; }

    .index { padding: 24px 18px; max-width: 1100px; }
    .index table { width: 100%; border-collapse: collapse; background: var(--surface); border: 1px solid var(--border); border-radius: 10px; overflow: hidden; }
    .index th, .index td { text-align: left; padding: 10px 14px; border-bottom: 1px solid var(--border); vertical-align: top; }
    .index th { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; background: var(--surface-raised); }
    .index tr:last-child td { border-bottom: 0; }
    .index td a { color: var(--accent); font-weight: 600; text-decoration: none; }
    .index td a:hover { text-decoration: underline; }
    .index .number { text-align: right; font-variant-numeric: tabular-nums; }
    .index .error { color: var(--error); font-weight: 700; }
    .index .warning { color: var(--warning); font-weight: 700; }
    .index .problem { color: var(--error); font-size: 12px; margin-top: 4px; }
    .muted { color: var(--muted); }
    """#
}
