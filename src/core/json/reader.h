/*
 * reader.h: a strict JSON reader (private), for the C tools and tests: the
 * graftql-c tool reads variables and root values with it and the JSON host
 * (json/host.h) runs executions over what it reads.
 *
 * RFC 8259 and nothing more: one value of any kind at the top, whitespace
 * only as space, tab, CR and LF, no comments, no trailing commas, no NaN or
 * Infinity, strings in valid UTF-8 (no overlong forms, no surrogates) with
 * the standard escapes, a \u escape of a surrogate only as half of a pair.
 * Nesting is limited (max_depth arrays and objects), so hostile input ends
 * in an error, never in a stack overflow.
 *
 * The tree is what Python's json.loads makes of the text, which is what
 * graphql-core would see: a number without a fraction or exponent is an int
 * (of any size: json.loads refuses more than 4300 digits and so does the
 * reader), the others floats (1e400 is inf, as float() makes it); an object
 * that repeats a key keeps the key where it first appears with the value it
 * last has (dict(pairs)).
 *
 * Nodes are immutable and live in the document's arena; gql_json_doc_free
 * releases everything in one call.
 */
#ifndef GQL_JSON_READER_H
#define GQL_JSON_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "graftql.h"
#include "json/writer.h"

#define GQL_JSON_DEFAULT_MAX_DEPTH 512u   /* arrays and objects nested */
#define GQL_JSON_MAX_DEPTH_CEILING 4096u  /* max_depth may not exceed this */

typedef enum gql_json_kind {
    GQL_JSON_NULL,
    GQL_JSON_BOOL,
    GQL_JSON_INT,     /* no fraction or exponent: a Python int */
    GQL_JSON_FLOAT,   /* a Python float */
    GQL_JSON_STRING,
    GQL_JSON_ARRAY,
    GQL_JSON_OBJECT
} gql_json_kind;

typedef struct gql_json gql_json;

typedef struct gql_json_member {
    gql_text key;    /* decoded UTF-8, NUL-terminated */
    gql_json *value; /* its value */
} gql_json_member;

struct gql_json {
    uint8_t kind;     /* gql_json_kind */
    bool boolean;     /* BOOL: its value */
    bool fits;        /* INT: i64 holds the value exactly */
    uint32_t cap;     /* ARRAY, OBJECT built by a host: slots allocated */
    size_t count;     /* ARRAY: items; OBJECT: members */
    int64_t i64;      /* INT when fits */
    double f64;       /* INT, FLOAT: float() of the number (inf past the range) */
    gql_text text;    /* INT, FLOAT: the number as written; STRING: decoded UTF-8 */
    union {
        gql_json **items;          /* ARRAY */
        gql_json_member *members;  /* OBJECT, keys in order */
    } u;
};

typedef struct gql_json_doc gql_json_doc;

/*
 * Read text[0, length) as one JSON value, at most max_depth arrays and
 * objects deep (0: GQL_JSON_DEFAULT_MAX_DEPTH; at most
 * GQL_JSON_MAX_DEPTH_CEILING). Returns the document, or NULL with *err set
 * (err must be {0}): GQL_ERR_SYNTAX with a message that names the byte
 * offset ("Expecting value at byte 3") and err->offset, GQL_ERR_LIMIT for
 * nesting past max_depth, GQL_ERR_NOMEM, or GQL_ERR_ARG for a max_depth
 * above the ceiling.
 */
gql_json_doc *gql_json_parse(const char *text, size_t length, uint32_t max_depth,
                             gql_error *err);

const gql_json *gql_json_doc_root(const gql_json_doc *doc);

void gql_json_doc_free(gql_json_doc *doc);

/* The member of an object named key[0, len), or NULL (also for a value that
 * is not an object). */
const gql_json *gql_json_get(const gql_json *object, const char *key, size_t len);

/* Write a value as json.dumps(value, separators=(",", ":"),
 * ensure_ascii=False) writes the Python value json.loads made of it: ints
 * as their digits, floats as repr() (NaN and the infinities as NaN,
 * Infinity and -Infinity, as json.dumps does). False when w ran out of
 * memory or the value nests more than GQL_JSON_MAX_DEPTH_CEILING deep. */
bool gql_json_write(gql_json_writer *w, const gql_json *value);

#endif /* GQL_JSON_READER_H */
