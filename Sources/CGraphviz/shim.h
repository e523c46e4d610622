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

#endif
