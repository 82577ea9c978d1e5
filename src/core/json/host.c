/*
 * host.c: the JSON host of host.h, graphql-core's behaviour over the
 * Python values json.loads makes (dict, list, str, int, float, bool, None).
 *
 * Built nodes come from the context's arena and are never freed one by
 * one. Read nodes (a gql_json_doc) and the shared null and boolean nodes
 * are never written to: list_set and object_set only touch arrays and
 * objects this host made.
 */
#include "json/host.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mem.h"
#include "strbuf.h"
#include "utilities/inspect.h"

static const gql_json null_node = {.kind = GQL_JSON_NULL};
static const gql_json true_node = {.kind = GQL_JSON_BOOL, .boolean = true};
static const gql_json false_node = {.kind = GQL_JSON_BOOL, .boolean = false};

void gql_json_host_init(gql_json_host_ctx *ctx) {
    gql_arena_init(&ctx->arena, 4096);
}

void gql_json_host_release(gql_json_host_ctx *ctx) {
    gql_arena_release(&ctx->arena);
}

#define CTX(c) ((gql_json_host_ctx *)(c))
#define NODE(v) ((gql_json *)(v))

/*=== MARK: Building ========================================================*/

static gql_json *new_node(void *ctx, gql_json_kind kind) {
    gql_json *v = gql_arena_zalloc(&CTX(ctx)->arena, sizeof *v);
    if (v) v->kind = (uint8_t)kind;
    return v;
}

static gql_value make_null(void *ctx) {
    (void)ctx;
    return gql_json_value(&null_node);
}

static gql_value make_bool(void *ctx, bool value) {
    (void)ctx;
    return gql_json_value(value ? &true_node : &false_node);
}

static gql_value make_int(void *ctx, int64_t value) {
    gql_json *v = new_node(ctx, GQL_JSON_INT);
    if (!v) return NULL;
    v->fits = true;
    v->i64 = value;
    v->f64 = (double)value;
    return v;
}

static gql_value make_int_text(void *ctx, const char *digits, size_t len) {
    gql_json_doc *doc;
    gql_error err = {0};
    /* The reader knows int64 and float() of a number's text. */
    doc = gql_json_parse(digits, len, 1, &err);
    if (!doc) {
        gql_error_clear(&err);
        return NULL;
    }
    const gql_json *parsed = gql_json_doc_root(doc);
    gql_json *v = NULL;
    if (parsed->kind == GQL_JSON_INT) {
        v = new_node(ctx, GQL_JSON_INT);
        char *text = v ? gql_arena_strndup(&CTX(ctx)->arena, digits, len) : NULL;
        if (text) {
            v->fits = parsed->fits;
            v->i64 = parsed->i64;
            v->f64 = parsed->f64;
            v->text = (gql_text){text, len};
        } else {
            v = NULL;
        }
    }
    gql_json_doc_free(doc);
    return v;
}

static gql_value make_float(void *ctx, double value) {
    gql_json *v = new_node(ctx, GQL_JSON_FLOAT);
    if (v) v->f64 = value;
    return v;
}

static gql_value make_string(void *ctx, const char *s, size_t len) {
    gql_json *v = new_node(ctx, GQL_JSON_STRING);
    char *text = v ? gql_arena_strndup(&CTX(ctx)->arena, s, len) : NULL;
    if (!text) return NULL;
    v->text = (gql_text){text, len};
    return v;
}

static gql_value make_list(void *ctx, size_t count) {
    gql_json *v = new_node(ctx, GQL_JSON_ARRAY);
    if (!v) return NULL;
    if (count) {
        if (count > SIZE_MAX / sizeof(gql_json *)) return NULL;
        v->u.items = gql_arena_zalloc(&CTX(ctx)->arena, count * sizeof(gql_json *));
        if (!v->u.items) return NULL;
    }
    v->count = count;
    return v;
}

static bool list_set(void *ctx, gql_value list, size_t index, gql_value item) {
    (void)ctx;
    gql_json *l = NODE(list);
    if (index >= l->count) return false;
    l->u.items[index] = NODE(item);
    return true;
}

static gql_value make_object(void *ctx) {
    return new_node(ctx, GQL_JSON_OBJECT);
}

