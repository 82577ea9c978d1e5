/*
 * printer.c: turns an AST back into GraphQL source text, byte for byte as
 * graphql-core 3.2.14's print_ast does (language/printer.py, print_string.py
 * and print_block_string in block_string.py).
 *
 * graphql-core builds a linked list of buffers per node and renders it at
 * the end; indentation is applied to every newline inside an indented block,
 * block strings included. Here the text goes straight into one growable
 * buffer (from gql_realloc, so an embedder's allocator applies), and the
 * writer itself inserts the indentation after each newline it writes.
 *
 * The few decisions that depend on the size of what is about to be printed
 * (wrapping long argument lists, putting argument and variable definitions
 * on separate lines when one of them spans lines) are taken by printing the
 * pieces in "measuring" mode first: the writer then only counts code points
 * and newlines, as graphql-core's buffer lengths do. Only arguments and
 * definitions are measured, and they never contain anything measured in
 * turn, so nothing is printed more than twice.
 *
 * The printer recurses over the tree; its depth is bounded by the parser's
 * max_depth, so that is safe.
 */
#include <stdint.h>
#include <string.h>

#include "graftql.h"
#include "mem.h"
#include "printer.h"

/* graphql-core's MAX_LINE_LENGTH: the argument wrapping limit, counted in
 * code points over the whole field prefix and argument list. */
#define MAX_LINE_LENGTH 80

/*=== MARK: Writer ==========================================================*/

typedef struct writer {
    char *buf;        /* output; NULL until the first allocation */
    size_t len;       /* bytes written */
    size_t cap;       /* bytes allocated (one is kept for the final NUL) */
    size_t depth;     /* indentation level: 2 spaces after each newline */
    bool measuring;   /* count what would be written instead of writing it */
    bool nomem;       /* an allocation failed; everything after is dropped */
    size_t chars;     /* measuring: code points, as Python's len() counts */
    size_t newlines;  /* measuring: newline characters */
} writer;

/* UTF-8 continuation bytes are the only ones that do not start a code point. */
static size_t count_codepoints(const char *s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0u) != 0x80u;
    return count;
}

/* Make room for extra more bytes plus the NUL; false (and nomem) if not. */
static bool reserve(writer *w, size_t extra) {
    if (w->nomem) return false;
    if (w->cap - w->len > extra) return true;
    if (extra > SIZE_MAX - w->len - 1) {
        w->nomem = true;
        return false;
    }
    size_t need = w->len + extra + 1;
    size_t cap = w->cap ? w->cap : 256;
    while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = gql_realloc(w->buf, cap);
    if (!p) {
        w->nomem = true;
        return false;
    }
    w->buf = p;
    w->cap = cap;
    return true;
}

