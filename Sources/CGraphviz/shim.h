#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <dlfcn.h>
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

// The function `symbol` of `library` when the process has loaded it (the pango plugin loads pango,
// pangocairo and cairo as its own dependencies; there are no headers for them without their -dev
// packages), else NULL.
static inline void *cgraphviz_loaded_function(const char *library, const char *symbol) {
    void *handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD);
    if (handle == NULL) {
        return NULL;
    }
    void *function = dlsym(handle, symbol);
    dlclose(handle); // NOLOAD took a reference; the plugin keeps the library loaded
    return function;
}

// Graphviz's pango plugin measures and sets all text in one pango context it makes on first use, with
// hinted metrics and glyph positions rounded to whole 96 dpi pixels: at 8 pt every advance became a
// multiple of 0.75 pt, and cairo, drawing those positions in a PNG at 144 dpi or in a PDF, ran words
// together ("Moment oftruth"). The plugin keeps the context to itself, but every layout it makes
// names it: measure once, and turn rounding and hinting off in the layout's context, for every later
// measurement and drawing. Returns 1 when the context was changed, 0 without the pango plugin (text
// is then estimated) or without the functions.
static inline int cgraphviz_unround_text(GVC_t *gvc, char *fontname) {
    typedef void *(*get_context_f)(void *);
    typedef void (*set_round_f)(void *, int);
    typedef const void *(*get_options_f)(void *);
    typedef void (*set_options_f)(void *, const void *);
    typedef void *(*create_options_f)(void);
    typedef void *(*copy_options_f)(const void *);
    typedef void (*set_option_f)(void *, int);
    typedef void (*destroy_options_f)(void *);
    enum { cairo_hint_style_none = 1, cairo_hint_metrics_off = 1 };

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
    get_context_f get_context = (get_context_f)cgraphviz_loaded_function("libpango-1.0.so.0", "pango_layout_get_context");
    set_round_f set_round = (set_round_f)cgraphviz_loaded_function("libpango-1.0.so.0", "pango_context_set_round_glyph_positions");
    get_options_f get_options = (get_options_f)cgraphviz_loaded_function("libpangocairo-1.0.so.0", "pango_cairo_context_get_font_options");
    set_options_f set_options = (set_options_f)cgraphviz_loaded_function("libpangocairo-1.0.so.0", "pango_cairo_context_set_font_options");
    create_options_f create_options = (create_options_f)cgraphviz_loaded_function("libcairo.so.2", "cairo_font_options_create");
    copy_options_f copy_options = (copy_options_f)cgraphviz_loaded_function("libcairo.so.2", "cairo_font_options_copy");
    set_option_f set_hint_metrics = (set_option_f)cgraphviz_loaded_function("libcairo.so.2", "cairo_font_options_set_hint_metrics");
    set_option_f set_hint_style = (set_option_f)cgraphviz_loaded_function("libcairo.so.2", "cairo_font_options_set_hint_style");
    destroy_options_f destroy_options = (destroy_options_f)cgraphviz_loaded_function("libcairo.so.2", "cairo_font_options_destroy");
    int changed = 0;
    if (get_context && set_round && get_options && set_options && create_options && copy_options && set_hint_metrics
        && set_hint_style && destroy_options) {
        void *context = get_context(span.layout);
        set_round(context, 0);
        const void *current = get_options(context);
        void *options = current != NULL ? copy_options(current) : create_options();
        set_hint_metrics(options, cairo_hint_metrics_off);
        set_hint_style(options, cairo_hint_style_none);
        set_options(context, options);
        destroy_options(options);
        changed = 1;
    }
    if (span.free_layout != NULL) {
        span.free_layout(span.layout);
    }
    return changed;
}

#endif