/* A dict's d[name] = item: an existing key keeps its place. */
static bool object_set(void *ctx, gql_value object, const char *name, size_t len,
                       gql_value item) {
    gql_json *o = NODE(object);
    for (size_t i = 0; i < o->count; i++) {
        gql_json_member *m = &o->u.members[i];
        if (m->key.len == len && memcmp(m->key.ptr, name, len) == 0) {
            m->value = NODE(item);
            return true;
        }
    }
    if (o->count == o->cap) {
        uint32_t cap = o->cap ? o->cap * 2 : 4;
        gql_json_member *members =
            gql_arena_alloc(&CTX(ctx)->arena, (size_t)cap * sizeof *members);
        if (!members) return false;
        if (o->count) memcpy(members, o->u.members, o->count * sizeof *members);
        o->u.members = members;
        o->cap = cap;
    }
    char *key = gql_arena_strndup(&CTX(ctx)->arena, name, len);
    if (!key) return false;
    o->u.members[o->count++] = (gql_json_member){{key, len}, NODE(item)};
    return true;
}

/* An error: a string node with the message. */
static gql_value make_error(void *ctx, const char *prefix, const gql_json *value) {
    gql_strbuf b = GQL_STRBUF_INIT;
    gql_strbuf_puts(&b, prefix);
    if (value) gql_json_host.inspect(ctx, gql_json_value(value), &b);
    gql_value error = b.nomem ? NULL : make_string(ctx, gql_strbuf_cstr(&b), b.len);
    gql_strbuf_free(&b);
    return error;
}

/*=== MARK: inspect =========================================================*/

static void inspect_node(gql_strbuf *b, const gql_json *v, unsigned depth) {
    switch ((gql_json_kind)v->kind) {
    case GQL_JSON_NULL:
        gql_strbuf_puts(b, "None");
        return;
    case GQL_JSON_BOOL:
        gql_strbuf_puts(b, v->boolean ? "True" : "False");
        return;
    case GQL_JSON_INT:
        if (v->fits) {
            char digits[24];
            int n = snprintf(digits, sizeof digits, "%" PRId64, v->i64);
            gql_strbuf_append(b, digits, (size_t)n);
        } else {
            gql_inspect_int_text(b, v->text.ptr, v->text.len);
        }
        return;
    case GQL_JSON_FLOAT:
        gql_inspect_float(b, v->f64);
        return;
    case GQL_JSON_STRING:
        gql_inspect_str(b, v->text.ptr, v->text.len);
        return;
    case GQL_JSON_ARRAY:
    case GQL_JSON_OBJECT:
        break;
    }
    bool is_list = v->kind == GQL_JSON_ARRAY;
    if (v->count == 0) {
        gql_strbuf_puts(b, is_list ? "[]" : "{}");
        return;
    }
    if (depth >= GQL_INSPECT_MAX_DEPTH) {
        gql_strbuf_puts(b, is_list ? "[...]" : "{...}");
        return;
    }
    gql_strbuf_puts(b, is_list ? "[" : "{");
    for (size_t i = 0; i < v->count; i++) {
        if (i) gql_strbuf_puts(b, ", ");
        if (gql_inspect_cut(v->count, &i)) {
            gql_strbuf_puts(b, "...");
            continue;
        }
        if (is_list) {
            inspect_node(b, v->u.items[i], depth + 1);
        } else {
            const gql_json_member *m = &v->u.members[i];
            gql_inspect_str(b, m->key.ptr, m->key.len);
            gql_strbuf_puts(b, ": ");
            inspect_node(b, m->value, depth + 1);
        }
    }
    gql_strbuf_puts(b, is_list ? "]" : "}");
}

static void inspect(void *ctx, gql_value value, gql_strbuf *b) {
    (void)ctx;
    inspect_node(b, gql_json_of(value), 0);
}

/*=== MARK: Output side =====================================================*/

static bool resolve(void *ctx, gql_execution *exec, const gql_field_info *info,
                    gql_value const *parents, gql_path_ref const *paths, size_t n,
                    gql_value args, gql_resolved *out) {
    (void)ctx, (void)exec, (void)paths, (void)args;
    for (size_t i = 0; i < n; i++) {
        const gql_json *v = gql_json_get(gql_json_of(parents[i]), info->name->str,
                                         info->name->len);
        out[i].value = gql_json_value(v ? v : &null_node);
        out[i].error = false;
    }
    return true;
}

