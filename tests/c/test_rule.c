/*
 * test_rule.c: the cases of one validation rule (built once per rule, with
 * RULE_CASES naming its generated table validation_cases/<rule>.h and
 * RULE_NAME graphql-core's class name): each query validated with that
 * rule alone gives graphql-core 3.2.14's errors, in its order.
 */
#include "validation_harness.h"

#include RULE_CASES

static void test_cases(void) {
    vh_run_cases(RULE_NAME, rule_cases, sizeof rule_cases / sizeof rule_cases[0]);
}

int main(void) {
    RUN(test_cases);
    vh_release_schemas();
    return gql_test_summary();
}
