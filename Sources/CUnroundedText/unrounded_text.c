#define _GNU_SOURCE
#include "unrounded_text.h"
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>

// Pango, cairo and the plugin have no headers on a machine without their -dev packages, and the
// plugin brings their libraries in only when Graphviz loads it, as its own dependencies: so their
// functions are looked up in the libraries already loaded, by name, when the plugin first calls here.
typedef void *opaque;
enum { cairo_hint_style_none = 1, cairo_hint_metrics_off = 1 };

static atomic_int contexts;

static void *loaded(const char *library, const char *symbol) {
    void *handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD);
    return handle == NULL ? NULL : dlsym(handle, symbol);
}

int cunrounded_text_contexts(void) {
    return atomic_load(&contexts);
}

opaque pango_font_map_create_context(opaque fontmap) {
    opaque (*create)(opaque) = (opaque (*)(opaque))loaded("libpango-1.0.so.0", "pango_font_map_create_context");
    void (*set_round_glyph_positions)(opaque, int) = (void (*)(opaque, int))loaded("libpango-1.0.so.0", "pango_context_set_round_glyph_positions");
    if (create == NULL) {
        return NULL;
    }
    opaque context = create(fontmap);
    if (context != NULL && set_round_glyph_positions != NULL) {
        set_round_glyph_positions(context, 0);
        atomic_fetch_add(&contexts, 1);
    }
    return context;
}

void pango_cairo_context_set_font_options(opaque context, const opaque options) {
    void (*set_font_options)(opaque, opaque) = (void (*)(opaque, opaque))loaded("libpangocairo-1.0.so.0", "pango_cairo_context_set_font_options");
    opaque (*copy)(opaque) = (opaque (*)(opaque))loaded("libcairo.so.2", "cairo_font_options_copy");
    void (*set_hint_metrics)(opaque, int) = (void (*)(opaque, int))loaded("libcairo.so.2", "cairo_font_options_set_hint_metrics");
    void (*set_hint_style)(opaque, int) = (void (*)(opaque, int))loaded("libcairo.so.2", "cairo_font_options_set_hint_style");
    void (*destroy)(opaque) = (void (*)(opaque))loaded("libcairo.so.2", "cairo_font_options_destroy");
    if (set_font_options == NULL) {
        return;
    }
    if (options == NULL || copy == NULL || set_hint_metrics == NULL || set_hint_style == NULL || destroy == NULL) {
        set_font_options(context, options);
        return;
    }
    opaque unhinted = copy(options);
    set_hint_metrics(unhinted, cairo_hint_metrics_off);
    set_hint_style(unhinted, cairo_hint_style_none);
    set_font_options(context, unhinted);
    destroy(unhinted);
}