static gql_value_kind kind(void *ctx, gql_value value, gql_expect expected) {
    (void)ctx;
    const gql_json *v = gql_json_of(value);
    if (v->kind == GQL_JSON_NULL) return GQL_VALUE_NULL;
    /* Only arrays are iterable as graphql-core's is_iterable sees JSON:
     * strings and objects (mappings) are not. */
    if (v->kind == GQL_JSON_ARRAY && expected == GQL_EXPECT_LIST) return GQL_VALUE_LIST;
    return GQL_VALUE_OBJECT;
}

static bool list_items(void *ctx, gql_value value, gql_value **items, size_t *count,
                       gql_value *error) {
    (void)ctx;
    const gql_json *v = gql_json_of(value);
    *error = NULL;
    *items = NULL;
    *count = 0;
    if (v->count == 0) return true;
    *items = gql_malloc(v->count * sizeof **items);
    if (!*items) return false;
    for (size_t i = 0; i < v->count; i++) (*items)[i] = gql_json_value(v->u.items[i]);
    *count = v->count;
    return true;
}

/* Python's int(s) for a str: surrounding whitespace, a sign, decimal digits
 * with single underscores between them. *digits (no sign, leading zeros
 * dropped) and *negative; false when int() raises ValueError. */
static bool py_int_text(const gql_text *s, const char **digits, size_t *len, bool *negative) {
    size_t i = 0, n = s->len;
    const char *p = s->ptr;
#define PY_SPACE(c) ((c) == ' ' || ((c) >= '\t' && (c) <= '\r') || ((c) >= 0x1c && (c) <= 0x1f))
    while (i < n && PY_SPACE(p[i])) i++;
    while (n > i && PY_SPACE(p[n - 1])) n--;
#undef PY_SPACE
    *negative = false;
    if (i < n && (p[i] == '+' || p[i] == '-')) *negative = p[i++] == '-';
    if (i == n) return false;
    for (size_t k = i; k < n; k++) {
        if (p[k] >= '0' && p[k] <= '9') continue;
        if (p[k] == '_' && k > i && k + 1 < n && p[k - 1] != '_' && p[k + 1] != '_') continue;
        return false;
    }
    while (i + 1 < n && (p[i] == '0' || p[i] == '_')) i++;
    *digits = p + i;
    *len = n - i;
    return true;
}

/* The value of digits (underscores skipped) when it is within int64. */
static bool digits_int64(const char *digits, size_t len, bool negative, int64_t *out) {
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (digits[i] == '_') continue;
        unsigned d = (unsigned)(digits[i] - '0');
        if (v > (UINT64_MAX - d) / 10) return false;
        v = v * 10 + d;
    }
    if (negative ? v > (uint64_t)INT64_MAX + 1 : v > (uint64_t)INT64_MAX) return false;
    *out = negative ? (int64_t)(0 - v) : (int64_t)v;
    return true;
}

/* Python's float(s) for a str, when finite: a decimal number (underscores
 * between digits) inside whitespace. NaN and the infinities, which float()
 * also reads, fail graphql-core's isfinite check anyway. */
