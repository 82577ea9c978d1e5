/*
 * parser.c: recursive-descent parser for the whole GraphQL language, from
 * tokens (lexer.c) to the AST declared in graftql.h.
 *
 * The grammar functions follow graphql-core 3.2's parser one for one, so
 * that every syntax error is raised at the same token with the same message.
 * Errors longjmp back to gql_parse; everything allocated up to then is in
 * the arena (or in the parser's scratch buffers) and is released there.
 *
 * Lists are built on a scratch stack and copied into the arena once their
 * length is known, so no list is ever reallocated in the arena.
 *
 * Nesting (selection sets, list and object values, list types) is counted
 * against max_depth before the parser recurses, so hostile input gets a clear
 * error and never exhausts the C stack.
 */
#include <stdlib.h>

#include "mem.h"

#include "arena.h"
#include "error.h"
#include "language/lexer.h"

struct gql_document {
    gql_arena arena;          /* owns every node, name and value */
    gql_document_node *root;  /* kind GQL_DOCUMENT */
    const char *source;       /* NUL-terminated copy of the source */
    size_t length;            /* its length in bytes */
    uint32_t token_count;     /* tokens read, comments included */
    bool no_location;         /* nodes carry no offsets */
};

/* Keywords, interned before parsing so that matching is a pointer compare. */
enum {
    KW_QUERY, KW_MUTATION, KW_SUBSCRIPTION, KW_FRAGMENT, KW_ON, KW_SCHEMA,
    KW_SCALAR, KW_TYPE, KW_INTERFACE, KW_UNION, KW_ENUM, KW_INPUT,
    KW_DIRECTIVE, KW_EXTEND, KW_IMPLEMENTS, KW_REPEATABLE, KW_TRUE, KW_FALSE,
    KW_NULL, KW_COUNT
};

static const char *const keyword_text[KW_COUNT] = {
    "query", "mutation", "subscription", "fragment", "on", "schema",
    "scalar", "type", "interface", "union", "enum", "input",
    "directive", "extend", "implements", "repeatable", "true", "false",
    "null",
};

static const char *const directive_locations[] = {
    "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION",
    "FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA",
    "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
    "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    "DIRECTIVE_DEFINITION",
};
#define N_DIRECTIVE_LOCATIONS (sizeof directive_locations / sizeof directive_locations[0])

typedef struct parser {
    gql_lexer lx;             /* the token source */
    gql_arena *arena;         /* where nodes go (&arena_storage) */
    gql_arena arena_storage;  /* moves into the document on success */
    gql_token tok;            /* the current token */
    gql_token ahead;          /* the token after it, when has_ahead */
    uint32_t ahead_comments;  /* comments skipped before ahead */
    bool has_ahead;
    uint32_t prev_end;        /* end of the last consumed token */
    uint32_t token_count;     /* tokens consumed, comments included */
    uint32_t max_tokens;      /* 0: unlimited */
    uint32_t max_depth;
    uint32_t depth;           /* current nesting */
    bool no_location;
    gql_node **stack;         /* scratch stack for lists under construction */
    size_t top, cap;
    const gql_sym *kw[KW_COUNT];
    const gql_sym *locations[N_DIRECTIVE_LOCATIONS];
    jmp_buf on_error;         /* where errors land (in run) */
} parser;

/*=== MARK: Errors ===========================================================*/

#define FAIL(p, off, ...) gql_lexer_fail(&(p)->lx, GQL_ERR_SYNTAX, (off), "Syntax Error: " __VA_ARGS__)

static _Noreturn void fail_nomem(parser *p) {
    gql_error_nomem(p->lx.err);
    longjmp(*p->lx.on_error, 1);
}

/* graphql-core's getTokenDesc: the kind, then the value if the token has one. */
#define TOKEN_DESC_FMT "%s%s%.*s%s"
#define TOKEN_DESC_ARGS(t)                                                        \
    gql_token_kind_desc((t)->kind), token_has_value(t) ? " '" : "",               \
        token_has_value(t) ? (int)token_value(t).len : 0, token_value(t).ptr ? token_value(t).ptr : "", \
        token_has_value(t) ? "'" : ""

static bool token_has_value(const gql_token *t) {
    return t->kind == GQL_TOK_NAME || t->kind == GQL_TOK_INT || t->kind == GQL_TOK_FLOAT ||
           t->kind == GQL_TOK_STRING || t->kind == GQL_TOK_BLOCK_STRING;
}

static gql_text token_value(const gql_token *t) {
    if (t->kind == GQL_TOK_NAME) return (gql_text){t->name->str, t->name->len};
    return t->text;
}

static _Noreturn void unexpected(parser *p, const gql_token *t) {
    FAIL(p, t->start, "Unexpected " TOKEN_DESC_FMT ".", TOKEN_DESC_ARGS(t));
}

/*=== MARK: Tokens ===========================================================*/

