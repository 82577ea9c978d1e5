/*
 * values_of_correct_type.c: graphql-core's ValuesOfCorrectTypeRule. Every
 * literal value is of the input type expected where it is written: leaf
 * values pass their type's parse_literal, lists and input objects hold
 * values of the right types, input objects give every required field and
 * no unknown one, @oneOf input objects exactly one non-null field, and no
 * null stands where a non-null type is expected. Variables are not checked
 * here (VariablesInAllowedPositionRule does).
 *
 * The walk does the nesting: the type info gives the type expected at each
 * value, so no callback recurses. A list or object value where its type
 * cannot take one is checked as one leaf (is_valid_value_node) and its
 * subtree skipped, as graphql-core does.
 *
 * parse_literal: the built-in scalars parse as graphql-core's do (Int within
 * 32 bits, Float from an int or float, String from a string, Boolean from a
 * boolean, ID from a string or an int), with their messages; enums accept
 * one of their value names. Custom scalars go through the caller's
 * parse_literal (gql_validate_options), graphql-core's type.parse_literal:
 * without one, every literal is valid, as graphql-core's default
 * parse_literal (parse_value of value_from_ast_untyped) finds it.
 */
#include <limits.h>
#include <string.h>

#include "mem.h"
#include "strbuf.h"
#include "utilities/suggestion.h"
#include "validation/rules/rules.h"
#include "validation/type_info.h"

typedef struct state {
    gql_symmap given;  /* fields of the object value being entered: name -> field
                          (the last of a name, as graphql-core's dict keeps) */
} state;

/*=== MARK: Messages ========================================================*/

/* Report "<prefix><printed node><suffix>" at node. */
static void report_printed(gql_validation_context *ctx, const gql_node *node,
                           const char *prefix, const char *suffix) {
    size_t len;
    char *printed = gql_print(node, &len);
    if (!printed) {
        ctx->nomem = true;
        return;
    }
    gql_ast_ref at = gql_here(ctx, node);
    gql_validation_report(ctx, &at, 1, "%s%s%s", prefix, printed, suffix);
    gql_free(printed);
}

/* "Expected value of type '<type>', found <node><suffix>" (suffix: len
 * bytes), holding original (NULL: none). */
static void report_found(gql_validation_context *ctx, const gql_type_ref *type,
                         const gql_node *node, const char *suffix, size_t len,
                         void *original) {
    gql_strbuf prefix = GQL_STRBUF_INIT;
    gql_strbuf_puts(&prefix, "Expected value of type '");
    gql_type_ref_print(&prefix, type);
    gql_strbuf_puts(&prefix, "', found ");
    size_t printed_len;
    char *printed = prefix.nomem || len > INT_MAX ? NULL : gql_print(node, &printed_len);
    if (printed) {
        gql_ast_ref at = gql_here(ctx, node);
        gql_validation_report_original(ctx, original, false, &at, 1, "%s%s%.*s",
                                       gql_strbuf_cstr(&prefix), printed, (int)len, suffix);
    } else {
        ctx->nomem = true;
    }
    gql_free(printed);
    gql_strbuf_free(&prefix);
}

/* "Expected value of type '<type>', found <node>." */
static void report_expected(gql_validation_context *ctx, const gql_type_ref *type,
                            const gql_node *node) {
    report_found(ctx, type, node, ".", 1, NULL);
}

/*=== MARK: parse_literal ===================================================*/

static bool name_is(const gql_sym *name, const char *s) {
    size_t n = strlen(s);
    return name->len == n && memcmp(name->str, s, n) == 0;
}

/* An IntValue's text within -2^31 .. 2^31 - 1 (the lexer guarantees an
 * optional minus, then digits). */
static bool is_int32(gql_text t) {
    size_t i = t.len && t.ptr[0] == '-';
    bool negative = i == 1;
    if (t.len - i > 10) return false;
    long long v = 0;
    for (; i < t.len; i++) v = v * 10 + (t.ptr[i] - '0');
    return negative ? v <= 2147483648LL : v <= 2147483647LL;
}

/* parse_literal of a built-in scalar: NULL when node parses, else the
 * start of graphql-core's message (the printed node follows). */
