#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdlib.h>
#include <string.h>

// Swift 6 refuses to read cgraph's mutable globals (they are not concurrency-safe), so these helpers
// touch them on Swift's behalf. Like every Graphviz call, they must run behind the bridge's lock.

static inline Agdesc_t cgraphviz_directed(void) {
    return Agdirected;
}

// Object names and IDs, kept in a table of the bridge's own. cgraph's default ID discipline gives a
// named object the address of its interned name as ID and visits subgraphs in ID order, so cluster
// order (in DOT and in drawings) would follow malloc. Here every object gets the next number, in
// creation order, and named objects are found by name in the table. cgraph then never needs its
// internal map of names, which closing a subgraph drops without freeing its entries; so a graph can
// be closed subgraphs first (see `cgraphviz_close`), and the table is freed with the graph.
typedef struct {
    int objtype;
    IDTYPE id;
    char *name;
} cgraphviz_name_slot;

typedef struct {
    cgraphviz_name_slot *slots; // open addressing; the capacity is a power of two
    size_t capacity;
    size_t count;
    char **names_by_id; // NULL for anonymous objects
    size_t ids_capacity;
    IDTYPE next_id;
} cgraphviz_names;

static inline size_t cgraphviz_name_hash(int objtype, const char *name) {
    size_t hash = 1469598103934665603u ^ (size_t)objtype;
    for (const unsigned char *byte = (const unsigned char *)name; *byte != 0; byte++) {
        hash = (hash ^ *byte) * 1099511628211u;
    }
    return hash;
}

static inline cgraphviz_name_slot *cgraphviz_name_find(cgraphviz_names *names, int objtype, const char *name) {
    size_t index = cgraphviz_name_hash(objtype, name) & (names->capacity - 1);
    while (names->slots[index].name != NULL
           && (names->slots[index].objtype != objtype || strcmp(names->slots[index].name, name) != 0)) {
        index = (index + 1) & (names->capacity - 1);
    }
    return &names->slots[index];
}

static inline void *cgraphviz_names_open(Agraph_t *graph, Agdisc_t *disc) {
    (void)graph;
    (void)disc;
    cgraphviz_names *names = (cgraphviz_names *)calloc(1, sizeof(cgraphviz_names));
    if (names == NULL) {
        return NULL;
    }
    names->capacity = 256;
    names->slots = (cgraphviz_name_slot *)calloc(names->capacity, sizeof(cgraphviz_name_slot));
    names->next_id = 1;
    if (names->slots == NULL) {
        free(names);
        return NULL;
    }
    return names;
}

// Gives the next ID, remembering `name` (NULL for an anonymous object) under it. 0 when out of memory.
static inline int cgraphviz_names_next_id(cgraphviz_names *names, char *name, IDTYPE *id) {
    if (names->next_id >= names->ids_capacity) {
        size_t capacity = names->ids_capacity == 0 ? 1024 : 2 * names->ids_capacity;
        char **grown = (char **)realloc(names->names_by_id, capacity * sizeof(char *));
        if (grown == NULL) {
            return 0;
        }
        memset(grown + names->ids_capacity, 0, (capacity - names->ids_capacity) * sizeof(char *));
        names->names_by_id = grown;
        names->ids_capacity = capacity;
    }
    *id = names->next_id++;
    names->names_by_id[*id] = name;
    return 1;
}

static inline long cgraphviz_names_map(void *state, int objtype, char *name, IDTYPE *id, int createflag) {
    cgraphviz_names *names = (cgraphviz_names *)state;
    if (objtype == AGINEDGE) {
        objtype = AGEDGE;
    }
    if (name == NULL) {
        return createflag ? cgraphviz_names_next_id(names, NULL, id) : 0;
    }
    cgraphviz_name_slot *slot = cgraphviz_name_find(names, objtype, name);
    if (slot->name != NULL) {
        *id = slot->id;
        return 1;
    }
    if (!createflag) {
        return 0;
    }
    if (2 * (names->count + 1) > names->capacity) {
        // Grow to twice the size and put every name in its new place.
        cgraphviz_name_slot *old = names->slots;
        size_t oldCapacity = names->capacity;
        names->slots = (cgraphviz_name_slot *)calloc(2 * oldCapacity, sizeof(cgraphviz_name_slot));
        if (names->slots == NULL) {
            names->slots = old;
            return 0;
        }
        names->capacity = 2 * oldCapacity;
        for (size_t index = 0; index < oldCapacity; index++) {
            if (old[index].name != NULL) {
                *cgraphviz_name_find(names, old[index].objtype, old[index].name) = old[index];
            }
        }
        free(old);
        slot = cgraphviz_name_find(names, objtype, name);
    }
    char *copy = strdup(name);
    if (copy == NULL || !cgraphviz_names_next_id(names, copy, id)) {
        free(copy);
        return 0;
    }
    slot->objtype = objtype;
    slot->name = copy;
    slot->id = *id;
    names->count++;
    return 1;
}