static _Noreturn void fail_token_limit(parser *p, size_t offset) {
    gql_lexer_fail(&p->lx, GQL_ERR_LIMIT, offset,
                   "Syntax Error: Document contains more than %u tokens. Parsing aborted.",
                   p->max_tokens);
}

/* Next non-comment token; comments count toward max_tokens as they are
 * skipped, so a comment-padded document is stopped early. */
static void read_token(parser *p, gql_token *t, uint32_t *comments) {
    *comments = 0;
    for (;;) {
        gql_lexer_read(&p->lx, t);
        if (t->kind != GQL_TOK_COMMENT) return;
        (*comments)++;
        if (p->max_tokens && *comments > p->max_tokens - p->token_count)
            fail_token_limit(p, t->start);
    }
}

static void advance(parser *p) {
    uint32_t comments;
    p->prev_end = p->tok.end;
    if (p->tok.kind == GQL_TOK_EOF) return;
    if (p->has_ahead) {
        p->tok = p->ahead;
        comments = p->ahead_comments;
        p->has_ahead = false;
    } else {
        read_token(p, &p->tok, &comments);
    }
    p->token_count += comments + (p->tok.kind != GQL_TOK_EOF);
    if (p->max_tokens && p->token_count > p->max_tokens) fail_token_limit(p, p->tok.start);
}

static const gql_token *lookahead(parser *p) {
    if (p->tok.kind == GQL_TOK_EOF) return &p->tok;
    if (!p->has_ahead) {
        read_token(p, &p->ahead, &p->ahead_comments);
        p->has_ahead = true;
    }
    return &p->ahead;
}

static inline bool peek(const parser *p, gql_token_kind kind) { return p->tok.kind == kind; }

static gql_token expect_token(parser *p, gql_token_kind kind) {
    gql_token t = p->tok;
    if (t.kind != kind)
        FAIL(p, t.start, "Expected %s, found " TOKEN_DESC_FMT ".", gql_token_kind_desc(kind),
             TOKEN_DESC_ARGS(&t));
    advance(p);
    return t;
}

static bool expect_optional_token(parser *p, gql_token_kind kind) {
    if (p->tok.kind != kind) return false;
    advance(p);
    return true;
}

static inline bool is_keyword(const parser *p, const gql_token *t, int kw) {
    return t->kind == GQL_TOK_NAME && t->name == p->kw[kw];
}

static void expect_keyword(parser *p, int kw) {
    if (!is_keyword(p, &p->tok, kw))
        FAIL(p, p->tok.start, "Expected '%s', found " TOKEN_DESC_FMT ".", keyword_text[kw],
             TOKEN_DESC_ARGS(&p->tok));
    advance(p);
}

static bool expect_optional_keyword(parser *p, int kw) {
    if (!is_keyword(p, &p->tok, kw)) return false;
    advance(p);
    return true;
}

/* graphql-core compares token.value with a keyword whatever the token kind,
 * so a string "on" counts too. */
static bool token_value_is(const parser *p, const gql_token *t, int kw) {
    if (!token_has_value(t)) return false;
    gql_text v = token_value(t);
    const gql_sym *k = p->kw[kw];
    return v.len == k->len && memcmp(v.ptr, k->str, k->len) == 0;
}

/*=== MARK: Nodes and lists ==================================================*/

static void *new_node(parser *p, gql_kind kind, size_t size, const gql_token *start) {
    gql_node *n = gql_arena_zalloc(p->arena, size);
    if (!n) fail_nomem(p);
    n->kind = (uint16_t)kind;
    if (!p->no_location) n->start = start->start;
    return n;
}

/* Set the end of a node to the end of the last consumed token. */
static inline void *finish(parser *p, void *node) {
    if (!p->no_location) ((gql_node *)node)->end = p->prev_end;
    return node;
}

#define NEW(p, type, kind, start) ((type *)new_node((p), (kind), sizeof(type), (start)))

static void push(parser *p, void *node) {
    if (p->top == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 256;
        gql_node **s = gql_realloc(p->stack, cap * sizeof *s);
        if (!s) fail_nomem(p);
        p->stack = s;
        p->cap = cap;
    }
    p->stack[p->top++] = node;
}

/* Move stack[base..top) into an arena list and pop it. */
static gql_list pop_list(parser *p, size_t base) {
    gql_list list = {NULL, 0};
    size_t n = p->top - base;
    if (n) {
        if (n > UINT32_MAX) fail_nomem(p);
        list.items = gql_arena_alloc(p->arena, n * sizeof(gql_node *));
        if (!list.items) fail_nomem(p);
        memcpy(list.items, p->stack + base, n * sizeof(gql_node *));
        list.count = (uint32_t)n;
    }
    p->top = base;
    return list;
}