static bool py_float_text(const gql_text *s, double *out) {
    char stack[128];
    size_t cap = s->len + 1;
    char *buf = cap <= sizeof stack ? stack : gql_malloc(cap);
    if (!buf) return false;
    size_t n = 0, i = 0, len = s->len;
    const char *p = s->ptr;
    while (i < len && (p[i] == ' ' || (p[i] >= '\t' && p[i] <= '\r'))) i++;
    while (len > i && (p[len - 1] == ' ' || (p[len - 1] >= '\t' && p[len - 1] <= '\r'))) len--;
    bool ok = true, digits = false, exp_digits = true;
    if (i < len && (p[i] == '+' || p[i] == '-')) buf[n++] = p[i++];
    int part = 0; /* 0 integer, 1 fraction, 2 exponent */
    for (; i < len && ok; i++) {
        char c = p[i];
        if (c >= '0' && c <= '9') {
            buf[n++] = c;
            if (part < 2) digits = true;
            else exp_digits = true;
        } else if (c == '_') {
            ok = i > 0 && i + 1 < len && p[i - 1] >= '0' && p[i - 1] <= '9' &&
                 p[i + 1] >= '0' && p[i + 1] <= '9';
        } else if (c == '.' && part == 0) {
            buf[n++] = c;
            part = 1;
        } else if ((c == 'e' || c == 'E') && part < 2 && digits) {
            buf[n++] = 'e';
            part = 2;
            exp_digits = false;
            if (i + 1 < len && (p[i + 1] == '+' || p[i + 1] == '-')) buf[n++] = p[++i];
        } else {
            ok = false;
        }
    }
    ok = ok && digits && exp_digits;
    if (ok) {
        bool nomem = false;
        gql_text t = {buf + (buf[0] == '+' || buf[0] == '-'), n - (buf[0] == '+' || buf[0] == '-')};
        double d = gql_py_float(&t, &nomem);
        ok = !nomem && isfinite(d);
        *out = buf[0] == '-' ? -d : d;
    }
    if (buf != stack) gql_free(buf);
    return ok;
}

/* Whether a finite double is integral (int(d) == d), without libm: every
 * double beyond 2^53 in magnitude is. */
static bool is_integral(double d) {
    if (d >= 9007199254740992.0 || d <= -9007199254740992.0) return true;
    return (double)(int64_t)d == d;
}

static bool is_int32(int64_t v) {
    return v >= INT32_MIN && v <= INT32_MAX;
}

static bool name_is(const char *name, const char *s) {
    return strcmp(name, s) == 0;
}

static gql_leaf_out leaf(gql_value value) {
    return (gql_leaf_out){value, false};
}

/* A field error; out of memory (no message) is {NULL, false}, never
 * {NULL, true}, which tells the executor the host failed as a whole. */
static gql_leaf_out leaf_error(void *ctx, const char *prefix, const gql_json *v) {
    gql_value error = make_error(ctx, prefix, v);
    return (gql_leaf_out){error, error != NULL};
}

static gql_leaf_out int_of_text(void *ctx, const gql_json *v) {
    return leaf(make_string(ctx, v->text.ptr, v->text.len));
}

/* str(int) of an int node. */
static gql_leaf_out int_string(void *ctx, const gql_json *v) {
    if (!v->fits) return int_of_text(ctx, v);
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%" PRId64, v->i64);
    return leaf(make_string(ctx, digits, (size_t)n));
}

static gql_leaf_out serialize_int(void *ctx, const gql_json *v) {
    static const char non_integer[] = "Int cannot represent non-integer value: ";
    static const char non_32[] = "Int cannot represent non 32-bit signed integer value: ";
    switch ((gql_json_kind)v->kind) {
    case GQL_JSON_BOOL:
        return leaf(make_int(ctx, v->boolean));
    case GQL_JSON_INT:
        if (!v->fits || !is_int32(v->i64)) return leaf_error(ctx, non_32, v);
        return leaf(gql_json_value(v));
    case GQL_JSON_FLOAT:
        if (!isfinite(v->f64) || !is_integral(v->f64)) return leaf_error(ctx, non_integer, v);
        if (v->f64 < INT32_MIN || v->f64 > INT32_MAX) return leaf_error(ctx, non_32, v);
        return leaf(make_int(ctx, (int64_t)v->f64));
    case GQL_JSON_STRING: {
        const char *digits;
        size_t len;
        bool negative;
        int64_t n;
        if (!py_int_text(&v->text, &digits, &len, &negative)) return leaf_error(ctx, non_integer, v);
        if (!digits_int64(digits, len, negative, &n) || !is_int32(n))
            return leaf_error(ctx, non_32, v);
        return leaf(make_int(ctx, n));
    }
    default:
        return leaf_error(ctx, non_integer, v);
    }
}

