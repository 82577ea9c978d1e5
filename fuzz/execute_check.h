/*
 * execute_check.h: the property the execution fuzz target checks, shared by
 * the libFuzzer target (fuzz_execute.c) and the C test that replays saved
 * inputs without libFuzzer (tests/c/test_fuzz_regressions.c).
 */
#ifndef GQL_FUZZ_EXECUTE_CHECK_H
#define GQL_FUZZ_EXECUTE_CHECK_H

#include <stddef.h>
#include <stdint.h>

/*
 * data is QUERY [NUL DATA [NUL VARIABLES]]: QUERY is parsed and validated
 * against one fixed schema; when valid it is executed over the JSON host
 * with DATA as the root value (a fixed document when DATA is absent, empty
 * or not JSON) and VARIABLES (any JSON; none when absent or not JSON).
 * Whatever the input, nothing may crash or leak; the run must end done, its
 * response must be JSON that reads back with one "errors" entry per error
 * and "data" exactly when there is no request error, every error must have
 * a message and a path (or be a request error, without one). Then the
 * execution runs again with one of its allocations failing (chosen from the
 * input): it must end out of memory, or as if nothing failed. Returns NULL
 * when all holds, else a constant description of the broken property.
 */
const char *gql_fuzz_check_execute(const uint8_t *data, size_t size);

#endif
