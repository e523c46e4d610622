#include "CGraphvizText.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

// Fontconfig reads its configuration (some forty XML files and the font caches) when pango first
// needs a font, on the thread that measures, after pango's libraries have loaded: two waits of 4 to
// 5 ms each, one after the other. Read on a thread of its own, it is ready when pango is.

static void *read_configuration(void *init) {
    ((int (*)(void))init)();
    return NULL;
}

int cgraphviz_start_font_configuration(pthread_t *thread) {
    // Loaded here, before the plugins: two threads loading libraries take turns at the dynamic
    // linker's lock, and the configuration would not start until the plugins were in.
    void *fontconfig = dlopen("libfontconfig.so.1", RTLD_NOW | RTLD_LOCAL);
    void *init = fontconfig != NULL ? dlsym(fontconfig, "FcInit") : NULL;
    return init != NULL && pthread_create(thread, NULL, read_configuration, init) == 0;
}

void cgraphviz_finish_font_configuration(pthread_t thread) {
    pthread_join(thread, NULL);
}
