#!/usr/bin/env python3
"""Measures what a reader of a rendered blueprint notices, from the SVG alone.

    python3 scripts/diagram_metrics.py FILE.svg...        # one line of figures per file
    python3 scripts/diagram_metrics.py --detail FILE.svg  # and where each defect is

The team's shared measuring tool (../shared/tools/diagram_metrics.py), kept here unchanged apart
from this paragraph so that the test suite (DiagramMetricsTests) can hold every example to it.

It reads the SVG contract of LANGUAGE.md section 7 (lane-*, line-*, phase-N, step-*, evidence-*)
and the edges (groups with class "edge"), and reports:

  size       width x height in pt, and the aspect ratio
  a3_pt      the step-label font size in pt once the whole drawing is fitted to A3 landscape
             (400 x 277 mm usable); under about 7 pt nobody can read it on paper
  crossings  proper crossings between the arrows of two different flows
  junctions  crossings within 6 pt of a bend of either arrow: they read as a fork or a T
  shared     pt of arrow that runs beside an unrelated flow's arrow (parallel, under 7 pt apart),
             so the two read as one line; flows of one step fanning out are not counted
  hugging    pt of horizontal arrow within 14 pt of one of the three lines, reading as a doubled line
  box_hits   arrow pieces that pass through a step or evidence box other than their own ends
  label_hits edge label lines touched by another arrow, one of the three lines, a phase divider,
             a box, or another label
  dup_labels edge labels that repeat the text of another label on a flow of the same step
  trespass   arrows that leave the band of lanes between their two ends by more than 3 pt (a
             backstage-to-backstage flow that climbs into the customer lane, a frontstage-to-
             backstage flow that loops over the evidence lane): the reader takes them for a
             hand-off through those lanes

Text extents are estimated (CJK one em, other characters 0.55 em), so a figure near a threshold
is a hint to look at the picture, not a verdict. Standard library only.
"""
import math, re, sys, unicodedata, xml.etree.ElementTree as ET

NUM = re.compile(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")
SVG = "{http://www.w3.org/2000/svg}"


def tag(e):
    return e.tag.split("}")[-1]


def nums(s):
    return [float(n) for n in NUM.findall(s or "")]


def bezier_points(d, samples=6):
    """Polyline of a Graphviz path (M then cubic C segments)."""
    v = nums(d)
    if len(v) < 2:
        return []
    pts = [(v[0], v[1])]
    rest = v[2:]
    for i in range(0, len(rest) - 5, 6):
        p0 = pts[-1]
        p1, p2, p3 = (rest[i], rest[i + 1]), (rest[i + 2], rest[i + 3]), (rest[i + 4], rest[i + 5])
        for k in range(1, samples + 1):
            t = k / samples
            a, b, c, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
            pts.append((a * p0[0] + b * p1[0] + c * p2[0] + e * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + e * p3[1]))
    return pts


def segments(pts):
    out = []
    for a, b in zip(pts, pts[1:]):
        if math.dist(a, b) > 1e-6:
            out.append((a, b))
    return out


def merge_straight(segs, tol=0.5):
    """Joins consecutive collinear pieces so a sampled straight run counts as one segment."""
    out = []
    for s in segs:
        if out:
            (a, b), (c, d) = out[-1], s
            if b == c and abs((b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0])) < tol * max(math.dist(a, b), math.dist(c, d)):
                out[-1] = (a, d)
                continue
        out.append(s)
    return out


def bbox_of(points):
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def shape_bbox(g):
    pts = []
    for e in g.iter():
        t = tag(e)
        if t == "path":
            v = nums(e.get("d")); pts += list(zip(v[0::2], v[1::2]))
        elif t in ("polygon", "polyline"):
            v = nums(e.get("points")); pts += list(zip(v[0::2], v[1::2]))
        if pts and t in ("path", "polygon"):
            break  # the first shape of a node is its box
    return bbox_of(pts) if pts else None


def text_bbox(e, shrink=1.0):
    s = "".join(e.itertext())
    fs = float(e.get("font-size", "10"))
    w = sum(fs if unicodedata.east_asian_width(ch) in "WF" else 0.55 * fs for ch in s)
    x, y = float(e.get("x", 0)), float(e.get("y", 0))
    anchor = e.get("text-anchor", "start")
    x0 = x - w / 2 if anchor == "middle" else (x - w if anchor == "end" else x)
    return (x0 + shrink, y - 0.75 * fs + shrink, x0 + w - shrink, y + 0.2 * fs - shrink), s