// Objects are only asked for by name.
static inline long cgraphviz_names_alloc(void *state, int objtype, IDTYPE id) {
    (void)state;
    (void)objtype;
    (void)id;
    return 0;
}

// Names stay until the graph closes.
static inline void cgraphviz_names_free(void *state, int objtype, IDTYPE id) {
    (void)state;
    (void)objtype;
    (void)id;
}

static inline char *cgraphviz_names_print(void *state, int objtype, IDTYPE id) {
    (void)objtype;
    cgraphviz_names *names = (cgraphviz_names *)state;
    return id < names->ids_capacity ? names->names_by_id[id] : NULL;
}

static inline void cgraphviz_names_close(void *state) {
    cgraphviz_names *names = (cgraphviz_names *)state;
    for (size_t index = 0; index < names->capacity; index++) {
        free(names->slots[index].name);
    }
    free(names->slots);
    free(names->names_by_id);
    free(names);
}

static inline void cgraphviz_names_register(void *state, int objtype, void *object) {
    (void)state;
    (void)objtype;
    (void)object;
}

// The default memory and I/O disciplines with the bridge's table of names and IDs.
static inline Agdisc_t *cgraphviz_creation_order_disc(void) {
    static Agiddisc_t ids = {
        cgraphviz_names_open, cgraphviz_names_map, cgraphviz_names_alloc, cgraphviz_names_free,
        cgraphviz_names_print, cgraphviz_names_close, cgraphviz_names_register,
    };
    static Agdisc_t disc = {&AgMemDisc, &ids, &AgIoDisc};
    return &disc;
}

// Closes a graph read with `cgraphviz_creation_order_disc()`: subgraphs first, so that deleting each
// node of the root no longer visits every subgraph (most of the cost of closing a large diagram).
// 0 when every close succeeded.
static inline int cgraphviz_close(Agraph_t *graph) {
    int status = 0;
    Agraph_t *next;
    for (Agraph_t *subgraph = agfstsubg(graph); subgraph != NULL; subgraph = next) {
        next = agnxtsubg(subgraph);
        status |= agclose(subgraph);
    }
    return status | agclose(graph);
}

// Graphviz 2.43's `nop` layouts never free two arrays they make: the node list of
// `scan_graph_mode` and the list of clusters (about 8 bytes a node and a cluster, each render). Call
// after drawing, just before gvFreeLayout. Both end up NULL, so a cleanup that does free them frees
// nothing twice.
static inline void cgraphviz_free_nop_layout_lists(Agraph_t *graph) {
    free(GD_neato_nlist(graph));
    GD_neato_nlist(graph) = NULL;
    free(GD_clust(graph));
    GD_clust(graph) = NULL;
    GD_n_cluster(graph) = 0;
}

// libgvc's own text measurement, the one every label goes through (pango with the real font when
// the pango plugin is loaded). Exported by libgvc but declared only in Graphviz's private headers.
extern pointf textspan_size(GVC_t *gvc, textspan_t *span);

// The size, in points, of one line of text set in `fontname` at `size` points, as Graphviz measures
// a label's line: its width, and the height Graphviz gives the line. Frees what the measurement
// allocates.
static inline pointf cgraphviz_text_size(GVC_t *gvc, char *text, char *fontname, double size) {
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
    return measured;
}

// Measures one letter set in `fontname` and hands the layout to `body` before freeing it: the layout
// names the pango plugin's one context (see CGraphvizText). Returns what `body` returns, 0 without
// the pango plugin (text is then estimated).
static inline int cgraphviz_with_text_layout(GVC_t *gvc, char *fontname, int (*body)(void *layout)) {
    textfont_t font = {0};
    font.name = fontname;
    font.size = 10;
    textspan_t span = {0};
    span.str = "x";
    span.font = &font;
    span.just = 'n';
    textspan_size(gvc, &span);
    if (span.layout == NULL) {
        return 0;
    }
    int result = body(span.layout);
    if (span.free_layout != NULL) {
        span.free_layout(span.layout);
    }
    return result;
}

#endif