static const char *builtin_scalar_error(const gql_schema_type *t, const gql_node *node) {
    gql_kind k = (gql_kind)node->kind;
    if (name_is(t->name, "Int")) {
        if (k != GQL_INT_VALUE) return "Int cannot represent non-integer value: ";
        if (!is_int32(((const gql_scalar_value *)node)->value))
            return "Int cannot represent non 32-bit signed integer value: ";
        return NULL;
    }
    if (name_is(t->name, "Float"))
        return k == GQL_INT_VALUE || k == GQL_FLOAT_VALUE
                   ? NULL
                   : "Float cannot represent non numeric value: ";
    if (name_is(t->name, "String"))
        return k == GQL_STRING_VALUE ? NULL : "String cannot represent a non string value: ";
    if (name_is(t->name, "Boolean"))
        return k == GQL_BOOLEAN_VALUE ? NULL : "Boolean cannot represent a non boolean value: ";
    if (name_is(t->name, "ID"))
        return k == GQL_STRING_VALUE || k == GQL_INT_VALUE
                   ? NULL
                   : "ID cannot represent a non-string and non-integer value: ";
    return NULL;
}

/*
 * A custom scalar's literal: graphql-core calls the scalar's
 * parse_literal(node) and reports "Expected value of type 'T', found
 * <node>." when it returns Undefined, the GraphQLError it raises as is, and
 * "Expected value of type 'T', found <node>; <error>" for any other
 * exception, holding it as original_error. The caller's hook says which.
 */
static void parse_custom_literal(gql_validation_context *ctx, const gql_type_ref *location_type,
                                 const gql_node *node) {
    if (!ctx->parse_literal) return;
    gql_strbuf text = GQL_STRBUF_INIT;
    void *error = NULL;
    gql_literal_check check =
        ctx->parse_literal(ctx->literal_ctx, location_type->named, node, &text, &error);
    if (text.nomem && (check == GQL_LITERAL_RAISED || check == GQL_LITERAL_ERROR)) {
        ctx->nomem = true;
        check = GQL_LITERAL_VALID;
    }
    switch (check) {
    case GQL_LITERAL_VALID:
        break;
    case GQL_LITERAL_INVALID:
        report_expected(ctx, location_type, node);
        break;
    case GQL_LITERAL_RAISED: {
        gql_strbuf suffix = GQL_STRBUF_INIT;
        gql_strbuf_puts(&suffix, "; ");
        gql_strbuf_append(&suffix, text.ptr, text.len);
        if (suffix.nomem) ctx->nomem = true;
        else report_found(ctx, location_type, node, suffix.ptr, suffix.len, error);
        gql_strbuf_free(&suffix);
        break;
    }
    case GQL_LITERAL_ERROR:
        if (text.len > INT_MAX) ctx->nomem = true;
        else gql_validation_report_original(ctx, error, true, NULL, 0, "%.*s", (int)text.len,
                                            gql_strbuf_cstr(&text));
        break;
    case GQL_LITERAL_STOP:
        ctx->aborted = true;
        break;
    }
    gql_strbuf_free(&text);
}

/* The enum type's value names, for suggestions (NULL when out of memory
 * or the type has none). */
static const gql_sym **enum_value_names(const gql_schema_type *t) {
    if (!t->value_count) return NULL;
    const gql_sym **names = gql_malloc(t->value_count * sizeof *names);
    if (names)
        for (uint32_t i = 0; i < t->value_count; i++) names[i] = t->values[i].name;
    return names;
}

/* GraphQLEnumType.parse_literal(node, None, hide_suggestions): an enum
 * value naming one of the type's values (the type info has looked it up). */
