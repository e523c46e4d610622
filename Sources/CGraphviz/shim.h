#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Swift 6 refuses to read cgraph's mutable globals (they are not concurrency-safe), so these helpers
// touch them on Swift's behalf. Like every Graphviz call, they must run behind the bridge's lock.

static inline Agdesc_t cgraphviz_directed(void) {
    return Agdirected;
}

// cgraph's default ID discipline gives a named object the address of its interned name as ID, and
// visits subgraphs in ID order, so cluster order (in DOT and in drawings) would follow malloc.
// Declining to map names makes cgraph number every object in creation order instead, keeping the
// names in its own internal map.
static inline long cgraphviz_map_id_in_creation_order(void *state, int objtype, char *name, IDTYPE *id, int createflag) {
    if (name != NULL) {
        return 0;
    }
    return AgIdDisc.map(state, objtype, NULL, id, createflag);
}

// The default memory and I/O disciplines with IDs in creation order.
static inline Agdisc_t *cgraphviz_creation_order_disc(void) {
    static Agiddisc_t ids;
    static Agdisc_t disc;
    if (disc.id == NULL) {
        ids = AgIdDisc;
        ids.map = cgraphviz_map_id_in_creation_order;
        disc.mem = &AgMemDisc;
        disc.id = &ids;
        disc.io = &AgIoDisc;
    }
    return &disc;
}

// libgvc's own text measurement, the one every label goes through (pango with the real font when
// the pango plugin is loaded). Exported by libgvc but declared only in Graphviz's private headers.
extern pointf textspan_size(GVC_t *gvc, textspan_t *span);

// The width, in points, of one line of text set in `fontname` at `size` points, as Graphviz measures
// a label's line. Frees what the measurement allocates.
static inline double cgraphviz_text_width(GVC_t *gvc, char *text, char *fontname, double size) {
    textfont_t font = {0};
    font.name = fontname;
    font.size = size;
    textspan_t span = {0};
    span.str = text;
    span.font = &font;
    span.just = 'n';
    pointf measured = textspan_size(gvc, &span);
    if (span.layout != NULL && span.free_layout != NULL) {
        span.free_layout(span.layout);
    }
    return measured.x;
}

#endif
