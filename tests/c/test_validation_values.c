/*
 * test_validation_values.c: the argument and value rules (KnownArgumentNames,
 * ProvidedRequiredArguments, ValuesOfCorrectType, VariablesInAllowedPosition,
 * KnownOperationTypes) under gql_validate with the n-th allocation failing,
 * for every n: each run reports out of memory or gives the errors of an
 * unhindered run. Their graphql-core cases are the test_rule_<rule> tables
 * (gen/validation_cases).
 */
#include "validation_harness.h"

/* Every message these rules build: suggestions, printed values and types,
 * enum suggestions, required and unknown fields, @oneOf, variables, an
 * unsupported operation. */
static void test_out_of_memory(void) {
    vh_check_out_of_memory(
        NULL, 3,
        "query Q($a: Int, $id: ID, $s: Shape = {points: [], points: []}, $bad: Int = \"x\")"
        " @limit {\n"
        "  int(v: \"3\") nnInt(v: $a) float(v: true) color(v: GREED) c: color(v: \"RED\")\n"
        "  d: color(v: [RED]) shape(v: {colour: RED, nested: {}}) pick(v: {id: $id})\n"
        "  p: pick(v: {}) q: pick(v: {id: null}) multi(e: 1) badDefault\n"
        "  ints(v: [1, \"x\"]) url(v: null) json(v: {a: 1}) holder(v: {picks: [{name: $id}]})\n"
        "  self { int(w: 1) @skip(iff: true) @include }\n"
        "}\n"
        "mutation { int }\n");
}

int main(void) {
    RUN(test_out_of_memory);
    vh_release_schemas();
    return gql_test_summary();
}