static void check_enum_literal(gql_validation_context *ctx, const gql_schema_type *t,
                               const gql_node *node) {
    if (node->kind == GQL_ENUM_VALUE && gql_type_info_enum_value(ctx)) return;
    gql_strbuf msg = GQL_STRBUF_INIT;
    size_t len;
    char *printed = gql_print(node, &len);
    if (!printed) goto nomem;
    if (node->kind == GQL_ENUM_VALUE) {
        gql_strbuf_puts(&msg, "Value '");
        gql_strbuf_append(&msg, printed, len);
        gql_strbuf_puts(&msg, "' does not exist in '");
        gql_strbuf_append(&msg, t->name->str, t->name->len);
        gql_strbuf_puts(&msg, "' enum.");
    } else {
        gql_strbuf_puts(&msg, "Enum '");
        gql_strbuf_append(&msg, t->name->str, t->name->len);
        gql_strbuf_puts(&msg, "' cannot represent non-enum value: ");
        gql_strbuf_append(&msg, printed, len);
        gql_strbuf_puts(&msg, ".");
    }
    /* did_you_mean_enum_value: the printed value among the value names. */
    if (!ctx->hide_suggestions && t->value_count) {
        const gql_sym **names = enum_value_names(t);
        if (!names) goto nomem;
        size_t n;
        const gql_sym **list = gql_suggestion_list(printed, len, names, t->value_count, &n);
        gql_free((void *)names);
        if (n == SIZE_MAX) goto nomem;
        gql_did_you_mean(&msg, list, n, "the enum value");
        gql_free((void *)list);
    }
    if (msg.nomem) goto nomem;
    gql_ast_ref at = gql_here(ctx, node);
    gql_validation_report(ctx, &at, 1, "%s", gql_strbuf_cstr(&msg));
    goto done;
nomem:
    ctx->nomem = true;
done:
    gql_free(printed);
    gql_strbuf_free(&msg);
}

/* graphql-core's is_valid_value_node: node is checked as one literal of
 * the type expected where it stands. */
static void check_literal(gql_validation_context *ctx, const gql_node *node) {
    const gql_type_ref *location_type = gql_type_info_input_type(ctx);
    if (!location_type) return;
    const gql_schema_type *t = location_type->named;
    if (!gql_type_is_leaf(t)) {
        report_expected(ctx, location_type, node);
        return;
    }
    if (t->kind == GQL_TYPE_ENUM) {
        check_enum_literal(ctx, t, node);
        return;
    }
    if (!t->builtin) {
        parse_custom_literal(ctx, location_type, node);
        return;
    }
    const char *error = builtin_scalar_error(t, node);
    if (error) report_printed(ctx, node, error, "");
}

/*=== MARK: Callbacks =======================================================*/

