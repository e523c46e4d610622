#ifndef CUNROUNDED_TEXT_H
#define CUNROUNDED_TEXT_H

// Graphviz's pango plugin measures and sets text in one pango context that it makes on first use, with
// hinted metrics and glyph positions rounded to whole 96 dpi pixels: at 8 pt every advance becomes a
// multiple of 0.75 pt, and cairo, drawing those positions in a PNG at 144 dpi or in a PDF, runs words
// together ("Moment oftruth"). The plugin gives no way to change its context, so this module defines
// the two pango functions it makes the context with; the executables export them (see Package.swift),
// the plugin binds to them when Graphviz loads it, and they call pango's own with unrounded positions
// and unhinted metrics. Measured widths are then the font's own, as a browser sets the SVG.

// The number of contexts set up unrounded so far: 0 means the plugin bound to pango's functions
// directly, so text is measured and set rounded (a test reads it).
int cunrounded_text_contexts(void);

#endif