static void enter_nesting(parser *p) {
    if (++p->depth > p->max_depth)
        gql_lexer_fail(&p->lx, GQL_ERR_LIMIT, p->tok.start,
                       "Syntax Error: Document is nested too deeply. Parsing aborted.");
}

typedef void *(*parse_fn)(parser *p);
typedef void *(*parse_const_fn)(parser *p, bool is_const);

/* open item+ close (non-empty) */
static gql_list many(parser *p, gql_token_kind open, parse_fn fn, gql_token_kind close) {
    expect_token(p, open);
    size_t base = p->top;
    do push(p, fn(p));
    while (!expect_optional_token(p, close));
    return pop_list(p, base);
}

/* (open item+ close)? */
static gql_list optional_many(parser *p, gql_token_kind open, parse_fn fn,
                              gql_token_kind close) {
    if (!expect_optional_token(p, open)) return (gql_list){NULL, 0};
    size_t base = p->top;
    do push(p, fn(p));
    while (!expect_optional_token(p, close));
    return pop_list(p, base);
}

/* delimiter? item (delimiter item)* */
static gql_list delimited_many(parser *p, gql_token_kind delimiter, parse_fn fn) {
    expect_optional_token(p, delimiter);
    size_t base = p->top;
    do push(p, fn(p));
    while (expect_optional_token(p, delimiter));
    return pop_list(p, base);
}

/*=== MARK: Names, values, types =============================================*/

static void *parse_name(parser *p) {
    gql_token t = expect_token(p, GQL_TOK_NAME);
    gql_name *n = NEW(p, gql_name, GQL_NAME, &t);
    n->value = t.name;
    return finish(p, n);
}

static void *parse_named_type(parser *p) {
    gql_token start = p->tok;
    gql_named_type *n = NEW(p, gql_named_type, GQL_NAMED_TYPE, &start);
    n->name = parse_name(p);
    return finish(p, n);
}

static void *parse_variable(parser *p) {
    gql_token start = p->tok;
    expect_token(p, GQL_TOK_DOLLAR);
    gql_variable *n = NEW(p, gql_variable, GQL_VARIABLE, &start);
    n->name = parse_name(p);
    return finish(p, n);
}

static gql_string_value *parse_string_literal(parser *p) {
    gql_token t = p->tok;
    advance(p);
    gql_string_value *n = NEW(p, gql_string_value, GQL_STRING_VALUE, &t);
    n->value = t.text;
    if (t.kind == GQL_TOK_BLOCK_STRING) n->base.flags = GQL_FLAG_BLOCK;
    return finish(p, n);
}

static void *parse_value_literal(parser *p, bool is_const);

static void *parse_object_field(parser *p, bool is_const) {
    gql_token start = p->tok;
    gql_object_field *n = NEW(p, gql_object_field, GQL_OBJECT_FIELD, &start);
    n->name = parse_name(p);
    expect_token(p, GQL_TOK_COLON);
    n->value = parse_value_literal(p, is_const);
    return finish(p, n);
}

/* open item* close, for list and object values (any() in graphql-core). */
static gql_list any_values(parser *p, gql_token_kind open, parse_const_fn fn, bool is_const,
                           gql_token_kind close) {
    expect_token(p, open);
    size_t base = p->top;
    while (!expect_optional_token(p, close)) push(p, fn(p, is_const));
    return pop_list(p, base);
}

static void *parse_value_literal(parser *p, bool is_const) {
    gql_token t = p->tok;
    switch (t.kind) {
    case GQL_TOK_BRACKET_L: {
        enter_nesting(p);
        gql_list_value *n = NEW(p, gql_list_value, GQL_LIST_VALUE, &t);
        n->values = any_values(p, GQL_TOK_BRACKET_L, parse_value_literal, is_const,
                               GQL_TOK_BRACKET_R);
        p->depth--;
        return finish(p, n);
    }
    case GQL_TOK_BRACE_L: {
        enter_nesting(p);
        gql_object_value *n = NEW(p, gql_object_value, GQL_OBJECT_VALUE, &t);
        n->fields = any_values(p, GQL_TOK_BRACE_L, parse_object_field, is_const,
                               GQL_TOK_BRACE_R);
        p->depth--;
        return finish(p, n);
    }
    case GQL_TOK_INT:
    case GQL_TOK_FLOAT: {
        advance(p);
        gql_scalar_value *n = NEW(p, gql_scalar_value,
                                  t.kind == GQL_TOK_INT ? GQL_INT_VALUE : GQL_FLOAT_VALUE, &t);
        n->value.ptr = gql_arena_strndup(p->arena, t.text.ptr, t.text.len);
        if (!n->value.ptr) fail_nomem(p);
        n->value.len = t.text.len;
        return finish(p, n);
    }
    case GQL_TOK_STRING:
    case GQL_TOK_BLOCK_STRING:
        return parse_string_literal(p);
    case GQL_TOK_NAME: {
        advance(p);
        gql_scalar_value *n;
        if (t.name == p->kw[KW_TRUE] || t.name == p->kw[KW_FALSE]) {
            n = NEW(p, gql_scalar_value, GQL_BOOLEAN_VALUE, &t);
            if (t.name == p->kw[KW_TRUE]) n->base.flags = GQL_FLAG_TRUE;
        } else if (t.name == p->kw[KW_NULL]) {
            n = NEW(p, gql_scalar_value, GQL_NULL_VALUE, &t);
        } else {
            n = NEW(p, gql_scalar_value, GQL_ENUM_VALUE, &t);
            n->value = (gql_text){t.name->str, t.name->len};
        }
        return finish(p, n);
    }
    case GQL_TOK_DOLLAR:
        if (is_const) {
            gql_token dollar = expect_token(p, GQL_TOK_DOLLAR);
            if (p->tok.kind == GQL_TOK_NAME)
                FAIL(p, dollar.start, "Unexpected variable '$%s' in constant value.",
                     p->tok.name->str);
            unexpected(p, &dollar);
        }
        return parse_variable(p);
    default:
        unexpected(p, &t);
    }
}

