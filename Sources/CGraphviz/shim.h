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

// A graph's memory as an arena: blocks of zeroed memory handed out in order and freed all at once by
// `cgraphviz_close`. Freed pieces are not reused until then: a graph is read, laid out, drawn and
// closed. With the arena, a graph can be closed subgraphs first without losing memory: closing a
// subgraph drops cgraph's internal map of names (shared by the whole graph) without freeing its
// entries, and those entries live in the arena.
typedef struct cgraphviz_arena_block {
    struct cgraphviz_arena_block *next;
    size_t size;
    size_t used;
} cgraphviz_arena_block;

enum { CGRAPHVIZ_ARENA_BLOCK_SIZE = 256 * 1024, CGRAPHVIZ_ARENA_ALIGNMENT = 16 };

static inline size_t cgraphviz_arena_header_size(void) {
    return (sizeof(cgraphviz_arena_block) + CGRAPHVIZ_ARENA_ALIGNMENT - 1) & ~(size_t)(CGRAPHVIZ_ARENA_ALIGNMENT - 1);
}

static inline void *cgraphviz_arena_open(Agdisc_t *disc) {
    (void)disc;
    // The state is the list of blocks: a pointer to the newest block.
    return calloc(1, sizeof(cgraphviz_arena_block *));
}

static inline void *cgraphviz_arena_alloc(void *state, size_t request) {
    cgraphviz_arena_block **newest = (cgraphviz_arena_block **)state;
    size_t size = (request + CGRAPHVIZ_ARENA_ALIGNMENT - 1) & ~(size_t)(CGRAPHVIZ_ARENA_ALIGNMENT - 1);
    cgraphviz_arena_block *block = *newest;
    if (block == NULL || block->size - block->used < size) {
        size_t capacity = size > CGRAPHVIZ_ARENA_BLOCK_SIZE ? size : CGRAPHVIZ_ARENA_BLOCK_SIZE;
        // calloc: cgraph expects new memory to be zeroed.
        block = (cgraphviz_arena_block *)calloc(1, cgraphviz_arena_header_size() + capacity);
        if (block == NULL) {
            return NULL;
        }
        block->size = capacity;
        block->next = *newest;
        *newest = block;
    }
    void *memory = (char *)block + cgraphviz_arena_header_size() + block->used;
    block->used += size;
    return memory;
}

static inline void *cgraphviz_arena_resize(void *state, void *pointer, size_t old, size_t request) {
    void *memory = cgraphviz_arena_alloc(state, request);
    if (memory != NULL && pointer != NULL) {
        memcpy(memory, pointer, old < request ? old : request);
    }
    return memory;
}

static inline void cgraphviz_arena_free(void *state, void *pointer) {
    (void)state;
    (void)pointer;
}

static inline void cgraphviz_arena_release(void *state) {
    cgraphviz_arena_block **newest = (cgraphviz_arena_block **)state;
    cgraphviz_arena_block *block = *newest;
    while (block != NULL) {
        cgraphviz_arena_block *next = block->next;
        free(block);
        block = next;
    }
    free(newest);
}

// The arena memory discipline (without a `close`: cgraph would then skip closing the graph's
// dictionaries, whose headers it allocates with malloc), the default I/O discipline, and IDs in
// creation order.
static inline Agdisc_t *cgraphviz_creation_order_disc(void) {
    static Agiddisc_t ids;
    static Agmemdisc_t memory = {
        cgraphviz_arena_open, cgraphviz_arena_alloc, cgraphviz_arena_resize, cgraphviz_arena_free, NULL,
    };
    static Agdisc_t disc;
    if (disc.id == NULL) {
        ids = AgIdDisc;
        ids.map = cgraphviz_map_id_in_creation_order;
        disc.mem = &memory;
        disc.id = &ids;
        disc.io = &AgIoDisc;
    }
    return &disc;
}

// Closes a graph read with `cgraphviz_creation_order_disc()`: subgraphs first, so that deleting each
// node of the root no longer visits every subgraph (most of the cost of closing a large diagram),
// then the root, then its arena. 0 when every close succeeded.
static inline int cgraphviz_close(Agraph_t *graph) {
    int status = 0;
    Agraph_t *next;
    for (Agraph_t *subgraph = agfstsubg(graph); subgraph != NULL; subgraph = next) {
        next = agnxtsubg(subgraph);
        status |= agclose(subgraph);
    }
    void *arena = graph->clos->state.mem;
    status |= agclose(graph);
    cgraphviz_arena_release(arena);
    return status;
}

// Graphviz 2.42's `nop` layouts never free two arrays they make: the node list of
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
