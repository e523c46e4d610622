#define _GNU_SOURCE
#include "CGraphvizText.h"

#include <dlfcn.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>

// The files a measurement depends on, for a cache of measurements to check that none has changed:
// every shared library loaded (pango, HarfBuzz, FreeType, fontconfig and what they need), and
// fontconfig's configuration files, their folders and its font folders. Fontconfig decides whether
// its own cache of fonts is current by those folders' times; a font added, removed or replaced by a
// package changes its folder's.

typedef struct {
    char *bytes;
    size_t length, capacity;
    int failed;
} path_list;

static void append(path_list *list, const char *path) {
    size_t length = strlen(path);
    if (list->failed || length == 0) {
        return;
    }
    if (list->length + length + 1 > list->capacity) {
        size_t capacity = (list->capacity + length + 1) * 2;
        char *bytes = realloc(list->bytes, capacity);
        if (bytes == NULL) {
            list->failed = 1;
            return;
        }
        list->bytes = bytes;
        list->capacity = capacity;
    }
    memcpy(list->bytes + list->length, path, length + 1);
    list->length += length + 1;
}

static int append_library(struct dl_phdr_info *info, size_t size, void *list) {
    (void)size;
    append(list, info->dlpi_name); // the executable's own name is empty: the caller adds it
    return 0;
}

typedef void *(*string_list_function)(void *config);

static void append_fontconfig_list(path_list *list, void *fontconfig, const char *name) {
    if (fontconfig == NULL) {
        list->failed = 1;
        return;
    }
    string_list_function get = (string_list_function)dlsym(fontconfig, name);
    const char *(*next)(void *) = (const char *(*)(void *))dlsym(fontconfig, "FcStrListNext");
    void (*done)(void *) = (void (*)(void *))dlsym(fontconfig, "FcStrListDone");
    if (get == NULL || next == NULL || done == NULL) {
        list->failed = 1;
        return;
    }
    void *strings = get(NULL);
    if (strings == NULL) {
        list->failed = 1;
        return;
    }
    for (const char *path = next(strings); path != NULL; path = next(strings)) {
        append(list, path);
    }
    done(strings);
}

char *cgraphviz_text_environment_paths(cgraphviz_text_environment_part part, size_t *length) {
    if (!cgraphviz_text_lanes_load()) {
        return NULL;
    }
    path_list list = {0};
    void *fontconfig = dlopen("libfontconfig.so.1", RTLD_LAZY | RTLD_NOLOAD);
    switch (part) {
    case cgraphviz_loaded_libraries:
        dl_iterate_phdr(append_library, &list);
        break;
    case cgraphviz_font_configuration_files:
        append_fontconfig_list(&list, fontconfig, "FcConfigGetConfigFiles");
        append_fontconfig_list(&list, fontconfig, "FcConfigGetConfigDirs");
        break;
    case cgraphviz_font_folders:
        append_fontconfig_list(&list, fontconfig, "FcConfigGetFontDirs");
        break;
    }
    if (fontconfig != NULL) {
        dlclose(fontconfig);
    }
    if (list.failed) {
        free(list.bytes);
        return NULL;
    }
    *length = list.length;
    return list.bytes;
}
