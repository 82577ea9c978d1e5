/*
 * fuzz_validate.c: libFuzzer target for validation. Each input is parsed as
 * an executable document and validated against one fixed schema (built once)
 * with every specified rule; the properties are that validation terminates
 * without a sanitizer report, says valid or invalid consistently with the
 * errors it lists, and locates every error inside the source. A broken
 * property aborts, which libFuzzer reports as a crash (fuzz/README.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graftql.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A schema with every type kind, arguments of every input kind, @oneOf,
 * and all three roots, so that every rule has something to check. */
static const char schema_sdl[] =
    "schema { query: Query mutation: Mutation subscription: Subscription }\n"
    "interface Node { id: ID! }\n"
    "interface Named implements Node { id: ID! name(upper: Boolean = false): String }\n"
    "type User implements Node & Named { id: ID! name(upper: Boolean = false): String\n"
    "  orders(first: Int = 10, after: String, status: [Status!]): [Order!]!\n"
    "  friends(filter: UserFilter): [User] points: Float }\n"
    "type Order implements Node { id: ID! total: Float! items: [Item!]! status: Status }\n"
    "type Item { product: Product quantity: Int! }\n"
    "type Product implements Node & Named { id: ID! name(upper: Boolean = false): String "
    "price: Float }\n"
    "union SearchResult = User | Order | Product\n"
    "enum Status { OPEN PAID SHIPPED CANCELLED @deprecated(reason: \"gone\") }\n"
    "input UserFilter { name: String minPoints: Float = 0 status: [Status!] "
    "nested: UserFilter }\n"
    "input Lookup @oneOf { id: ID email: String }\n"
    "scalar DateTime\n"
    "directive @cached(ttl: Int!) repeatable on FIELD | QUERY\n"
    "type Query { me: User user(id: ID!): User lookup(by: Lookup!): User\n"
    "  search(text: String!, first: Int): [SearchResult!]! node(id: ID!): Node\n"
    "  now: DateTime }\n"
    "type Mutation { placeOrder(productId: ID!, quantity: Int! = 1): Order\n"
    "  redeem(points: Float!): User }\n"
    "type Subscription { orderUpdated(id: ID!): Order ping: Int }\n";

static gql_schema *schema;

static void build_schema(void) {
    gql_error err = {0};
    gql_parse_options options;
    gql_parse_options_init(&options);
    gql_document *sdl = gql_parse(schema_sdl, sizeof schema_sdl - 1, &options, &err);
    if (!sdl) {
        fprintf(stderr, "fuzz_validate: schema: %s\n", err.message);
        abort();
    }
    gql_error_list errors;
    gql_error_list_init(&errors);
    const gql_document *docs[1] = {sdl};
    schema = gql_schema_build(docs, 1, NULL, &errors);
    if (!schema || !gql_schema_is_valid(schema)) {
        fprintf(stderr, "fuzz_validate: schema invalid: %s\n",
                errors.count ? errors.items[0].message : "?");
        abort();
    }
    gql_error_list_clear(&errors);
    gql_document_free(sdl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!schema) build_schema();
    gql_error err = {0};
    gql_document *doc = gql_parse((const char *)data, size, NULL, &err);
    if (!doc) {
        gql_error_clear(&err);
        return 0;
    }
    gql_error_list errors;
    gql_error_list_init(&errors);
    gql_validate_options options;
    gql_validate_options_init(&options);
    options.suggestions = size % 2 == 0; /* both ways, from the input */
    gql_status status = gql_validate(schema, doc, &options, &errors);
    if (status != GQL_OK && status != GQL_ERR_INVALID) {
        fprintf(stderr, "fuzz_validate: status %d\n", (int)status);
        abort();
    }
    if ((status == GQL_OK) != (errors.count == 0)) {
        fprintf(stderr, "fuzz_validate: status %d with %zu errors\n", (int)status, errors.count);
        abort();
    }
    if (errors.count > options.max_errors + 1) {
        fprintf(stderr, "fuzz_validate: %zu errors past max_errors\n", errors.count);
        abort();
    }
    for (size_t i = 0; i < errors.count; i++) {
        const gql_diagnostic *d = &errors.items[i];
        if (!d->message || strlen(d->message) != d->message_len || !d->message_len) {
            fprintf(stderr, "fuzz_validate: error %zu has a bad message\n", i);
            abort();
        }
        for (uint32_t j = 0; j < d->location_count; j++)
            if (d->locations[j].source != 0 || d->locations[j].offset > size) {
                fprintf(stderr, "fuzz_validate: error %zu located outside the source\n", i);
                abort();
            }
    }
    gql_error_list_clear(&errors);
    gql_document_free(doc);
    return 0;
}