static gql_leaf_out serialize_float(void *ctx, const gql_json *v) {
    static const char non_numeric[] = "Float cannot represent non numeric value: ";
    double d;
    switch ((gql_json_kind)v->kind) {
    case GQL_JSON_BOOL:
        return leaf(make_int(ctx, v->boolean));
    case GQL_JSON_INT:
        /* float(int) raises OverflowError past the double range, which
         * serialize_float does not catch: the field error is its text. */
        if (!isfinite(v->f64)) return leaf_error(ctx, "int too large to convert to float", NULL);
        return leaf(make_float(ctx, v->f64));
    case GQL_JSON_FLOAT:
        if (!isfinite(v->f64)) return leaf_error(ctx, non_numeric, v);
        return leaf(gql_json_value(v));
    case GQL_JSON_STRING:
        if (!py_float_text(&v->text, &d)) return leaf_error(ctx, non_numeric, v);
        return leaf(make_float(ctx, d));
    default:
        return leaf_error(ctx, non_numeric, v);
    }
}

static gql_leaf_out serialize_string(void *ctx, const gql_json *v) {
    switch ((gql_json_kind)v->kind) {
    case GQL_JSON_STRING:
        return leaf(gql_json_value(v));
    case GQL_JSON_BOOL:
        return leaf(make_string(ctx, v->boolean ? "true" : "false", v->boolean ? 4 : 5));
    case GQL_JSON_INT:
        return int_string(ctx, v);
    case GQL_JSON_FLOAT:
        if (isfinite(v->f64)) {
            char out[GQL_DOUBLE_REPR_MAX];
            size_t n = gql_format_double(v->f64, out);
            return leaf(make_string(ctx, out, n));
        }
        return leaf_error(ctx, "String cannot represent value: ", v);
    default:
        return leaf_error(ctx, "String cannot represent value: ", v);
    }
}

static gql_leaf_out serialize_boolean(void *ctx, const gql_json *v) {
    switch ((gql_json_kind)v->kind) {
    case GQL_JSON_BOOL:
        return leaf(gql_json_value(v));
    case GQL_JSON_INT:
        return leaf(make_bool(ctx, !v->fits || v->i64 != 0));
    case GQL_JSON_FLOAT:
        if (isfinite(v->f64)) return leaf(make_bool(ctx, v->f64 != 0));
        break;
    default:
        break;
    }
    return leaf_error(ctx, "Boolean cannot represent a non boolean value: ", v);
}

static gql_leaf_out serialize_id(void *ctx, const gql_json *v) {
    switch ((gql_json_kind)v->kind) {
    case GQL_JSON_STRING:
        return leaf(gql_json_value(v));
    case GQL_JSON_INT:
        return int_string(ctx, v);
    case GQL_JSON_FLOAT:
        if (isfinite(v->f64) && is_integral(v->f64)) {
            char digits[400]; /* str(int(d)): every digit of an integral double */
            int n = snprintf(digits, sizeof digits, "%.0f", v->f64);
            if (n > 0 && (size_t)n < sizeof digits) {
                if (n == 2 && digits[0] == '-' && digits[1] == '0') return leaf(make_string(ctx, "0", 1));
                return leaf(make_string(ctx, digits, (size_t)n));
            }
        }
        break;
    default:
        break;
    }
    return leaf_error(ctx, "ID cannot represent value: ", v);
}

static gql_leaf_out serialize_enum(void *ctx, const gql_schema_type *type, const gql_json *v) {
    if (v->kind == GQL_JSON_STRING) {
        size_t count = gql_schema_type_enum_value_count(type);
        for (size_t i = 0; i < count; i++) {
            size_t len;
            const char *name =
                gql_schema_enum_value_name(gql_schema_type_enum_value_at(type, i), &len);
            if (len == v->text.len && memcmp(name, v->text.ptr, len) == 0)
                return leaf(gql_json_value(v));
        }
    }
    gql_strbuf prefix = GQL_STRBUF_INIT;
    gql_strbuf_puts(&prefix, "Enum '");
    gql_strbuf_puts(&prefix, gql_schema_type_name(type));
    gql_strbuf_puts(&prefix, "' cannot represent value: ");
    gql_leaf_out out = {NULL, false};
    if (!prefix.nomem) out = leaf_error(ctx, gql_strbuf_cstr(&prefix), v);
    gql_strbuf_free(&prefix);
    return out;
}

