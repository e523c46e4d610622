#include "CGraphvizText.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// Pango, cairo and GObject as Graphviz's pango plugin links them, looked up by these types (no
// -dev headers here). A lane calls them only through this table.
typedef struct { int x, y, width, height; } pango_rectangle;
static struct {
    void *(*font_map_new)(void);
    void *(*create_context)(void *font_map);
    void (*set_resolution)(void *context, double dpi);
    void (*set_font_options)(void *context, const void *options);
    void (*set_round_glyph_positions)(void *context, int round);
    void *(*options_create)(void);
    void (*options_set_antialias)(void *options, int antialias);
    void (*options_set_subpixel_order)(void *options, int order);
    void (*options_set_hint_style)(void *options, int style);
    void (*options_set_hint_metrics)(void *options, int metrics);
    void (*options_destroy)(void *options);
    void *(*description_from_string)(const char *text);
    void (*description_set_size)(void *description, int size);
    void (*description_free)(void *description);
    void *(*layout_new)(void *context);
    void (*layout_set_text)(void *layout, const char *text, int length);
    void (*layout_set_font_description)(void *layout, const void *description);
    void (*layout_get_extents)(void *layout, pango_rectangle *ink, pango_rectangle *logical);
    void (*object_unref)(void *object);
} pango;
static int pango_is_loaded;
static pthread_once_t pango_loading = PTHREAD_ONCE_INIT;

enum {
    cairo_antialias_gray = 2,
    cairo_subpixel_order_bgr = 2,
    cairo_hint_style_none = 1,
    cairo_hint_metrics_off = 1,
};

static void *function(void *library, const char *name) {
    return library != NULL ? dlsym(library, name) : NULL;
}

static void load_pango_functions(void) {
    // The plugin's own libraries, loaded as it loads them. `pango_cairo_context_set_font_options` is
    // looked up in pangocairo itself: the executable's definition (text_options.c) stands in front
    // of it for the plugin only.
    void *pangocairo = dlopen("libpangocairo-1.0.so.0", RTLD_LAZY | RTLD_LOCAL);
    if (pangocairo == NULL) {
        return;
    }
    void *pango_library = dlopen("libpango-1.0.so.0", RTLD_LAZY | RTLD_NOLOAD);
    void *cairo = dlopen("libcairo.so.2", RTLD_LAZY | RTLD_NOLOAD);
    void *gobject = dlopen("libgobject-2.0.so.0", RTLD_LAZY | RTLD_NOLOAD);
    *(void **)&pango.font_map_new = function(pangocairo, "pango_cairo_font_map_new");
    *(void **)&pango.create_context = function(pango_library, "pango_font_map_create_context");
    *(void **)&pango.set_resolution = function(pangocairo, "pango_cairo_context_set_resolution");
    *(void **)&pango.set_font_options = function(pangocairo, "pango_cairo_context_set_font_options");
    *(void **)&pango.set_round_glyph_positions = function(pango_library, "pango_context_set_round_glyph_positions");
    *(void **)&pango.options_create = function(cairo, "cairo_font_options_create");
    *(void **)&pango.options_set_antialias = function(cairo, "cairo_font_options_set_antialias");
    *(void **)&pango.options_set_subpixel_order = function(cairo, "cairo_font_options_set_subpixel_order");
    *(void **)&pango.options_set_hint_style = function(cairo, "cairo_font_options_set_hint_style");
    *(void **)&pango.options_set_hint_metrics = function(cairo, "cairo_font_options_set_hint_metrics");
    *(void **)&pango.options_destroy = function(cairo, "cairo_font_options_destroy");
    *(void **)&pango.description_from_string = function(pango_library, "pango_font_description_from_string");
    *(void **)&pango.description_set_size = function(pango_library, "pango_font_description_set_size");
    *(void **)&pango.description_free = function(pango_library, "pango_font_description_free");
    *(void **)&pango.layout_new = function(pango_library, "pango_layout_new");
    *(void **)&pango.layout_set_text = function(pango_library, "pango_layout_set_text");
    *(void **)&pango.layout_set_font_description = function(pango_library, "pango_layout_set_font_description");
    *(void **)&pango.layout_get_extents = function(pango_library, "pango_layout_get_extents");
    *(void **)&pango.object_unref = function(gobject, "g_object_unref");
    void **table = (void **)&pango;
    for (size_t index = 0; index < sizeof pango / sizeof(void *); index++) {
        if (table[index] == NULL) {
            return;
        }
    }
    pango_is_loaded = 1;
}

static void load_pango(void) {
    // Fontconfig's configuration is read meanwhile, and read before any lane makes a font map: a
    // font map made sooner would read it a second time on pango's own thread.
    pthread_t font_configuration;
    int reads_font_configuration = cgraphviz_start_font_configuration(&font_configuration);
    load_pango_functions();
    if (reads_font_configuration) {
        cgraphviz_finish_font_configuration(font_configuration);
    }
}

int cgraphviz_text_lanes_load(void) {
    pthread_once(&pango_loading, load_pango);
    return pango_is_loaded;
}

struct cgraphviz_text_lane {
    void *context;
    // The font of the last measurement, as the plugin keeps it: most lines come in runs of one font.
    char *font;
    double size;
    void *description;
};

cgraphviz_text_lane *cgraphviz_text_lane_create(void) {
    if (!cgraphviz_text_lanes_load()) {
        return NULL;
    }
    cgraphviz_text_lane *lane = calloc(1, sizeof *lane);
    if (lane == NULL) {
        return NULL;
    }
    void *font_map = pango.font_map_new();
    lane->context = pango.create_context(font_map);
    pango.object_unref(font_map); // the context keeps it
    // The plugin's options (antialiasing and subpixel order only matter to drawing), with hinting and
    // rounding off as text_options.c answers the plugin, at the plugin's 96 dpi.
    void *options = pango.options_create();
    pango.options_set_antialias(options, cairo_antialias_gray);
    pango.options_set_subpixel_order(options, cairo_subpixel_order_bgr);
    pango.options_set_hint_style(options, cairo_hint_style_none);
    pango.options_set_hint_metrics(options, cairo_hint_metrics_off);
    pango.set_font_options(lane->context, options);
    pango.options_destroy(options);
    pango.set_resolution(lane->context, 96);
    pango.set_round_glyph_positions(lane->context, 0);
    return lane;
}

int cgraphviz_text_lane_measure(cgraphviz_text_lane *lane, const char *font, double size, const char *text,
                                double *width, double *height) {
    if (lane->font == NULL || strcmp(lane->font, font) != 0 || lane->size != size) {
        char *copy = strdup(font);
        if (copy == NULL) {
            return 0;
        }
        if (lane->description != NULL) {
            pango.description_free(lane->description);
        }
        free(lane->font);
        lane->font = copy;
        lane->size = size;
        lane->description = pango.description_from_string(font);
        pango.description_set_size(lane->description, (int)(size * 1024));
    }
    void *layout = pango.layout_new(lane->context);
    pango.layout_set_text(layout, text, -1);
    pango.layout_set_font_description(layout, lane->description);
    pango_rectangle logical;
    pango.layout_get_extents(layout, NULL, &logical);
    pango.object_unref(layout);
    if (logical.width == 0) {
        return 0;
    }
    // The plugin's sums: the width rounded up to a whole point (plus one where it is whole already),
    // the height from the size alone.
    double scale = 72.0 / (96.0 * 1024);
    *width = (int)(logical.width * scale + 1);
    *height = (int)(size * 1.1 + .5);
    return 1;
}
