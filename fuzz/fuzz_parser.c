/*
 * fuzz_parser.c: libFuzzer target for the parser and printer. The property
 * is in parser_check.c (shared with the regression replay test); a broken
 * property aborts, which libFuzzer reports as a crash. See fuzz/README.md.
 */
#include <stdio.h>
#include <stdlib.h>

#include "parser_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *problem = gql_fuzz_check_parser(data, size);
    if (problem) {
        fprintf(stderr, "fuzz_parser: %s\n", problem);
        abort();
    }
    return 0;
}
