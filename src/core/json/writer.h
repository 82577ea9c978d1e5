/*
 * writer.h: the JSON writer of the core (private). Introspection writes its
 * result with it and the executor writes responses with it. The output is
 * byte for byte what Python's json.dumps(obj, separators=(",", ":"),
 * ensure_ascii=False) gives, which is what graftql promises for to_json():
 *
 *   strings  '"' and '\\' escaped, \n \r \t \b \f as short escapes, other
 *            bytes below 0x20 as \u00XX (lowercase hex); everything else,
 *            DEL and U+2028 included, copied as UTF-8;
 *   numbers  integers in decimal; floats as Python's repr() writes them
 *            (the shortest digits that read back as the same double,
 *            "1e+16", "1e-05", "1.0"); NaN and infinities are refused;
 *   the rest true, false, null; no spaces anywhere.
 *
 * The writer keeps one bit of state, whether the next value needs a comma
 * before it, so callers emit keys and values in order and never write a
 * separator themselves. It does not check that calls nest properly.
 *
 * Memory comes from gql_realloc. After a failed allocation the writer is in
 * its "nomem" state and ignores every further call; check once at the end
 * (gql_json_writer_finish returns NULL).
 */
#ifndef GQL_JSON_WRITER_H
#define GQL_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct gql_json_writer {
    char *buf;    /* output; NULL until the first write */
    size_t len;   /* bytes written */
    size_t cap;   /* bytes allocated (one always kept for a final NUL) */
    bool comma;   /* a value ended: the next key or value needs a comma */
    bool nomem;   /* an allocation failed: everything after is dropped */
} gql_json_writer;

#define GQL_JSON_WRITER_INIT {NULL, 0, 0, false, false}

void gql_json_writer_init(gql_json_writer *w);

/* Release the buffer (also after a failed allocation). */
void gql_json_writer_free(gql_json_writer *w);

/* Hand the output over: a NUL-terminated buffer to release with gql_free,
 * its length in *length if not NULL; NULL when an allocation failed. The
 * writer is empty afterwards either way. */
char *gql_json_writer_finish(gql_json_writer *w, size_t *length);

void gql_json_begin_object(gql_json_writer *w);
void gql_json_end_object(gql_json_writer *w);
void gql_json_begin_array(gql_json_writer *w);
void gql_json_end_array(gql_json_writer *w);

/* An object key, escaped as a string. */
void gql_json_key(gql_json_writer *w, const char *s, size_t n);

/* An object key known to need no escaping (a GraphQL name). */
void gql_json_key_name(gql_json_writer *w, const char *s, size_t n);

void gql_json_string(gql_json_writer *w, const char *s, size_t n);
void gql_json_null(gql_json_writer *w);
void gql_json_bool(gql_json_writer *w, bool value);
void gql_json_int(gql_json_writer *w, int64_t value);

/* A float as Python's repr() writes it. False (nothing written) for NaN and
 * the infinities, which json.dumps would write as NaN and Infinity, not
 * JSON: the caller reports them as graphql-core does. */
bool gql_json_double(gql_json_writer *w, double value);

/* A value already encoded as JSON (a number's digits, a cached fragment). */
void gql_json_raw(gql_json_writer *w, const char *s, size_t n);

/* The longest text gql_format_double writes, NUL included. */
#define GQL_DOUBLE_REPR_MAX 32

/*
 * Python's repr(value) (which is also str(value)) for a finite double:
 * the shortest decimal digits that read back as value (David Gay's mode 0,
 * as Python uses), written in fixed notation when the decimal exponent is
 * from -4 to 15 ("0.0001", "1e-05", "1000000000000000.0", "1e+16") with
 * ".0" added to integral values. Writes a NUL-terminated string into out
 * and returns its length; 0 (out empty) for NaN and the infinities.
 */
size_t gql_format_double(double value, char out[GQL_DOUBLE_REPR_MAX]);

#endif /* GQL_JSON_WRITER_H */
