/*
 * fuzz_execute.c: libFuzzer target for execution. Each input is a query, a
 * NUL and a JSON root value, then a NUL and JSON variables (both optional);
 * the property is in execute_check.c (shared with the regression replay
 * test). A broken property aborts, which libFuzzer reports as a crash
 * (fuzz/README.md).
 */
#include <stdio.h>
#include <stdlib.h>

#include "execute_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *problem = gql_fuzz_check_execute(data, size);
    if (problem) {
        fprintf(stderr, "fuzz_execute: %s\n", problem);
        abort();
    }
    return 0;
}