def seg_hits_box(a, b, r):
    """Does segment ab enter rectangle r (x0,y0,x1,y1)? Liang-Barsky clip."""
    x0, y0, x1, y1 = r
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if abs(p) < 1e-12:
            if q < 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
    return t0 < t1 - 1e-9


def proper_cross(a, b, c, d):
    def orient(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    if o1 * o2 < 0 and o3 * o4 < 0:
        t = o1 / (o1 - o2)
        return (c[0] + t * (d[0] - c[0]), c[1] + t * (d[1] - c[1]))
    return None


def parallel_overlap(s, t, gap=7.0):
    """Length over which two axis-parallel segments run within `gap` of each other."""
    (a, b), (c, d) = s, t
    if abs(a[1] - b[1]) < 0.5 and abs(c[1] - d[1]) < 0.5 and abs(a[1] - c[1]) < gap:
        lo, hi = max(min(a[0], b[0]), min(c[0], d[0])), min(max(a[0], b[0]), max(c[0], d[0]))
        return max(0.0, hi - lo)
    if abs(a[0] - b[0]) < 0.5 and abs(c[0] - d[0]) < 0.5 and abs(a[0] - c[0]) < gap:
        lo, hi = max(min(a[1], b[1]), min(c[1], d[1])), min(max(a[1], b[1]), max(c[1], d[1]))
        return max(0.0, hi - lo)
    return 0.0


def measure(path):
    root = ET.parse(path).getroot()
    width, height = nums(root.get("width"))[0], nums(root.get("height"))[0]
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    boxes, label_sizes = {}, []
    for key, g in ids.items():
        if key.startswith(("step-", "evidence-")) and "." not in key and (g.get("class") or "").startswith("node"):
            b = shape_bbox(g)
            if b:
                boxes[key] = b
            for t in g.iter(SVG + "text"):
                label_sizes.append(float(t.get("font-size", "10")))
    lines = {}
    for name in ("line-interaction", "line-visibility", "line-internal"):
        g = ids.get(name)
        if g is not None:
            b = shape_bbox(g)
            if b:
                lines[name] = (b[0], b[2], (b[1] + b[3]) / 2)
    phases = sorted(shape_bbox(ids[k]) for k in ids if re.fullmatch(r"phase-\d+", k or ""))
    lane_bands = sorted((b[1], b[3]) for k in ids if (k or "").startswith("lane-") and "." not in k
                        for b in [shape_bbox(ids[k])] if b)
    node_boxes = {}
    for key, g in ids.items():
        if (g.get("class") or "").startswith("node"):
            b = shape_bbox(g)
            if b:
                node_boxes[key] = b
                t = g.find(SVG + "title")
                if t is not None and t.text:
                    node_boxes.setdefault(t.text.strip(), b)
    dividers = [(p[0], p[1], p[3]) for p in phases[1:]]  # x, top, bottom

    edges = []
    for g in root.iter(SVG + "g"):
        if "edge" not in (g.get("class") or "").split():
            continue
        title = g.find(SVG + "title")
        ends = (title.text or "").split("->") if title is not None else []
        segs = []
        for p in g.iter(SVG + "path"):
            segs += merge_straight(segments(bezier_points(p.get("d"))))
        labels = [text_bbox(t) for t in g.iter(SVG + "text")]
        edges.append({"ends": [e.strip() for e in ends], "segs": segs, "labels": labels})

    found = {k: [] for k in ("crossings", "junctions", "shared", "hugging", "box_hits", "label_hits", "dup_labels", "trespass")}
    def band_of(box):
        cy = (box[1] + box[3]) / 2
        for i, (top, bottom) in enumerate(lane_bands):
            if top - 0.5 <= cy <= bottom + 0.5:
                return i
        return None
    for e in edges:
        ends = [node_boxes.get(x) for x in e["ends"]]
        if len(ends) != 2 or None in ends or not lane_bands:
            continue
        bands = [band_of(b) for b in ends]
        if None in bands:
            continue
        top, bottom = lane_bands[min(bands)][0] - 3, lane_bands[max(bands)][1] + 3
        outside = 0.0
        for a, b in e["segs"]:
            for k in range(10):
                p0 = (a[0] + (b[0] - a[0]) * k / 10, a[1] + (b[1] - a[1]) * k / 10)
                p1 = (a[0] + (b[0] - a[0]) * (k + 1) / 10, a[1] + (b[1] - a[1]) * (k + 1) / 10)
                mid = (p0[1] + p1[1]) / 2
                if mid < top or mid > bottom:
                    outside += math.dist(p0, p1)
        if outside > 3:
            found["trespass"].append((e["ends"], round(outside)))
    bends = []
    for e in edges:
        pts = set()
        for (a, b), (c, d) in zip(e["segs"], e["segs"][1:]):
            if abs((b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0])) > 1e-3:
                pts.add(b)
        bends.append(pts)
    for i, e in enumerate(edges):
        for j in range(i + 1, len(edges)):
            f = edges[j]
            for s in e["segs"]:
                for t in f["segs"]:
                    x = proper_cross(s[0], s[1], t[0], t[1])
                    if x:
                        found["crossings"].append((e["ends"], f["ends"], x))
                        if any(math.dist(x, p) < 6 for p in bends[i] | bends[j]):
                            found["junctions"].append((e["ends"], f["ends"], x))
                    ov = parallel_overlap(s, t) if not set(e["ends"]) & set(f["ends"]) else 0.0
                    if ov > 1:
                        found["shared"].append((e["ends"], f["ends"], ov))
        for s in e["segs"]:
            a, b = s
            if abs(a[1] - b[1]) < 0.5:
                for name, (lx0, lx1, ly) in lines.items():
                    if abs(a[1] - ly) < 14:
                        found["hugging"].append((e["ends"], name, abs(a[0] - b[0])))
            for key, r in boxes.items():
                if key in e["ends"]:
                    continue
                inner = (r[0] + 1, r[1] + 1, r[2] - 1, r[3] - 1)
                if seg_hits_box(a, b, inner):
                    found["box_hits"].append((e["ends"], key))
                    break
    all_labels = [(i, lb) for i, e in enumerate(edges) for lb in e["labels"]]
    for n, (i, (r, text)) in enumerate(all_labels):
        why = []
        for j, f in enumerate(edges):
            if j != i and any(seg_hits_box(a, b, r) for a, b in f["segs"]):
                why.append("arrow " + "->".join(f["ends"]))
        for name, (lx0, lx1, ly) in lines.items():
            if r[1] < ly < r[3] and r[0] < lx1 and r[2] > lx0:
                why.append(name)
        for x, top, bottom in dividers:
            if r[0] < x < r[2] and r[1] < bottom and r[3] > top:
                why.append("phase divider")
        for key, b in boxes.items():
            if r[0] < b[2] and r[2] > b[0] and r[1] < b[3] and r[3] > b[1]:
                why.append(key)
        for m, (k, (r2, _)) in enumerate(all_labels):
            if m != n and r[0] < r2[2] and r[2] > r2[0] and r[1] < r2[3] and r[3] > r2[1]:
                why.append("label")
        if why:
            found["label_hits"].append((text, why))
    seen = {}
    for i, e in enumerate(edges):
        for r, text in e["labels"]:
            for end in e["ends"]:
                seen.setdefault((end, text), set()).add(i)
    dups = {k for k, v in seen.items() if len(v) > 1}
    found["dup_labels"] = sorted({t for _, t in dups})

    scale = min(400 / (width * 0.3528), 277 / (height * 0.3528), 1.0)
    figures = {
        "size": f"{width:.0f}x{height:.0f}",
        "aspect": round(width / height, 2),
        "a3_pt": round(scale * (min(label_sizes) if label_sizes else 10), 1),
        "crossings": len(found["crossings"]),
        "junctions": len(found["junctions"]),
        "shared": round(sum(x[2] for x in found["shared"])),
        "hugging": round(sum(x[2] for x in found["hugging"])),
        "box_hits": len(found["box_hits"]),
        "label_hits": len(found["label_hits"]),
        "dup_labels": len(found["dup_labels"]),
        "trespass": len(found["trespass"]),
    }
    return figures, found


def main(argv):
    detail = "--detail" in argv
    files = [a for a in argv if a != "--detail"]
    if not files:
        print(__doc__)
        return 2
    for f in files:
        try:
            figures, found = measure(f)
        except (ET.ParseError, OSError, IndexError, ValueError) as e:
            print(f"{f}: cannot measure: {e}")
            continue
        print(f + ": " + " ".join(f"{k}={v}" for k, v in figures.items()))
        if detail:
            for k, items in found.items():
                for it in items[:40]:
                    print(f"  {k}: {it}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