static gql_leaf_out serialize(void *ctx, const gql_schema_type *type, gql_value value) {
    const gql_json *v = gql_json_of(value);
    if (gql_schema_type_kind(type) == GQL_TYPE_ENUM) return serialize_enum(ctx, type, v);
    if (!gql_schema_type_is_builtin(type)) return leaf(value);
    const char *name = gql_schema_type_name(type);
    if (name_is(name, "Int")) return serialize_int(ctx, v);
    if (name_is(name, "Float")) return serialize_float(ctx, v);
    if (name_is(name, "String")) return serialize_string(ctx, v);
    if (name_is(name, "Boolean")) return serialize_boolean(ctx, v);
    if (name_is(name, "ID")) return serialize_id(ctx, v);
    return leaf(value);
}

static int resolve_type(void *ctx, gql_execution *exec, const gql_field_info *info,
                        gql_path_ref path, const gql_schema_type *abstract, gql_value value,
                        const char **name, size_t *name_len, gql_value *error) {
    (void)ctx, (void)exec, (void)info, (void)path, (void)abstract, (void)error;
    const gql_json *t = gql_json_get(gql_json_of(value), "__typename", 10);
    if (!t || t->kind != GQL_JSON_STRING) return 0;
    *name = t->text.ptr;
    *name_len = t->text.len;
    return 1;
}

static void error_message(void *ctx, gql_value error, gql_strbuf *b) {
    (void)ctx;
    const gql_json *e = gql_json_of(error);
    gql_strbuf_append(b, e->text.ptr, e->text.len);
}

/* A host error: a string node with the message. */
static gql_value error_of_message(void *ctx, const char *message, size_t len) {
    return make_string(ctx, message, len);
}

static bool write_leaf(void *ctx, gql_value value, gql_json_writer *w, gql_value *error) {
    if (gql_json_write(w, gql_json_of(value))) return true;
    *error = w->nomem ? NULL : make_error(ctx, "The value nests too deeply to be written.", NULL);
    return false;
}

/*=== MARK: Input side ======================================================*/

static gql_value enum_value(void *ctx, const gql_schema_type *type, uint32_t index) {
    size_t len;
    const char *name = gql_schema_enum_value_name(gql_schema_type_enum_value_at(type, index), &len);
    return make_string(ctx, name, len);
}

/* value_from_ast_untyped(literal, variables). */
static gql_value untyped(void *ctx, const gql_node *node, const gql_json *variables) {
    const gql_text *text = &((const gql_scalar_value *)node)->value;
    switch ((gql_kind)node->kind) {
    case GQL_NULL_VALUE:
        return make_null(ctx);
    case GQL_BOOLEAN_VALUE:
        return make_bool(ctx, (node->flags & GQL_FLAG_TRUE) != 0);
    case GQL_INT_VALUE:
        if (text->len - (text->ptr[0] == '-') > GQL_PY_INT_MAX_STR_DIGITS)
            return make_float(ctx, NAN); /* int() refuses it: nan */
        return make_int_text(ctx, text->ptr, text->len);
    case GQL_FLOAT_VALUE: {
        bool nomem = false;
        double d = gql_py_float(text, &nomem);
        return nomem ? NULL : make_float(ctx, d);
    }
    case GQL_STRING_VALUE: {
        const gql_text *s = &((const gql_string_value *)node)->value;
        return make_string(ctx, s->ptr, s->len);
    }
    case GQL_ENUM_VALUE:
        return make_string(ctx, text->ptr, text->len);
    case GQL_LIST_VALUE: {
        const gql_list *values = &((const gql_list_value *)node)->values;
        gql_value list = make_list(ctx, values->count);
        if (!list) return NULL;
        for (uint32_t i = 0; i < values->count; i++) {
            gql_value item = untyped(ctx, values->items[i], variables);
            if (!item) return NULL;
            list_set(ctx, list, i, item);
        }
        return list;
    }
    case GQL_OBJECT_VALUE: {
        const gql_list *fields = &((const gql_object_value *)node)->fields;
        gql_value object = make_object(ctx);
        if (!object) return NULL;
        for (uint32_t i = 0; i < fields->count; i++) {
            const gql_object_field *f = (const gql_object_field *)fields->items[i];
            gql_value item = untyped(ctx, f->value, variables);
            if (!item || !object_set(ctx, object, f->name->value->str, f->name->value->len, item))
                return NULL;
        }
        return object;
    }
    case GQL_VARIABLE: {
        const gql_sym *name = ((const gql_variable *)node)->name->value;
        const gql_json *v = gql_json_get(variables, name->str, name->len);
        return gql_json_value(v ? v : &null_node); /* Python: Undefined */
    }
    default:
        return make_null(ctx);
    }
}

