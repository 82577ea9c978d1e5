/*
 * parser_check.h: the property the parser fuzz target checks, shared by the
 * libFuzzer target (fuzz_parser.c) and the C test that replays saved inputs
 * without libFuzzer (tests/c/test_fuzz_regressions.c).
 */
#ifndef GQL_FUZZ_PARSER_CHECK_H
#define GQL_FUZZ_PARSER_CHECK_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parse data with the default options and with small limits. Whatever the
 * input, nothing may crash or leak, and a failed parse must come with an
 * error inside the source. A document that parses must print, re-parse and
 * print again to the same text, with the same number of nodes. Returns NULL
 * when all holds, else a constant description of the broken property.
 */
const char *gql_fuzz_check_parser(const uint8_t *data, size_t size);

#endif
