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

/*
 * The pieces of graphql-core's inspect() for hosts that inspect values of
 * their own (the JSON host), so that every inspect cuts the same way:
 */
#define GQL_INSPECT_MAX_DEPTH 2  /* max_recursive_depth: "[...]", "{...}" below */
#define GQL_INSPECT_MAX_LIST 10  /* max_list_size: trunc_list */

/* trunc_str(repr(s)) of the UTF-8 string s[0, n). */
void gql_inspect_str(gql_strbuf *b, const char *s, size_t n);

/* trunc_str(repr(int(text))) of an integer's decimal text (an optional
 * minus, then digits); "nan" past Python's digit limit. */
void gql_inspect_int_text(gql_strbuf *b, const char *s, size_t n);

/* repr(float): "1.0", "1e+16", "nan", "inf", "-inf". */
void gql_inspect_float(gql_strbuf *b, double d);

/* trunc_list over count items: at index i of a loop over them (after the
 * ", " separator), true means "..." goes there instead of item i, and *i
 * was moved so that the loop's i++ lands on the last four items. */
static inline bool gql_inspect_cut(size_t count, size_t *i) {
    if (count <= GQL_INSPECT_MAX_LIST || *i != GQL_INSPECT_MAX_LIST / 2) return false;
    *i = count - (GQL_INSPECT_MAX_LIST / 2 - 1) - 1;
    return true;
}

/* Append graphql-core's inspect(value_from_ast_untyped(value)) of a const
 * value (a variable shows as Undefined: there are no values to read it
 * from). Out of memory leaves b in its nomem state. */
void gql_inspect_untyped(gql_strbuf *b, const gql_node *value);

#endif /* GQL_INSPECT_H */
