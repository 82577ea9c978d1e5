/*
 * inspect.h: graphql-core's inspect() for the messages that quote a value
 * (private). graphql-core writes values the way Python's repr() does
 * ('single quotes', None, True, [1, 2], {'a': 1}), cut to 240 characters
 * per string or number, 10 items per list or dict (the first five, "...",
 * the last four) and two levels of nesting ("[...]", "{...}" below).
 *
 * The values here are GraphQL literals read without a type, as
 * graphql-core's value_from_ast_untyped reads them for a custom scalar:
 * objects become dicts (a repeated key keeps its first place and its last
 * value), enum values strings, ints Python ints (NaN past Python's 4300
 * digit limit), floats Python floats.
 */
#ifndef GQL_INSPECT_H
#define GQL_INSPECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "graftql.h"
#include "strbuf.h"

/* Python's digit limit for int(str) (sys.int_info.default_max_str_digits). */
#define GQL_PY_INT_MAX_STR_DIGITS 4300

/* Whether Python's str.isprintable() holds for the code point (printable.c). */
bool gql_py_isprintable(uint32_t cp);

/* float(text) in Python for a GraphQL Int or Float literal's text (strtod
 * without the locale's decimal point: the mantissa is passed as digits and
 * an exponent). *nomem is set when a long literal's copy fails. */
double gql_py_float(const gql_text *text, bool *nomem);

/* Append Python's repr() of the UTF-8 string s[0, n) to b, uncut. */
void gql_py_repr_string(gql_strbuf *b, const char *s, size_t n);

/* Append graphql-core's inspect(value_from_ast_untyped(value)) of a const
 * value (a variable shows as Undefined: there are no values to read it
 * from). Out of memory leaves b in its nomem state. */
void gql_inspect_untyped(gql_strbuf *b, const gql_node *value);

#endif /* GQL_INSPECT_H */
