/* parser_check.c: see parser_check.h. */
#include "parser_check.h"

#include <stdlib.h>
#include <string.h>

#include "graftql.h"

/*=== MARK: A counting allocator that can fail =============================*/

/* Every allocation of the core is counted; once `left` reaches 0, the next
   ones fail. SIZE_MAX: never fail. */
static size_t allocations, left = SIZE_MAX;
static size_t allocations_to_print;  /* allocations up to the first print */

static void *take(void) {
    allocations++;
    if (left == 0) return NULL;
    if (left != SIZE_MAX) left--;
    return (void *)1;
}
static void *counting_malloc(void *ctx, size_t size) {
    (void)ctx;
    return take() ? malloc(size) : NULL;
}
static void *counting_realloc(void *ctx, void *ptr, size_t size) {
    (void)ctx;
    return take() ? realloc(ptr, size) : NULL;
}
static void counting_free(void *ctx, void *ptr) {
    (void)ctx;
    free(ptr);
}

/*=== MARK: Properties =====================================================*/

static gql_visit_action count_node(const gql_node *node, const gql_node *parent, void *user) {
    (void)node;
    (void)parent;
    (*(size_t *)user)++;
    return GQL_VISIT_CONTINUE;
}

static size_t count_nodes(const gql_document *doc) {
    static gql_visitor counter;
    if (!counter.enter[0])
        for (int k = 0; k < GQL_KIND_COUNT; k++) counter.enter[k] = count_node;
    size_t n = 0;
    gql_visit(&gql_document_root(doc)->base, &counter, &n);
    return n;
}

/* A failed parse: an error code, a message and an offset inside the source. */
static const char *check_failure(const gql_error *err, const char *src, size_t size) {
    if (err->code == GQL_OK || !err->message) return "gql_parse returned NULL without an error";
    if (err->offset > size) return "error offset past the end of the source";
    gql_location loc = gql_locate(src, size, err->offset);
    if (loc.line == 0) return "error line not 1-based";
    /* Column 0 only between "\r" and "\n", as graphql-core computes it. */
    bool inside_crlf = err->offset > 0 && err->offset < size && src[err->offset - 1] == '\r' &&
                       src[err->offset] == '\n';
    if (loc.column == 0 && !inside_crlf) return "error column not 1-based";
    return NULL;
}

/* Whether a definition with an optional { } body is printed without one. */
static bool prints_without_body(const gql_node *def) {
    switch ((gql_kind)def->kind) {
    case GQL_OBJECT_TYPE_DEFINITION:
    case GQL_OBJECT_TYPE_EXTENSION:
    case GQL_INTERFACE_TYPE_DEFINITION:
    case GQL_INTERFACE_TYPE_EXTENSION:
    case GQL_ENUM_TYPE_DEFINITION:
    case GQL_ENUM_TYPE_EXTENSION:
    case GQL_INPUT_OBJECT_TYPE_DEFINITION:
    case GQL_INPUT_OBJECT_TYPE_EXTENSION:
        return ((const gql_type_definition *)def)->members.count == 0;
    case GQL_SCHEMA_EXTENSION:
        return ((const gql_schema_definition *)def)->operation_types.count == 0;
    default:
        return false;
    }
}

/*
 * graphql-core's printer (and so graftql's, byte for byte) prints a query
 * with no name, variables, directives or description as a bare selection
 * set. After a definition printed without its { } body ("type T"), that
 * selection set reads back as the body: `type T` then `query { a }` prints
 * as "type T\n\n{\n  a\n}", which does not parse back the same. Such
 * documents are exempt from the round trip.
 */
static bool prints_ambiguously(const gql_document *doc) {
    const gql_list *defs = &gql_document_root(doc)->definitions;
    for (uint32_t i = 1; i < defs->count; i++) {
        const gql_operation_definition *op = (const gql_operation_definition *)defs->items[i];
        if (op->base.kind != GQL_OPERATION_DEFINITION || op->base.flags != GQL_QUERY ||
            op->name || op->description || op->variable_definitions.count ||
            op->directives.count)
            continue;
        if (prints_without_body(defs->items[i - 1])) return true;
    }
    return false;
}