/* Write bytes known to hold no newline. */
static void put_raw(writer *w, const char *s, size_t n) {
    if (w->measuring) {
        w->chars += count_codepoints(s, n);
        return;
    }
    if (n == 0 || !reserve(w, n)) return;
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

/* A newline followed by the current indentation, as render() joins lines. */
static void put_newline(writer *w) {
    size_t pad = 2 * w->depth;
    if (w->measuring) {
        w->newlines++;
        w->chars += 1 + pad;
        return;
    }
    if (!reserve(w, 1 + pad)) return;
    w->buf[w->len++] = '\n';
    memset(w->buf + w->len, ' ', pad);
    w->len += pad;
}

/* Write bytes that may hold newlines; only "\n" counts as one, as in
 * graphql-core's PrintBuffer (a "\r" inside a block string stays as is). */
static void put(writer *w, const char *s, size_t n) {
    while (n) {
        const char *nl = memchr(s, '\n', n);
        size_t seg = nl ? (size_t)(nl - s) : n;
        put_raw(w, s, seg);
        if (!nl) return;
        put_newline(w);
        s += seg + 1;
        n -= seg + 1;
    }
}

#define PUTS(w, lit) put((w), (lit), sizeof(lit) - 1)

static void put_str(writer *w, const char *s) { put(w, s, strlen(s)); }

/* graphql-core's indent(): the first line gets two spaces here, the later
 * ones get them from put_newline while depth is raised. */
static void begin_indent(writer *w) {
    w->depth++;
    put_raw(w, "  ", 2);
}

static void end_indent(writer *w) { w->depth--; }

/*=== MARK: Strings =========================================================*/

/* print_string: escape control characters, '"', '\\', DEL and the C1
 * controls U+0080..U+009F; everything else (other non-ASCII included) is
 * copied. Uppercase hex, as graphql-core's table has it. */
static void put_string(writer *w, const char *s, size_t n) {
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0;  /* start of the pending run of bytes copied as is */
    put_raw(w, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned c = u[i];
        char esc[6];
        size_t esc_len = 2;
        size_t skip = 1;
        if (c == 0xC2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F) {
            c = u[i + 1];
            skip = 2;
        } else if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) {
            continue;
        }
        esc[0] = '\\';
        switch (c) {
        case '\b': esc[1] = 'b'; break;
        case '\t': esc[1] = 't'; break;
        case '\n': esc[1] = 'n'; break;
        case '\f': esc[1] = 'f'; break;
        case '\r': esc[1] = 'r'; break;
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 0xF];
            esc_len = 6;
        }
        put_raw(w, s + run, i - run);
        put_raw(w, esc, esc_len);
        i += skip - 1;
        run = i + 1;
    }
    put_raw(w, s + run, n - run);
    put_raw(w, "\"", 1);
}

static bool is_triple_quote(const char *s, size_t n, size_t i) {
    return i + 3 <= n && s[i] == '"' && s[i + 1] == '"' && s[i + 2] == '"';
}

/*
 * print_block_string. graphql-core first escapes every '"""' (scanning left
 * to right, without overlap) and then inspects the escaped text; the checks
 * are made on the original value here, which gives the same answers: the
 * escape only inserts a backslash before a quote, so no line changes between
 * empty, indented and other, and the escaped text ends in '\"""' exactly
 * when the last escaped triple quote ends the value.
 */