static void *parse_const_value(parser *p) { return parse_value_literal(p, true); }

static void *parse_type_reference(parser *p) {
    gql_token start = p->tok;
    gql_node *type;
    if (expect_optional_token(p, GQL_TOK_BRACKET_L)) {
        enter_nesting(p);
        gql_wrapping_type *list = NEW(p, gql_wrapping_type, GQL_LIST_TYPE, &start);
        list->type = parse_type_reference(p);
        p->depth--;
        expect_token(p, GQL_TOK_BRACKET_R);
        type = finish(p, list);
    } else {
        type = parse_named_type(p);
    }
    if (expect_optional_token(p, GQL_TOK_BANG)) {
        gql_wrapping_type *nn = NEW(p, gql_wrapping_type, GQL_NON_NULL_TYPE, &start);
        nn->type = type;
        return finish(p, nn);
    }
    return type;
}

/*=== MARK: Directives and arguments =========================================*/

static void *parse_argument_var(parser *p) {
    gql_token start = p->tok;
    gql_argument *n = NEW(p, gql_argument, GQL_ARGUMENT, &start);
    n->name = parse_name(p);
    expect_token(p, GQL_TOK_COLON);
    n->value = parse_value_literal(p, false);
    return finish(p, n);
}

static void *parse_argument_const(parser *p) {
    gql_token start = p->tok;
    gql_argument *n = NEW(p, gql_argument, GQL_ARGUMENT, &start);
    n->name = parse_name(p);
    expect_token(p, GQL_TOK_COLON);
    n->value = parse_value_literal(p, true);
    return finish(p, n);
}

static gql_list parse_arguments(parser *p, bool is_const) {
    return optional_many(p, GQL_TOK_PAREN_L, is_const ? parse_argument_const : parse_argument_var,
                         GQL_TOK_PAREN_R);
}

static gql_list parse_directives(parser *p, bool is_const) {
    size_t base = p->top;
    while (peek(p, GQL_TOK_AT)) {
        gql_token start = p->tok;
        advance(p);
        gql_directive *d = NEW(p, gql_directive, GQL_DIRECTIVE, &start);
        d->name = parse_name(p);
        d->arguments = parse_arguments(p, is_const);
        push(p, finish(p, d));
    }
    return pop_list(p, base);
}

/*=== MARK: Operations and fragments =========================================*/

static gql_string_value *parse_description(parser *p) {
    if (peek(p, GQL_TOK_STRING) || peek(p, GQL_TOK_BLOCK_STRING)) return parse_string_literal(p);
    return NULL;
}

static void *parse_selection(parser *p);

static gql_selection_set *parse_selection_set(parser *p) {
    enter_nesting(p);
    gql_token start = p->tok;
    gql_list selections = many(p, GQL_TOK_BRACE_L, parse_selection, GQL_TOK_BRACE_R);
    gql_selection_set *n = NEW(p, gql_selection_set, GQL_SELECTION_SET, &start);
    n->selections = selections;
    p->depth--;
    return finish(p, n);
}

static gql_operation parse_operation_type(parser *p) {
    gql_token t = expect_token(p, GQL_TOK_NAME);
    if (t.name == p->kw[KW_QUERY]) return GQL_QUERY;
    if (t.name == p->kw[KW_MUTATION]) return GQL_MUTATION;
    if (t.name == p->kw[KW_SUBSCRIPTION]) return GQL_SUBSCRIPTION;
    unexpected(p, &t);
}

static void *parse_variable_definition(parser *p) {
    gql_token start = p->tok;
    gql_variable_definition *n = NEW(p, gql_variable_definition, GQL_VARIABLE_DEFINITION, &start);
    n->description = parse_description(p);
    n->variable = parse_variable(p);
    expect_token(p, GQL_TOK_COLON);
    n->type = parse_type_reference(p);
    if (expect_optional_token(p, GQL_TOK_EQUALS)) n->default_value = parse_const_value(p);
    n->directives = parse_directives(p, true);
    return finish(p, n);
}