static gql_resolved parse_literal(void *ctx, const gql_schema_type *type, const gql_node *literal,
                                  gql_value variables) {
    (void)type;
    return (gql_resolved){untyped(ctx, literal, gql_json_of(variables)), false};
}

static gql_resolved parse_value(void *ctx, const gql_schema_type *type, gql_value value) {
    (void)ctx, (void)type;
    return (gql_resolved){value, false};
}

static gql_value_kind input_kind(void *ctx, gql_value value) {
    (void)ctx;
    switch ((gql_json_kind)gql_json_of(value)->kind) {
    case GQL_JSON_NULL:
        return GQL_VALUE_NULL;
    case GQL_JSON_BOOL:
        return GQL_VALUE_BOOL;
    case GQL_JSON_INT:
        return GQL_VALUE_INT;
    case GQL_JSON_FLOAT:
        return GQL_VALUE_FLOAT;
    case GQL_JSON_STRING:
        return GQL_VALUE_STRING;
    case GQL_JSON_ARRAY:
        return GQL_VALUE_LIST;
    case GQL_JSON_OBJECT:
        return GQL_VALUE_OBJECT;
    }
    return GQL_VALUE_OTHER;
}

static bool input_bool(void *ctx, gql_value value) {
    (void)ctx;
    return gql_json_of(value)->boolean;
}

static bool input_int(void *ctx, gql_value value, int64_t *out) {
    (void)ctx;
    const gql_json *v = gql_json_of(value);
    if (v->kind != GQL_JSON_INT || !v->fits) return false;
    *out = v->i64;
    return true;
}

static double input_float(void *ctx, gql_value value) {
    (void)ctx;
    return gql_json_of(value)->f64;
}

static const char *input_string(void *ctx, gql_value value, size_t *len) {
    (void)ctx;
    const gql_json *v = gql_json_of(value);
    *len = v->text.len;
    return v->text.ptr;
}

static size_t input_list(void *ctx, gql_value value, gql_value const **items) {
    (void)ctx;
    const gql_json *v = gql_json_of(value);
    *items = (gql_value const *)v->u.items;
    return v->count;
}

static gql_value input_field(void *ctx, gql_value object, const char *name, size_t len) {
    (void)ctx;
    return gql_json_value(gql_json_get(gql_json_of(object), name, len));
}

static bool input_key(void *ctx, gql_value object, size_t index, const char **key,
                      size_t *key_len) {
    (void)ctx;
    const gql_json *v = gql_json_of(object);
    if (v->kind != GQL_JSON_OBJECT || index >= v->count) return false;
    *key = v->u.members[index].key.ptr;
    *key_len = v->u.members[index].key.len;
    return true;
}

static void release(void *ctx, gql_value value) {
    (void)ctx, (void)value;
}

static void retain(void *ctx, gql_value value) {
    (void)ctx, (void)value;
}

const gql_host gql_json_host = {
    .resolve = resolve,
    .kind = kind,
    .list_items = list_items,
    .serialize = serialize,
    .resolve_type = resolve_type,
    .is_type_of = NULL,
    .error_message = error_message,
    .make_error = error_of_message,
    .write_leaf = write_leaf,
    .write_error_extensions = NULL,
    .make_null = make_null,
    .make_bool = make_bool,
    .make_int = make_int,
    .make_int_text = make_int_text,
    .make_float = make_float,
    .make_string = make_string,
    .make_list = make_list,
    .list_set = list_set,
    .make_object = make_object,
    .object_set = object_set,
    .enum_value = enum_value,
    .parse_literal = parse_literal,
    .parse_value = parse_value,
    .input_kind = input_kind,
    .input_bool = input_bool,
    .input_int = input_int,
    .input_float = input_float,
    .input_string = input_string,
    .input_list = input_list,
    .input_field = input_field,
    .input_key = input_key,
    .inspect = inspect,
    .release = release,
    .retain = retain,
};
