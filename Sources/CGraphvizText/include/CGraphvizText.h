#ifndef CGRAPHVIZ_TEXT_H
#define CGRAPHVIZ_TEXT_H

#include <pthread.h>
#include <stddef.h>

// How Graphviz's pango plugin sets text: with the font's own advances, unhinted and unrounded.
// Graphviz's plugin measures and sets all text in one pango context it makes on first use, with
// hinted metrics and glyph positions rounded to whole 96 dpi pixels: at 8 pt every advance became a
// multiple of 0.75 pt, and cairo, drawing those positions in a PNG at 144 dpi or in a PDF, ran words
// together ("Moment oftruth").

// Turns glyph rounding and metric hinting off in the context `layout` (a PangoLayout) names, keeping
// its other font options. Returns 1 when the context was changed, 0 without the functions.
int cgraphviz_unround_layout_context(void *layout);

// Whether this process answers the plugin's own `pango_cairo_context_set_font_options` (see
// text_options.c): the executable exports the symbol, so the context is made unrounded before it
// measures anything. Without it, measure once and change the context through a layout.
int cgraphviz_interposes_font_options(void);

// Whether the plugin's context was made unrounded, either way.
int cgraphviz_text_is_unrounded(void);

// Starts reading fontconfig's configuration (FcInit) on `thread`, to run while pango loads (see
// font_configuration.c and text_lane.c). Returns 0, with no thread, when fontconfig is not installed.
int cgraphviz_start_font_configuration(pthread_t *thread);

// Waits for the thread `cgraphviz_start_font_configuration` started.
void cgraphviz_finish_font_configuration(pthread_t thread);

// Text measured as Graphviz's pango plugin measures a label's line (its set-up and its sums), in a
// pango context of a lane's own: lanes measure on threads of their own, beside Graphviz and each
// other, as pango allows one context per thread at a time (see text_lane.c).
typedef struct cgraphviz_text_lane cgraphviz_text_lane;

// Loads pango and cairo (the pango plugin's libraries) and reads fontconfig's configuration, once.
// Returns 0 when pango is not installed.
int cgraphviz_text_lanes_load(void);

// A lane with its own font map and context, kept for the process; NULL without pango.
cgraphviz_text_lane *cgraphviz_text_lane_create(void);

// The size Graphviz gives `text` set in `font` at `size` points, as `width` and `height` in points.
// Returns 0, setting neither, where pango gives no width: Graphviz then estimates the size.
int cgraphviz_text_lane_measure(cgraphviz_text_lane *lane, const char *font, double size, const char *text,
                                double *width, double *height);

// The files whose change can change what the lanes measure (see text_environment.c).
typedef enum {
    // Every shared library loaded.
    cgraphviz_loaded_libraries,
    // Fontconfig's configuration files and folders.
    cgraphviz_font_configuration_files,
    // Fontconfig's font folders, each with the folders below it.
    cgraphviz_font_folders,
} cgraphviz_text_environment_part;

// The paths of one part of the files whose change can change what the lanes measure, each ended by
// a NUL, `length` bytes in all, in memory the caller frees; NULL without pango or fontconfig. Loads
// them first.
char *cgraphviz_text_environment_paths(cgraphviz_text_environment_part part, size_t *length);

#endif
