/*
 * printer.h: string helpers of the printer (private), shared with the other
 * printers of the core: the SDL printer needs is_printable_as_block_string to
 * choose how to print a description, and stripping ignored characters needs
 * the minimized block string form. Each returns a NUL-terminated string to
 * release with gql_free, and its length in *length if length is not NULL,
 * or NULL when out of memory. Input is UTF-8 and may contain NUL bytes.
 */
#ifndef GQL_PRINTER_H
#define GQL_PRINTER_H

#include <stdbool.h>
#include <stddef.h>

/* graphql-core's is_printable_as_block_string: whether value survives a
 * round trip through block string syntax unchanged. */
bool gql_is_printable_as_block_string(const char *value, size_t len);

/* graphql-core's print_block_string(value, minimize). */
char *gql_print_block_string(const char *value, size_t len, bool minimize,
                             size_t *length);

/* graphql-core's print_string: a quoted string literal with escapes. */
char *gql_print_string(const char *value, size_t len, size_t *length);

#endif /* GQL_PRINTER_H */
