/*
 * test_subscription_root_conditionals.c: gql_subscription_root_conditionals,
 * the September 2025 ban of @skip and @include at the top level of a
 * subscription, run on every subscription operation by a rule of this test
 * (SingleFieldSubscriptionsRule calls it the same way). Expectations:
 * gen/validation_cases/subscription_root_conditionals.py, from the Python
 * rule of gen/sept2025_rules.py; and out of memory at every allocation.
 */
#include "validation/rules/rules.h"
#include "validation_harness.h"

#include "validation_cases/subscription_root_conditionals.h"

static gql_visit_action enter_operation(gql_validation_context *ctx, void *st,
                                        const gql_node *n) {
    (void)st;
    if (n->flags == GQL_SUBSCRIPTION)
        gql_subscription_root_conditionals(ctx, (const gql_operation_definition *)n);
    return ctx->nomem ? GQL_VISIT_BREAK : GQL_VISIT_CONTINUE;
}

static const gql_rule check_rule = {
    .name = RULE_NAME,
    .enter = {[GQL_OPERATION_DEFINITION] = enter_operation},
};

static void test_cases(void) {
    for (size_t i = 0; i < sizeof rule_cases / sizeof rule_cases[0]; i++)
        vh_expect_errors_with(&check_rule, &rule_cases[i]);
}

/* Out of memory at every allocation of the walk and the report. */
static void test_out_of_memory(void) {
    vh_check_out_of_memory(
        &check_rule, 0,
        "subscription S { ...F ... on Subscription { userOnline @include(if: true) { id } } }\n"
        "fragment F on Subscription { reviewAdded @skip(if: true) { id } ...F ...G }\n"
        "fragment G on Subscription { ... { ... { userOnline @skip(if: true) { id } } } }\n");
}

int main(void) {
    RUN(test_cases);
    RUN(test_out_of_memory);
    vh_release_schemas();
    return gql_test_summary();
}