static void *parse_operation_definition(parser *p) {
    gql_token start = p->tok;
    gql_operation_definition *n =
        NEW(p, gql_operation_definition, GQL_OPERATION_DEFINITION, &start);
    if (peek(p, GQL_TOK_BRACE_L)) {
        n->base.flags = GQL_QUERY;
        n->selection_set = parse_selection_set(p);
        return finish(p, n);
    }
    n->description = parse_description(p);
    n->base.flags = (uint16_t)parse_operation_type(p);
    if (peek(p, GQL_TOK_NAME)) n->name = parse_name(p);
    n->variable_definitions =
        optional_many(p, GQL_TOK_PAREN_L, parse_variable_definition, GQL_TOK_PAREN_R);
    n->directives = parse_directives(p, false);
    n->selection_set = parse_selection_set(p);
    return finish(p, n);
}

static void *parse_fragment_name(parser *p) {
    if (token_value_is(p, &p->tok, KW_ON)) unexpected(p, &p->tok);
    return parse_name(p);
}

static void *parse_field(parser *p) {
    gql_token start = p->tok;
    gql_field *n = NEW(p, gql_field, GQL_FIELD, &start);
    gql_name *name_or_alias = parse_name(p);
    if (expect_optional_token(p, GQL_TOK_COLON)) {
        n->alias = name_or_alias;
        n->name = parse_name(p);
    } else {
        n->name = name_or_alias;
    }
    n->arguments = parse_arguments(p, false);
    n->directives = parse_directives(p, false);
    if (peek(p, GQL_TOK_BRACE_L)) n->selection_set = parse_selection_set(p);
    return finish(p, n);
}

static void *parse_fragment(parser *p) {
    gql_token start = p->tok;
    expect_token(p, GQL_TOK_SPREAD);
    bool has_type_condition = expect_optional_keyword(p, KW_ON);
    if (!has_type_condition && peek(p, GQL_TOK_NAME)) {
        gql_fragment_spread *n = NEW(p, gql_fragment_spread, GQL_FRAGMENT_SPREAD, &start);
        n->name = parse_fragment_name(p);
        n->directives = parse_directives(p, false);
        return finish(p, n);
    }
    gql_inline_fragment *n = NEW(p, gql_inline_fragment, GQL_INLINE_FRAGMENT, &start);
    if (has_type_condition) n->type_condition = parse_named_type(p);
    n->directives = parse_directives(p, false);
    n->selection_set = parse_selection_set(p);
    return finish(p, n);
}

static void *parse_selection(parser *p) {
    return peek(p, GQL_TOK_SPREAD) ? parse_fragment(p) : parse_field(p);
}

static void *parse_fragment_definition(parser *p) {
    gql_token start = p->tok;
    gql_fragment_definition *n = NEW(p, gql_fragment_definition, GQL_FRAGMENT_DEFINITION, &start);
    n->description = parse_description(p);
    expect_keyword(p, KW_FRAGMENT);
    n->name = parse_fragment_name(p);
    expect_keyword(p, KW_ON);
    n->type_condition = parse_named_type(p);
    n->directives = parse_directives(p, false);
    n->selection_set = parse_selection_set(p);
    return finish(p, n);
}

/*=== MARK: Type system ======================================================*/

static void *parse_operation_type_definition(parser *p) {
    gql_token start = p->tok;
    gql_operation_type_definition *n =
        NEW(p, gql_operation_type_definition, GQL_OPERATION_TYPE_DEFINITION, &start);
    n->base.flags = (uint16_t)parse_operation_type(p);
    expect_token(p, GQL_TOK_COLON);
    n->type = parse_named_type(p);
    return finish(p, n);
}

static void *parse_schema_definition(parser *p) {
    gql_token start = p->tok;
    gql_schema_definition *n = NEW(p, gql_schema_definition, GQL_SCHEMA_DEFINITION, &start);
    n->description = parse_description(p);
    expect_keyword(p, KW_SCHEMA);
    n->directives = parse_directives(p, true);
    n->operation_types =
        many(p, GQL_TOK_BRACE_L, parse_operation_type_definition, GQL_TOK_BRACE_R);
    return finish(p, n);
}

static void *parse_input_value_def(parser *p) {
    gql_token start = p->tok;
    gql_input_value_definition *n =
        NEW(p, gql_input_value_definition, GQL_INPUT_VALUE_DEFINITION, &start);
    n->description = parse_description(p);
    n->name = parse_name(p);
    expect_token(p, GQL_TOK_COLON);
    n->type = parse_type_reference(p);
    if (expect_optional_token(p, GQL_TOK_EQUALS)) n->default_value = parse_const_value(p);
    n->directives = parse_directives(p, true);
    return finish(p, n);
}