static void put_block_string(writer *w, const char *s, size_t n, bool minimize) {
    bool multi_line = false;         /* has a line terminator */
    bool lines_indented = true;      /* every later line empty or indented */
    bool trailing_triple = false;    /* the last '"""' escaped ends the value */
    for (size_t i = 0; i < n;) {
        if (is_triple_quote(s, n, i)) {
            i += 3;
            trailing_triple = i == n;
            continue;
        }
        if (s[i] == '\r' || s[i] == '\n') {
            i += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
            multi_line = true;
            if (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
                lines_indented = false;
            continue;
        }
        i++;
    }
    bool force_leading = multi_line && lines_indented;
    bool trailing_quote = n > 0 && s[n - 1] == '"' && !trailing_triple;
    bool trailing_slash = n > 0 && s[n - 1] == '\\';
    bool force_trailing = trailing_quote || trailing_slash;
    bool as_multiple_lines =
        !minimize && (multi_line || count_codepoints(s, n) > 70 || force_trailing ||
                      force_leading || trailing_triple);
    /* A single line starting with blanks would lose them after a newline. */
    bool skip_leading = !multi_line && n > 0 && (s[0] == ' ' || s[0] == '\t');

    PUTS(w, "\"\"\"");
    if ((as_multiple_lines && !skip_leading) || force_leading) put_newline(w);
    size_t run = 0;
    for (size_t i = 0; i < n;) {
        if (is_triple_quote(s, n, i)) {
            put(w, s + run, i - run);
            PUTS(w, "\\\"\"\"");
            i += 3;
            run = i;
        } else {
            i++;
        }
    }
    put(w, s + run, n - run);
    if (as_multiple_lines || force_trailing) put_newline(w);
    PUTS(w, "\"\"\"");
}

/*=== MARK: Nodes ===========================================================*/

#define AS(T, n) ((const T *)(const void *)(n))
#define N(p) ((const gql_node *)(const void *)(p))

static void print_node(writer *w, const gql_node *node);

/* Count what printing node would produce, at indentation zero, leaving the
 * writer as it was. */
static void measure(writer *w, const gql_node *node, size_t *chars, size_t *newlines) {
    bool was_measuring = w->measuring;
    size_t depth = w->depth, old_chars = w->chars, old_newlines = w->newlines;
    w->measuring = true;
    w->depth = 0;
    w->chars = 0;
    w->newlines = 0;
    print_node(w, node);
    *chars = w->chars;
    *newlines = w->newlines;
    w->measuring = was_measuring;
    w->depth = depth;
    w->chars = old_chars;
    w->newlines = old_newlines;
}

static void print_list(writer *w, const gql_list *list, const char *sep) {
    size_t sep_len = strlen(sep);
    for (uint32_t i = 0; i < list->count; i++) {
        if (i) put(w, sep, sep_len);
        print_node(w, list->items[i]);
    }
}

/* graphql-core's block(): items one per line inside an indented "{ }". */
static void print_block(writer *w, const gql_list *list) {
    if (!list->count) return;
    PUTS(w, "{\n");
    begin_indent(w);
    print_list(w, list, "\n");
    end_indent(w);
    PUTS(w, "\n}");
}

/* Items one per line, indented or not, between parentheses. */
static void print_parenthesized_lines(writer *w, const gql_list *list, bool indent) {
    PUTS(w, "(\n");
    if (indent) begin_indent(w);
    print_list(w, list, "\n");
    if (indent) end_indent(w);
    PUTS(w, "\n)");
}

static void print_parenthesized(writer *w, const gql_list *list) {
    PUTS(w, "(");
    print_list(w, list, ", ");
    PUTS(w, ")");
}

static bool has_multiline_items(writer *w, const gql_list *list) {
    for (uint32_t i = 0; i < list->count; i++) {
        size_t chars, newlines;
        measure(w, list->items[i], &chars, &newlines);
        if (newlines) return true;
    }
    return false;
}

/* Argument and directive argument definitions go one per line only when one
 * of them spans lines (a description does); there is no width limit. */
static void print_arguments_definition(writer *w, const gql_list *args) {
    if (!args->count) return;
    if (has_multiline_items(w, args))
        print_parenthesized_lines(w, args, true);
    else
        print_parenthesized(w, args);
}

/* wrap("", description, "\n") */
static void print_description(writer *w, const gql_string_value *description) {
    if (!description) return;
    print_node(w, N(description));
    PUTS(w, "\n");
}

static void print_directives_after_space(writer *w, const gql_list *directives) {
    if (!directives->count) return;
    PUTS(w, " ");
    print_list(w, directives, " ");
}

static void print_operation_definition(writer *w, const gql_operation_definition *op) {
    gql_operation kind = (gql_operation)op->base.flags;
    /* An anonymous query with nothing but a selection set uses the short
     * form; graphql-core tests that its prefix is just "query". */
    if (kind != GQL_QUERY || op->description || op->name ||
        op->variable_definitions.count || op->directives.count) {
        print_description(w, op->description);
        put_str(w, gql_operation_name(kind));
        if (op->name || op->variable_definitions.count) {
            PUTS(w, " ");
            print_node(w, N(op->name));
            if (op->variable_definitions.count) {
                /* 3.2.14 does not indent variable definitions that it puts
                 * on their own lines. */
                if (has_multiline_items(w, &op->variable_definitions))
                    print_parenthesized_lines(w, &op->variable_definitions, false);
                else
                    print_parenthesized(w, &op->variable_definitions);
            }
        }
        print_directives_after_space(w, &op->directives);
        PUTS(w, " ");
    }
    print_node(w, N(op->selection_set));
}

static void print_field(writer *w, const gql_field *field) {
    size_t prefix_len = 0, chars, newlines;
    if (field->alias) {
        print_node(w, N(field->alias));
        PUTS(w, ": ");
        measure(w, N(field->alias), &chars, &newlines);
        prefix_len += chars + 2;
    }
    print_node(w, N(field->name));
    if (field->arguments.count) {
        measure(w, N(field->name), &chars, &newlines);
        prefix_len += chars;
        /* The arguments as joined with ", " plus the parentheses. */
        size_t line_len = prefix_len + 2 + 2 * (field->arguments.count - 1);
        for (uint32_t i = 0; i < field->arguments.count; i++) {
            measure(w, field->arguments.items[i], &chars, &newlines);
            line_len += chars;
        }
        if (line_len > MAX_LINE_LENGTH)
            print_parenthesized_lines(w, &field->arguments, true);
        else
            print_parenthesized(w, &field->arguments);
    }
    print_directives_after_space(w, &field->directives);
    if (field->selection_set) {
        PUTS(w, " ");
        print_node(w, N(field->selection_set));
    }
}

static void print_fragment_definition(writer *w, const gql_fragment_definition *frag) {
    print_description(w, frag->description);
    PUTS(w, "fragment ");
    print_node(w, N(frag->name));
    PUTS(w, " on ");
    print_node(w, N(frag->type_condition));
    PUTS(w, " ");
    if (frag->directives.count) {
        print_list(w, &frag->directives, " ");
        PUTS(w, " ");
    }
    print_node(w, N(frag->selection_set));
}

/* Every named type definition and extension: keyword, name, interfaces,
 * directives, then the members as a block, or as "= A | B" for unions.
 * Extensions have no description. */
static void print_type_definition(writer *w, const gql_type_definition *type,
                                  const char *keyword) {
    gql_kind kind = (gql_kind)type->base.kind;
    bool extension = kind >= GQL_SCALAR_TYPE_EXTENSION;
    if (extension)
        PUTS(w, "extend ");
    else
        print_description(w, type->description);
    put_str(w, keyword);
    if (type->name) {
        PUTS(w, " ");
        print_node(w, N(type->name));
    }
    if (type->interfaces.count) {
        PUTS(w, " implements ");
        print_list(w, &type->interfaces, " & ");
    }
    print_directives_after_space(w, &type->directives);
    if (type->members.count) {
        PUTS(w, " ");
        if (kind == GQL_UNION_TYPE_DEFINITION || kind == GQL_UNION_TYPE_EXTENSION) {
            PUTS(w, "= ");
            print_list(w, &type->members, " | ");
        } else {
            print_block(w, &type->members);
        }
    }
}

static void print_schema_definition(writer *w, const gql_schema_definition *schema) {
    if (schema->base.kind == GQL_SCHEMA_DEFINITION) {
        print_description(w, schema->description);
        PUTS(w, "schema");
    } else {
        PUTS(w, "extend schema");
    }
    print_directives_after_space(w, &schema->directives);
    if (schema->operation_types.count) {
        PUTS(w, " ");
        print_block(w, &schema->operation_types);
    }
}

static void print_directive_definition(writer *w, const gql_directive_definition *def) {
    print_description(w, def->description);
    PUTS(w, "directive @");
    print_node(w, N(def->name));
    print_arguments_definition(w, &def->arguments);
    if (def->base.flags & GQL_FLAG_REPEATABLE) PUTS(w, " repeatable");
    PUTS(w, " on ");
    print_list(w, &def->locations, " | ");
}

static void print_node(writer *w, const gql_node *node) {
    if (!node) return;  /* graphql-core's join and wrap drop None */
    switch ((gql_kind)node->kind) {
    case GQL_NAME: {
        const gql_sym *sym = AS(gql_name, node)->value;
        if (sym) put(w, sym->str, sym->len);
        break;
    }
    case GQL_DOCUMENT:
        print_list(w, &AS(gql_document_node, node)->definitions, "\n\n");
        break;
    case GQL_OPERATION_DEFINITION:
        print_operation_definition(w, AS(gql_operation_definition, node));
        break;
    case GQL_VARIABLE_DEFINITION: {
        const gql_variable_definition *def = AS(gql_variable_definition, node);
        print_description(w, def->description);
        print_node(w, N(def->variable));
        PUTS(w, ": ");
        print_node(w, def->type);
        if (def->default_value) {
            PUTS(w, " = ");
            print_node(w, def->default_value);
        }
        print_directives_after_space(w, &def->directives);
        break;
    }
    case GQL_SELECTION_SET:
        print_block(w, &AS(gql_selection_set, node)->selections);
        break;
    case GQL_FIELD:
        print_field(w, AS(gql_field, node));
        break;
    case GQL_ARGUMENT:
    case GQL_OBJECT_FIELD: {
        const gql_argument *arg = AS(gql_argument, node);
        print_node(w, N(arg->name));
        PUTS(w, ": ");
        print_node(w, arg->value);
        break;
    }
    case GQL_FRAGMENT_SPREAD: {
        const gql_fragment_spread *spread = AS(gql_fragment_spread, node);
        PUTS(w, "...");
        print_node(w, N(spread->name));
        print_directives_after_space(w, &spread->directives);
        break;
    }
    case GQL_INLINE_FRAGMENT: {
        const gql_inline_fragment *frag = AS(gql_inline_fragment, node);
        PUTS(w, "...");
        if (frag->type_condition) {
            PUTS(w, " on ");
            print_node(w, N(frag->type_condition));
        }
        print_directives_after_space(w, &frag->directives);
        if (frag->selection_set) {
            PUTS(w, " ");
            print_node(w, N(frag->selection_set));
        }
        break;
    }
    case GQL_FRAGMENT_DEFINITION:
        print_fragment_definition(w, AS(gql_fragment_definition, node));
        break;
    case GQL_VARIABLE:
        PUTS(w, "$");
        print_node(w, N(AS(gql_variable, node)->name));
        break;
    case GQL_INT_VALUE:
    case GQL_FLOAT_VALUE:
    case GQL_ENUM_VALUE: {
        const gql_text *text = &AS(gql_scalar_value, node)->value;
        put(w, text->ptr, text->len);
        break;
    }
    case GQL_STRING_VALUE: {
        const gql_string_value *str = AS(gql_string_value, node);
        if (str->base.flags & GQL_FLAG_BLOCK)
            put_block_string(w, str->value.ptr, str->value.len, false);
        else
            put_string(w, str->value.ptr, str->value.len);
        break;
    }
    case GQL_BOOLEAN_VALUE:
        if (node->flags & GQL_FLAG_TRUE)
            PUTS(w, "true");
        else
            PUTS(w, "false");
        break;
    case GQL_NULL_VALUE:
        PUTS(w, "null");
        break;
    case GQL_LIST_VALUE:
        PUTS(w, "[");
        print_list(w, &AS(gql_list_value, node)->values, ", ");
        PUTS(w, "]");
        break;
    case GQL_OBJECT_VALUE:
        PUTS(w, "{");
        print_list(w, &AS(gql_object_value, node)->fields, ", ");
        PUTS(w, "}");
        break;
    case GQL_DIRECTIVE: {
        const gql_directive *dir = AS(gql_directive, node);
        PUTS(w, "@");
        print_node(w, N(dir->name));
        if (dir->arguments.count) print_parenthesized(w, &dir->arguments);
        break;
    }
    case GQL_NAMED_TYPE:
        print_node(w, N(AS(gql_named_type, node)->name));
        break;
    case GQL_LIST_TYPE:
        PUTS(w, "[");
        print_node(w, AS(gql_wrapping_type, node)->type);
        PUTS(w, "]");
        break;
    case GQL_NON_NULL_TYPE:
        print_node(w, AS(gql_wrapping_type, node)->type);
        PUTS(w, "!");
        break;
    case GQL_SCHEMA_DEFINITION:
    case GQL_SCHEMA_EXTENSION:
        print_schema_definition(w, AS(gql_schema_definition, node));
        break;
    case GQL_OPERATION_TYPE_DEFINITION: {
        const gql_operation_type_definition *def = AS(gql_operation_type_definition, node);
        put_str(w, gql_operation_name((gql_operation)def->base.flags));
        PUTS(w, ": ");
        print_node(w, N(def->type));
        break;
    }
    case GQL_SCALAR_TYPE_DEFINITION:
    case GQL_SCALAR_TYPE_EXTENSION:
        print_type_definition(w, AS(gql_type_definition, node), "scalar");
        break;
    case GQL_OBJECT_TYPE_DEFINITION:
    case GQL_OBJECT_TYPE_EXTENSION:
        print_type_definition(w, AS(gql_type_definition, node), "type");
        break;
    case GQL_INTERFACE_TYPE_DEFINITION:
    case GQL_INTERFACE_TYPE_EXTENSION:
        print_type_definition(w, AS(gql_type_definition, node), "interface");
        break;
    case GQL_UNION_TYPE_DEFINITION:
    case GQL_UNION_TYPE_EXTENSION:
        print_type_definition(w, AS(gql_type_definition, node), "union");
        break;
    case GQL_ENUM_TYPE_DEFINITION:
    case GQL_ENUM_TYPE_EXTENSION:
        print_type_definition(w, AS(gql_type_definition, node), "enum");
        break;
    case GQL_INPUT_OBJECT_TYPE_DEFINITION:
    case GQL_INPUT_OBJECT_TYPE_EXTENSION:
        print_type_definition(w, AS(gql_type_definition, node), "input");
        break;
    case GQL_FIELD_DEFINITION: {
        const gql_field_definition *def = AS(gql_field_definition, node);
        print_description(w, def->description);
        print_node(w, N(def->name));
        print_arguments_definition(w, &def->arguments);
        PUTS(w, ": ");
        print_node(w, def->type);
        print_directives_after_space(w, &def->directives);
        break;
    }
    case GQL_INPUT_VALUE_DEFINITION: {
        const gql_input_value_definition *def = AS(gql_input_value_definition, node);
        print_description(w, def->description);
        print_node(w, N(def->name));
        PUTS(w, ": ");
        print_node(w, def->type);
        if (def->default_value) {
            PUTS(w, " = ");
            print_node(w, def->default_value);
        }
        print_directives_after_space(w, &def->directives);
        break;
    }
    case GQL_ENUM_VALUE_DEFINITION: {
        const gql_enum_value_definition *def = AS(gql_enum_value_definition, node);
        print_description(w, def->description);
        print_node(w, N(def->name));
        print_directives_after_space(w, &def->directives);
        break;
    }
    case GQL_DIRECTIVE_DEFINITION:
        print_directive_definition(w, AS(gql_directive_definition, node));
        break;
    case GQL_KIND_COUNT:
        break;
    }
}

/*=== MARK: Public entry points =============================================*/

/* Hand the buffer over NUL-terminated, or free it if anything failed. */
static char *finish(writer *w, size_t *length) {
    if (!reserve(w, 0)) {
        gql_free(w->buf);
        return NULL;
    }
    w->buf[w->len] = '\0';
    if (length) *length = w->len;
    return w->buf;
}

char *gql_print(const gql_node *node, size_t *length) {
    writer w = {0};
    print_node(&w, node);
    return finish(&w, length);
}

char *gql_print_block_string(const char *value, size_t len, bool minimize,
                             size_t *length) {
    writer w = {0};
    put_block_string(&w, value, len, minimize);
    return finish(&w, length);
}

char *gql_print_string(const char *value, size_t len, size_t *length) {
    writer w = {0};
    put_string(&w, value, len);
    return finish(&w, length);
}

bool gql_is_printable_as_block_string(const char *value, size_t len) {
    if (len == 0) return true;
    bool is_empty_line = true;
    bool has_indent = false;
    bool has_common_indent = true;
    bool seen_non_empty_line = false;
    /* Bytes stand in for code points: every byte of a multi-byte character
     * is above U+000F and takes the same branch, which is idempotent. */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)value[i];
        if (c == '\n') {
            if (is_empty_line && !seen_non_empty_line) return false;  /* leading newline */
            seen_non_empty_line = true;
            is_empty_line = true;
            has_indent = false;
        } else if (c == ' ' || c == '\t') {
            has_indent = has_indent || is_empty_line;
        } else if (c <= 0x0F) {
            return false;  /* control characters, "\r" included, would not survive */
        } else {
            has_common_indent = has_common_indent && has_indent;
            is_empty_line = false;
        }
    }
    if (is_empty_line) return false;  /* trailing empty lines */
    if (has_common_indent && seen_non_empty_line) return false;  /* internal indent */
    return true;
}
