/*
 * test_fuzz_regressions.c: replays, without libFuzzer, every input saved
 * under fuzz/regressions/parser and fuzz/regressions/execute (crashes the
 * fuzzers once found) and the seed corpora fuzz/corpus/parser and
 * fuzz/corpus/execute through the fuzz targets' own properties
 * (fuzz/parser_check.c, fuzz/execute_check.c), so a fixed crash stays fixed
 * in every build, sanitized or not. Files whose names start with '.' are
 * skipped.
 */
#include <dirent.h>
#include <stdlib.h>

#include "execute_check.h"
#include "harness.h"
#include "parser_check.h"

#ifndef GQL_FUZZ_DIR
#define GQL_FUZZ_DIR "fuzz"
#endif

static char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown) free(buf);
            buf = grown;
        }
    }
    fclose(f);
    *length = n;
    return buf;
}

typedef const char *(*fuzz_check)(const uint8_t *data, size_t size);

/* Check every file of dir; returns how many were replayed. */
static int replay_dir(const char *dir, fuzz_check check) {
    DIR *d = opendir(dir);
    if (!d) {
        gql_test_fail(__FILE__, __LINE__, "cannot open %s", dir);
        return 0;
    }
    int replayed = 0;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
        size_t length = 0;
        char *data = read_file(path, &length);
        if (!data) {
            gql_test_fail(__FILE__, __LINE__, "cannot read %s", path);
            continue;
        }
        const char *problem = check((const uint8_t *)data, length);
        if (problem) gql_test_fail(__FILE__, __LINE__, "%s: %s", path, problem);
        free(data);
        replayed++;
    }
    closedir(d);
    return replayed;
}

static void test_regressions(void) {
    replay_dir(GQL_FUZZ_DIR "/regressions/parser", gql_fuzz_check_parser);
}

static void test_seed_corpus(void) {
    CHECK(replay_dir(GQL_FUZZ_DIR "/corpus/parser", gql_fuzz_check_parser) >= 10);
}

/* After the parser's: the execute check sets an allocator of its own. */
static void test_execute_regressions(void) {
    replay_dir(GQL_FUZZ_DIR "/regressions/execute", gql_fuzz_check_execute);
}

static void test_execute_seed_corpus(void) {
    CHECK(replay_dir(GQL_FUZZ_DIR "/corpus/execute", gql_fuzz_check_execute) >= 5);
}

int main(void) {
    RUN(test_regressions);
    RUN(test_seed_corpus);
    RUN(test_execute_regressions);
    RUN(test_execute_seed_corpus);
    return gql_test_summary();
}