static gql_list parse_argument_defs(parser *p) {
    return optional_many(p, GQL_TOK_PAREN_L, parse_input_value_def, GQL_TOK_PAREN_R);
}

static void *parse_field_definition(parser *p) {
    gql_token start = p->tok;
    gql_field_definition *n = NEW(p, gql_field_definition, GQL_FIELD_DEFINITION, &start);
    n->description = parse_description(p);
    n->name = parse_name(p);
    n->arguments = parse_argument_defs(p);
    expect_token(p, GQL_TOK_COLON);
    n->type = parse_type_reference(p);
    n->directives = parse_directives(p, true);
    return finish(p, n);
}

static void *parse_enum_value_definition(parser *p) {
    gql_token start = p->tok;
    gql_enum_value_definition *n =
        NEW(p, gql_enum_value_definition, GQL_ENUM_VALUE_DEFINITION, &start);
    n->description = parse_description(p);
    if (token_value_is(p, &p->tok, KW_TRUE) || token_value_is(p, &p->tok, KW_FALSE) ||
        token_value_is(p, &p->tok, KW_NULL))
        FAIL(p, p->tok.start, TOKEN_DESC_FMT " is reserved and cannot be used for an enum value.",
             TOKEN_DESC_ARGS(&p->tok));
    n->name = parse_name(p);
    n->directives = parse_directives(p, true);
    return finish(p, n);
}

static gql_list parse_implements_interfaces(parser *p) {
    if (!expect_optional_keyword(p, KW_IMPLEMENTS)) return (gql_list){NULL, 0};
    return delimited_many(p, GQL_TOK_AMP, parse_named_type);
}

static gql_list parse_union_member_types(parser *p) {
    if (!expect_optional_token(p, GQL_TOK_EQUALS)) return (gql_list){NULL, 0};
    return delimited_many(p, GQL_TOK_PIPE, parse_named_type);
}

/*
 * Named type definitions and extensions share one shape; the kind decides
 * which parts its grammar has. is_extension: "extend" was read and the
 * description is absent; the extension must then add something.
 */
static void *parse_type_definition(parser *p, gql_kind kind, int keyword, bool is_extension) {
    gql_token start = p->tok;
    gql_type_definition *n = NEW(p, gql_type_definition, kind, &start);
    if (is_extension)
        expect_keyword(p, KW_EXTEND);
    else
        n->description = parse_description(p);
    expect_keyword(p, keyword);
    n->name = parse_name(p);
    bool has_members = true;
    switch (keyword) {
    case KW_TYPE:
    case KW_INTERFACE:
        n->interfaces = parse_implements_interfaces(p);
        n->directives = parse_directives(p, true);
        n->members = optional_many(p, GQL_TOK_BRACE_L, parse_field_definition, GQL_TOK_BRACE_R);
        break;
    case KW_UNION:
        n->directives = parse_directives(p, true);
        n->members = parse_union_member_types(p);
        break;
    case KW_ENUM:
        n->directives = parse_directives(p, true);
        n->members =
            optional_many(p, GQL_TOK_BRACE_L, parse_enum_value_definition, GQL_TOK_BRACE_R);
        break;
    case KW_INPUT:
        n->directives = parse_directives(p, true);
        n->members = optional_many(p, GQL_TOK_BRACE_L, parse_input_value_def, GQL_TOK_BRACE_R);
        break;
    default: /* scalar */
        n->directives = parse_directives(p, true);
        has_members = false;
        break;
    }
    if (is_extension && !n->interfaces.count && !n->directives.count &&
        !(has_members && n->members.count))
        unexpected(p, &p->tok);
    return finish(p, n);
}

static void *parse_directive_location(parser *p) {
    gql_token start = p->tok;
    gql_name *name = parse_name(p);
    for (size_t i = 0; i < N_DIRECTIVE_LOCATIONS; i++)
        if (name->value == p->locations[i]) return name;
    unexpected(p, &start);
}

static void *parse_directive_definition(parser *p) {
    gql_token start = p->tok;
    gql_directive_definition *n =
        NEW(p, gql_directive_definition, GQL_DIRECTIVE_DEFINITION, &start);
    n->description = parse_description(p);
    expect_keyword(p, KW_DIRECTIVE);
    expect_token(p, GQL_TOK_AT);
    n->name = parse_name(p);
    n->arguments = parse_argument_defs(p);
    if (expect_optional_keyword(p, KW_REPEATABLE)) n->base.flags = GQL_FLAG_REPEATABLE;
    expect_keyword(p, KW_ON);
    n->locations = delimited_many(p, GQL_TOK_PIPE, parse_directive_location);
    return finish(p, n);
}