static gql_visit_action enter_leaf(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    check_literal(ctx, n);
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action enter_list(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    /* The type info has stepped into the item type already: the list's own
     * type is the parent input type. */
    const gql_type_ref *type = gql_type_ref_nullable(gql_type_info_parent_input_type(ctx));
    if (type && type->wrap == GQL_REF_LIST) return GQL_VISIT_CONTINUE;
    check_literal(ctx, n);
    return GQL_VISIT_SKIP;
}

static gql_visit_action enter_null(gql_validation_context *ctx, void *st, const gql_node *n) {
    (void)st;
    const gql_type_ref *type = gql_type_info_input_type(ctx);
    if (type && type->wrap == GQL_REF_NON_NULL) report_expected(ctx, type, n);
    return GQL_VISIT_CONTINUE;
}

/* graphql-core's validate_one_of_input_object: exactly one key (names given
 * more than once count once), whose value (the last given) is not null. */
static void check_one_of(gql_validation_context *ctx, const gql_schema_type *t,
                         const gql_object_value *obj) {
    const gql_list *fields = &obj->fields;
    bool one_key = fields->count > 0;
    for (uint32_t i = 1; i < fields->count && one_key; i++)
        one_key = gql_sym_equal(((const gql_object_field *)fields->items[i])->name->value,
                                ((const gql_object_field *)fields->items[0])->name->value);
    gql_ast_ref at = gql_here(ctx, obj);
    if (!one_key) {
        gql_validation_report(ctx, &at, 1,
                              "OneOf Input Object '%s' must specify exactly one key.",
                              t->name->str);
        return;
    }
    const gql_object_field *last = (const gql_object_field *)fields->items[fields->count - 1];
    if (last->value->kind == GQL_NULL_VALUE)
        gql_validation_report(ctx, &at, 1, "Field '%s.%s' must be non-null.", t->name->str,
                              last->name->value->str);
}

static gql_visit_action enter_object(gql_validation_context *ctx, void *st, const gql_node *n) {
    state *s = st;
    const gql_schema_type *t = gql_type_ref_named(gql_type_info_input_type(ctx));
    if (!t || t->kind != GQL_TYPE_INPUT_OBJECT) {
        check_literal(ctx, n);
        return GQL_VISIT_SKIP;
    }
    const gql_object_value *obj = (const gql_object_value *)n;
    gql_symmap_clear(&s->given);
    for (uint32_t i = 0; i < obj->fields.count; i++) {
        const gql_object_field *f = (const gql_object_field *)obj->fields.items[i];
        if (!gql_symmap_put(&s->given, f->name->value, (void *)f)) {
            ctx->nomem = true;
            return GQL_VISIT_BREAK;
        }
    }
    for (uint32_t i = 0; i < t->input_field_count; i++) {
        const gql_schema_input_value *def = &t->input_fields[i];
        /* is_required_input_field: non-null without a default that applies. */
        if (def->type->wrap != GQL_REF_NON_NULL || def->default_state == GQL_DEFAULT_VALID ||
            gql_symmap_get(&s->given, def->name))
            continue;
        gql_strbuf type = GQL_STRBUF_INIT;
        gql_type_ref_print(&type, def->type);
        gql_ast_ref at = gql_here(ctx, n);
        if (type.nomem) ctx->nomem = true;
        else gql_validation_report(ctx, &at, 1,
                                   "Field '%s.%s' of required type '%s' was not provided.",
                                   t->name->str, def->name->str, gql_strbuf_cstr(&type));
        gql_strbuf_free(&type);
    }
    if (t->one_of) check_one_of(ctx, t, obj);
    return GQL_VISIT_CONTINUE;
}

static gql_visit_action enter_object_field(gql_validation_context *ctx, void *st,
                                           const gql_node *n) {
    (void)st;
    const gql_schema_type *parent = gql_type_ref_named(gql_type_info_parent_input_type(ctx));
    if (gql_type_info_input_type(ctx) || !parent || parent->kind != GQL_TYPE_INPUT_OBJECT)
        return GQL_VISIT_CONTINUE;
    const gql_object_field *field = (const gql_object_field *)n;
    const gql_sym **options = NULL;
    if (parent->input_field_count) {
        options = gql_malloc(parent->input_field_count * sizeof *options);
        if (!options) {
            ctx->nomem = true;
            return GQL_VISIT_BREAK;
        }
        for (uint32_t i = 0; i < parent->input_field_count; i++)
            options[i] = parent->input_fields[i].name;
    }
    gql_strbuf hint = GQL_STRBUF_INIT;
    gql_validation_did_you_mean(ctx, &hint, field->name->value, options,
                                parent->input_field_count);
    gql_free((void *)options);
    gql_ast_ref at = gql_here(ctx, n);
    if (hint.nomem) ctx->nomem = true;
    else gql_validation_report(ctx, &at, 1, "Field '%s' is not defined by type '%s'.%s",
                               field->name->value->str, parent->name->str,
                               gql_strbuf_cstr(&hint));
    gql_strbuf_free(&hint);
    return GQL_VISIT_CONTINUE;
}

static void fini(void *st) { gql_symmap_free(&((state *)st)->given); }

const gql_rule gql_rule_values_of_correct_type = {
    .name = "ValuesOfCorrectTypeRule",
    .state_size = sizeof(state),
    .fini = fini,
    .enter = {[GQL_LIST_VALUE] = enter_list,
              [GQL_OBJECT_VALUE] = enter_object,
              [GQL_OBJECT_FIELD] = enter_object_field,
              [GQL_NULL_VALUE] = enter_null,
              [GQL_ENUM_VALUE] = enter_leaf,
              [GQL_INT_VALUE] = enter_leaf,
              [GQL_FLOAT_VALUE] = enter_leaf,
              [GQL_STRING_VALUE] = enter_leaf,
              [GQL_BOOLEAN_VALUE] = enter_leaf},
};