/* A parsed document: print, re-parse the printed text, print again. */
static const char *check_round_trip(const gql_document *doc, const gql_parse_options *options) {
    size_t len1 = 0, len2 = 0;
    char *text1 = gql_print(&gql_document_root(doc)->base, &len1);
    allocations_to_print = allocations;
    if (!text1) return "gql_print returned NULL";
    /* The text may hold NUL bytes (a block string keeps them raw, as in
       graphql-core): compare lengths, not strlen. The printed text has no
       comments and its own indentation: only the depth limit carries over. */
    gql_parse_options reparse = *options;
    reparse.max_tokens = 0;
    reparse.max_source_length = 0;
    gql_error err = {0};
    gql_document *doc2 = gql_parse(text1, len1, &reparse, &err);
    const char *problem = NULL;
    if (!doc2) {
        problem = "the printed document does not parse";
    } else {
        char *text2 = gql_print(&gql_document_root(doc2)->base, &len2);
        if (!text2)
            problem = "gql_print returned NULL";
        else if (len1 != len2 || memcmp(text1, text2, len1) != 0)
            problem = "printing the re-parsed document gives a different text";
        else if (count_nodes(doc) != count_nodes(doc2))
            problem = "the re-parsed document has a different number of nodes";
        gql_free(text2);
    }
    if (problem && prints_ambiguously(doc)) problem = NULL;
    gql_error_clear(&err);
    gql_document_free(doc2);
    gql_free(text1);
    return problem;
}

/* Parse and print again with allocation number `fail_at` failing: the result
   is an out-of-memory error or a success, never anything else; what was
   allocated is released (the sanitizers check that). */
static const char *check_out_of_memory(const char *src, size_t size, size_t fail_at,
                                       bool parses) {
    gql_error err = {0};
    const char *problem = NULL;
    left = fail_at;
    gql_document *doc = gql_parse(src, size, NULL, &err);
    if (doc) {
        gql_free(gql_print(&gql_document_root(doc)->base, NULL));
        if (!parses) problem = "parses only when an allocation fails";
    } else if (err.code == GQL_ERR_NOMEM) {
        if (!err.message) problem = "out-of-memory error without a message";
    } else if (parses) {
        problem = "a failed allocation gives an error other than out of memory";
    }
    left = SIZE_MAX;
    gql_error_clear(&err);
    gql_document_free(doc);
    return problem;
}

static size_t fnv1a(const uint8_t *data, size_t size) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++) h = (h ^ data[i]) * 16777619u;
    return h;
}

const char *gql_fuzz_check_parser(const uint8_t *data, size_t size) {
    static bool allocator_set;
    if (!allocator_set) {
        static const gql_allocator counting = {counting_malloc, counting_realloc,
                                               counting_free, NULL};
        gql_set_allocator(&counting);
        allocator_set = true;
    }
    const char *src = (const char *)data;
    const char *problem = NULL;

    gql_parse_options defaults;
    gql_parse_options_init(&defaults);
    gql_error err = {0};
    allocations = 0;
    gql_document *doc = gql_parse(src, size, &defaults, &err);
    allocations_to_print = allocations;
    problem = doc ? check_round_trip(doc, &defaults) : check_failure(&err, src, size);
    size_t budget = allocations_to_print;
    gql_error_clear(&err);

    /* Small limits reach the limit paths; without locations, the other branch
       of every node constructor. */
    if (!problem) {
        gql_parse_options small = defaults;
        small.max_tokens = 40;
        small.max_depth = 4;
        small.max_source_length = 200;
        small.no_location = true;
        gql_document *limited = gql_parse(src, size, &small, &err);
        if (!limited)
            problem = check_failure(&err, src, size);
        else if (!doc)
            problem = "parses with small limits but not with the defaults";
        else
            problem = check_round_trip(limited, &small);
        gql_error_clear(&err);
        gql_document_free(limited);
    }

    /* One allocation of the parse and print (chosen by the input) fails. */
    if (!problem && budget > 0)
        problem = check_out_of_memory(src, size, fnv1a(data, size) % budget, doc != NULL);
    gql_document_free(doc);
    return problem;
}
