#ifndef _GNU_SOURCE
#define _GNU_SOURCE // RTLD_DEFAULT and RTLD_NEXT
#endif

#include "CGraphvizText.h"

#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>
#include <string.h>

// Pango and cairo have no headers here without their -dev packages: their functions are looked up in
// the libraries the pango plugin loads, by these types.
typedef void *(*get_context_f)(void *layout);
typedef void (*set_round_f)(void *context, int round);
typedef const void *(*get_options_f)(void *context);
typedef void (*set_options_f)(void *context, const void *options);
typedef void *(*create_options_f)(void);
typedef void *(*copy_options_f)(const void *options);
typedef void (*set_option_f)(void *options, int value);
typedef void (*destroy_options_f)(void *options);
enum { cairo_hint_style_none = 1, cairo_hint_metrics_off = 1 };

static atomic_int unrounded;

// The function `symbol` of `library` when the process has loaded it, else NULL.
static void *loaded_function(const char *library, const char *symbol) {
    void *handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD);
    if (handle == NULL) {
        return NULL;
    }
    void *function = dlsym(handle, symbol);
    dlclose(handle); // NOLOAD took a reference; the plugin keeps the library loaded
    return function;
}

// pangocairo's own definition, which the one below stands in front of; looked up once it is found,
// as a program that draws its own text with pango may call it for every context it makes.
static set_options_f pangocairo_set_font_options(void) {
    static _Atomic(set_options_f) found;
    set_options_f function = atomic_load(&found);
    if (function == NULL) {
        void *loaded = loaded_function("libpangocairo-1.0.so.0", "pango_cairo_context_set_font_options");
        function = (set_options_f)(loaded != NULL ? loaded : dlsym(RTLD_NEXT, "pango_cairo_context_set_font_options"));
        atomic_store(&found, function);
    }
    return function;
}

// Sets `options` (or cairo's defaults for NULL) on `context` with metric hinting and hint style off,
// and turns glyph rounding off. Returns 1 when done, 0 without the functions (nothing is changed).
static int set_unrounded(void *context, const void *options, set_options_f set_options) {
    set_round_f set_round = (set_round_f)loaded_function("libpango-1.0.so.0", "pango_context_set_round_glyph_positions");
    create_options_f create_options = (create_options_f)loaded_function("libcairo.so.2", "cairo_font_options_create");
    copy_options_f copy_options = (copy_options_f)loaded_function("libcairo.so.2", "cairo_font_options_copy");
    set_option_f set_hint_metrics = (set_option_f)loaded_function("libcairo.so.2", "cairo_font_options_set_hint_metrics");
    set_option_f set_hint_style = (set_option_f)loaded_function("libcairo.so.2", "cairo_font_options_set_hint_style");
    destroy_options_f destroy_options = (destroy_options_f)loaded_function("libcairo.so.2", "cairo_font_options_destroy");
    if (!(set_options && set_round && create_options && copy_options && set_hint_metrics && set_hint_style && destroy_options)) {
        return 0;
    }
    void *changed = options != NULL ? copy_options(options) : create_options();
    set_hint_metrics(changed, cairo_hint_metrics_off);
    set_hint_style(changed, cairo_hint_style_none);
    set_options(context, changed);
    destroy_options(changed);
    set_round(context, 0);
    atomic_store(&unrounded, 1);
    return 1;
}

int cgraphviz_unround_layout_context(void *layout) {
    get_context_f get_context = (get_context_f)loaded_function("libpango-1.0.so.0", "pango_layout_get_context");
    get_options_f get_options = (get_options_f)loaded_function("libpangocairo-1.0.so.0", "pango_cairo_context_get_font_options");
    if (!(get_context && get_options)) {
        return 0;
    }
    void *context = get_context(layout);
    return set_unrounded(context, get_options(context), pangocairo_set_font_options());
}

// Whether `address` is code of Graphviz's pango plugin.
static int is_in_pango_plugin(void *address) {
    Dl_info info;
    return dladdr(address, &info) != 0 && info.dli_fname != NULL && strstr(info.dli_fname, "libgvplugin_pango") != NULL;
}

// The pango plugin sets its context's font options once, right after making it, through this
// function. The executable comes first in the dynamic linker's search, so the plugin's call lands
// here: the same options, unhinted and unrounded, before any text is measured. Otherwise the first
// measurement would load a font set only to be made again under the new options (1.5 to 2 ms of
// every render's start). Any other caller (a program that embeds the library and draws its own
// text with pango) gets pangocairo's function unchanged.
void pango_cairo_context_set_font_options(void *context, const void *options) {
    set_options_f set_options = pangocairo_set_font_options();
    if (set_options == NULL) {
        return;
    }
    if (!is_in_pango_plugin(__builtin_return_address(0)) || !set_unrounded(context, options, set_options)) {
        set_options(context, options);
    }
}

int cgraphviz_interposes_font_options(void) {
    return dlsym(RTLD_DEFAULT, "pango_cairo_context_set_font_options") == (void *)pango_cairo_context_set_font_options;
}

int cgraphviz_text_is_unrounded(void) {
    return atomic_load(&unrounded);
}