static void *parse_schema_extension(parser *p) {
    gql_token start = p->tok;
    gql_schema_definition *n = NEW(p, gql_schema_definition, GQL_SCHEMA_EXTENSION, &start);
    expect_keyword(p, KW_EXTEND);
    expect_keyword(p, KW_SCHEMA);
    n->directives = parse_directives(p, true);
    n->operation_types =
        optional_many(p, GQL_TOK_BRACE_L, parse_operation_type_definition, GQL_TOK_BRACE_R);
    if (!n->directives.count && !n->operation_types.count) unexpected(p, &p->tok);
    return finish(p, n);
}

/* Which definition a keyword starts: 0 if none. */
static int type_keyword_kind(const parser *p, const gql_token *t, bool extension) {
    if (t->kind != GQL_TOK_NAME) return -1;
    static const struct { int kw; gql_kind def, ext; } table[] = {
        {KW_SCALAR, GQL_SCALAR_TYPE_DEFINITION, GQL_SCALAR_TYPE_EXTENSION},
        {KW_TYPE, GQL_OBJECT_TYPE_DEFINITION, GQL_OBJECT_TYPE_EXTENSION},
        {KW_INTERFACE, GQL_INTERFACE_TYPE_DEFINITION, GQL_INTERFACE_TYPE_EXTENSION},
        {KW_UNION, GQL_UNION_TYPE_DEFINITION, GQL_UNION_TYPE_EXTENSION},
        {KW_ENUM, GQL_ENUM_TYPE_DEFINITION, GQL_ENUM_TYPE_EXTENSION},
        {KW_INPUT, GQL_INPUT_OBJECT_TYPE_DEFINITION, GQL_INPUT_OBJECT_TYPE_EXTENSION},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (t->name == p->kw[table[i].kw]) return extension ? (int)table[i].ext : (int)table[i].def;
    return -1;
}

static int kind_keyword(gql_kind kind) {
    switch (kind) {
    case GQL_SCALAR_TYPE_DEFINITION: case GQL_SCALAR_TYPE_EXTENSION: return KW_SCALAR;
    case GQL_OBJECT_TYPE_DEFINITION: case GQL_OBJECT_TYPE_EXTENSION: return KW_TYPE;
    case GQL_INTERFACE_TYPE_DEFINITION: case GQL_INTERFACE_TYPE_EXTENSION: return KW_INTERFACE;
    case GQL_UNION_TYPE_DEFINITION: case GQL_UNION_TYPE_EXTENSION: return KW_UNION;
    case GQL_ENUM_TYPE_DEFINITION: case GQL_ENUM_TYPE_EXTENSION: return KW_ENUM;
    default: return KW_INPUT;
    }
}

static void *parse_type_system_extension(parser *p) {
    const gql_token *keyword = lookahead(p);
    if (keyword->kind == GQL_TOK_NAME) {
        if (keyword->name == p->kw[KW_SCHEMA]) return parse_schema_extension(p);
        int kind = type_keyword_kind(p, keyword, true);
        if (kind >= 0)
            return parse_type_definition(p, (gql_kind)kind, kind_keyword((gql_kind)kind), true);
    }
    gql_token t = *keyword;
    unexpected(p, &t);
}

/*=== MARK: Document =========================================================*/

static void *parse_definition(parser *p) {
    if (peek(p, GQL_TOK_BRACE_L)) return parse_operation_definition(p);
    bool has_description = peek(p, GQL_TOK_STRING) || peek(p, GQL_TOK_BLOCK_STRING);
    gql_token keyword = has_description ? *lookahead(p) : p->tok;
    if (has_description && keyword.kind == GQL_TOK_BRACE_L)
        FAIL(p, p->tok.start,
             "Unexpected description, descriptions are not supported on shorthand queries.");
    if (keyword.kind == GQL_TOK_NAME) {
        if (keyword.name == p->kw[KW_SCHEMA]) return parse_schema_definition(p);
        int kind = type_keyword_kind(p, &keyword, false);
        if (kind >= 0)
            return parse_type_definition(p, (gql_kind)kind, kind_keyword((gql_kind)kind), false);
        if (keyword.name == p->kw[KW_DIRECTIVE]) return parse_directive_definition(p);
        if (keyword.name == p->kw[KW_QUERY] || keyword.name == p->kw[KW_MUTATION] ||
            keyword.name == p->kw[KW_SUBSCRIPTION])
            return parse_operation_definition(p);
        if (keyword.name == p->kw[KW_FRAGMENT]) return parse_fragment_definition(p);
        if (has_description)
            FAIL(p, p->tok.start,
                 "Unexpected description, only GraphQL definitions support descriptions.");
        if (keyword.name == p->kw[KW_EXTEND]) return parse_type_system_extension(p);
    }
    unexpected(p, &keyword);
}

static gql_document_node *parse_document(parser *p) {
    gql_token start = p->tok; /* <SOF> */
    gql_document_node *doc = NEW(p, gql_document_node, GQL_DOCUMENT, &start);
    doc->definitions = many(p, GQL_TOK_SOF, parse_definition, GQL_TOK_EOF);
    return finish(p, doc);
}

/*=== MARK: Entry points =====================================================*/

/* Parse the document; NULL after an error (reported through the lexer). The
 * setjmp lives here, in a function whose state is all in *p. */
static gql_document_node *run(parser *p) {
    if (setjmp(p->on_error)) return NULL;
    for (int i = 0; i < KW_COUNT; i++) {
        p->kw[i] = gql_intern(&p->lx.names, p->arena, keyword_text[i],
                              (uint32_t)strlen(keyword_text[i]));
        if (!p->kw[i]) fail_nomem(p);
    }
    for (size_t i = 0; i < N_DIRECTIVE_LOCATIONS; i++) {
        p->locations[i] = gql_intern(&p->lx.names, p->arena, directive_locations[i],
                                     (uint32_t)strlen(directive_locations[i]));
        if (!p->locations[i]) fail_nomem(p);
    }
    return parse_document(p);
}

void gql_parse_options_init(gql_parse_options *o) {
    o->max_tokens = GQL_DEFAULT_MAX_TOKENS;
    o->max_depth = GQL_DEFAULT_MAX_DEPTH;
    o->max_source_length = GQL_DEFAULT_MAX_SOURCE_LENGTH;
    o->no_location = false;
}

/* Byte offset of code point number n, or SIZE_MAX when there are not more
 * than n code points. */
static size_t codepoint_limit_offset(const char *s, size_t len, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80) continue;
        if (count == n) return i;
        count++;
    }
    return SIZE_MAX;
}

gql_document *gql_parse(const char *source, size_t length, const gql_parse_options *options,
                        gql_error *err) {
    gql_parse_options defaults;
    if (!options) {
        gql_parse_options_init(&defaults);
        options = &defaults;
    }
    if (!source && length) {
        gql_error_set(err, GQL_ERR_ARG, 0, "The source is NULL.");
        return NULL;
    }
    if (options->max_depth < 1 || options->max_depth > GQL_MAX_DEPTH_CEILING) {
        gql_error_set(err, GQL_ERR_ARG, 0, "max_depth must be between 1 and %u, got %u.",
                      GQL_MAX_DEPTH_CEILING, options->max_depth);
        return NULL;
    }
    if (length >= UINT32_MAX) {
        gql_error_set(err, GQL_ERR_LIMIT, 0,
                      "Syntax Error: Source is larger than %u bytes. Parsing aborted.",
                      UINT32_MAX - 1);
        return NULL;
    }
    if (options->max_source_length) {
        size_t at = codepoint_limit_offset(source, length, options->max_source_length);
        if (at != SIZE_MAX) {
            gql_error_set(err, GQL_ERR_LIMIT, at,
                          "Syntax Error: Source contains more than %u code points. "
                          "Parsing aborted.",
                          options->max_source_length);
            return NULL;
        }
    }

    /* The parser (and the arena inside it) is on the heap, so that nothing
       it holds is indeterminate after a longjmp. */
    parser *p = gql_calloc(1, sizeof(parser));
    if (!p) {
        gql_error_nomem(err);
        return NULL;
    }
    p->arena = &p->arena_storage;
    gql_arena_init(p->arena, 4096 + length * 2);
    gql_document *doc = gql_arena_zalloc(p->arena, sizeof *doc);
    char *copy = doc ? gql_arena_strndup(p->arena, length ? source : "", length) : NULL;
    if (!copy) {
        gql_arena_release(p->arena);
        gql_free(p);
        gql_error_nomem(err);
        return NULL;
    }
    p->max_tokens = options->max_tokens;
    p->max_depth = options->max_depth;
    p->no_location = options->no_location;
    p->tok.kind = GQL_TOK_SOF;
    gql_lexer_init(&p->lx, copy, length, p->arena, err, &p->on_error);

    gql_document_node *root = run(p);
    gql_lexer_release(&p->lx);
    gql_free(p->stack);
    if (!root) {
        gql_arena_release(p->arena);
        gql_free(p);
        return NULL;
    }
    doc->root = root;
    doc->source = copy;
    doc->length = length;
    doc->token_count = p->token_count;
    doc->no_location = options->no_location;
    doc->arena = p->arena_storage; /* the arena header moves into the document it holds */
    gql_free(p);
    return doc;
}

void gql_document_free(gql_document *doc) {
    if (!doc) return;
    gql_arena arena = doc->arena;
    gql_arena_release(&arena);
}

const gql_document_node *gql_document_root(const gql_document *doc) { return doc->root; }

const char *gql_document_source(const gql_document *doc, size_t *length) {
    if (length) *length = doc->length;
    return doc->source;
}

uint32_t gql_document_token_count(const gql_document *doc) { return doc->token_count; }

bool gql_document_no_location(const gql_document *doc) { return doc->no_location; }
