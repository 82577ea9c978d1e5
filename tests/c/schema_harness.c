/* schema_harness.c: see schema_harness.h. */
#include "schema_harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "type/schema.h"

gql_schema *gql_test_build_case(const schema_case *c, gql_document **docs,
                                gql_error_list *errors) {
    for (unsigned i = 0; i < c->nsources; i++) {
        gql_error err = {0};
        docs[i] = gql_parse(c->sources[i], strlen(c->sources[i]), NULL, &err);
        if (!docs[i]) {
            gql_test_fail(__FILE__, __LINE__, "%s: parse failed: %s", c->name, err.message);
            gql_error_clear(&err);
            return NULL;
        }
    }
    gql_schema_options options;
    gql_schema_options_init(&options);
    options.assume_valid_sdl = c->assume_valid_sdl;
    return gql_schema_build((const gql_document *const *)docs, c->nsources, &options, errors);
}

void gql_test_free_docs(gql_document **docs, unsigned n) {
    for (unsigned i = 0; i < n; i++) gql_document_free(docs[i]);
}

void gql_test_check_errors(const schema_case *c, gql_document *const *docs,
                           const gql_error_list *errors) {
    if (errors->count != c->nerrors)
        gql_test_fail(__FILE__, __LINE__, "%s: %zu errors, expected %u", c->name, errors->count,
                      c->nerrors);
    size_t n = errors->count < c->nerrors ? errors->count : c->nerrors;
    for (size_t i = 0; i < errors->count; i++) {
        const gql_diagnostic *got = &errors->items[i];
        if (i >= n) {
            gql_test_fail(__FILE__, __LINE__, "%s: unexpected error: %s", c->name, got->message);
            continue;
        }
        const expected_error *want = &c->errors[i];
        if (strcmp(got->message, want->message) != 0) {
            gql_test_fail(__FILE__, __LINE__, "%s: error %zu:\n  got:      %s\n  expected: %s",
                          c->name, i, got->message, want->message);
            continue;
        }
        if (got->location_count != want->nlocs) {
            gql_test_fail(__FILE__, __LINE__, "%s: %s: %u locations, expected %u", c->name,
                          want->message, got->location_count, want->nlocs);
            continue;
        }
        for (unsigned j = 0; j < want->nlocs; j++) {
            const gql_source_location *l = &got->locations[j];
            size_t len;
            const char *src = gql_document_source(docs[l->source], &len);
            gql_location at = gql_locate(src, len, l->offset);
            const expected_location *w = &want->locs[j];
            if (l->source != w->source || at.line != w->line || at.column != w->column)
                gql_test_fail(__FILE__, __LINE__,
                              "%s: %s: location %u is %u:%u:%u, expected %u:%u:%u", c->name,
                              want->message, j, l->source, at.line, at.column, w->source,
                              w->line, w->column);
        }
    }
    for (size_t i = errors->count; i < c->nerrors; i++)
        gql_test_fail(__FILE__, __LINE__, "%s: missing error: %s", c->name, c->errors[i].message);
}

/*=== MARK: Canonical dump ==================================================*/

/* json.dumps(value, ensure_ascii=False), or null. */
static void put_json(gql_strbuf *b, const char *s, size_t len, bool present) {
    if (!present) {
        gql_strbuf_puts(b, "null");
        return;
    }
    gql_strbuf_puts(b, "\"");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        switch (c) {
        case '"': gql_strbuf_puts(b, "\\\""); break;
        case '\\': gql_strbuf_puts(b, "\\\\"); break;
        case '\n': gql_strbuf_puts(b, "\\n"); break;
        case '\r': gql_strbuf_puts(b, "\\r"); break;
        case '\t': gql_strbuf_puts(b, "\\t"); break;
        case '\b': gql_strbuf_puts(b, "\\b"); break;
        case '\f': gql_strbuf_puts(b, "\\f"); break;
        default:
            if (c < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", c);
                gql_strbuf_puts(b, esc);
            } else {
                gql_strbuf_append(b, (const char *)&s[i], 1);
            }
        }
    }
    gql_strbuf_puts(b, "\"");
}

void gql_test_put_json(gql_strbuf *b, const char *s, size_t len, bool present) {
    put_json(b, s, len, present);
}

static void put_text(gql_strbuf *b, gql_text t) { put_json(b, t.ptr, t.len, t.ptr != NULL); }

static void put_name(gql_strbuf *b, const gql_schema_type *t) {
    if (t) put_json(b, t->name->str, t->name->len, true);
    else gql_strbuf_puts(b, "null");
}

static void put_input_value(gql_strbuf *b, const char *indent, const char *kind,
                            const gql_schema_input_value *v) {
    gql_strbuf_puts(b, indent);
    gql_strbuf_puts(b, kind);
    gql_strbuf_puts(b, " ");
    gql_strbuf_puts(b, v->name->str);
    gql_strbuf_puts(b, ": ");
    gql_type_ref_print(b, v->type);
    gql_strbuf_puts(b, " description=");
    put_text(b, v->description);
    gql_strbuf_puts(b, " default=");
    size_t len = 0;
    char *printed = v->default_value ? gql_print(v->default_value, &len) : NULL;
    put_json(b, printed, len, printed != NULL);
    gql_free(printed);
    gql_strbuf_puts(b, v->default_state == GQL_DEFAULT_VALID ? " applies=1" : " applies=0");
    gql_strbuf_puts(b, " deprecated=");
    put_text(b, v->deprecation_reason);
    gql_strbuf_puts(b, "\n");
}

char *gql_test_schema_dump(const gql_schema *s) {
    gql_strbuf b = GQL_STRBUF_INIT;
    gql_strbuf_puts(&b, "schema description=");
    put_text(&b, s->description);
    gql_strbuf_puts(&b, " query=");
    put_name(&b, s->roots[GQL_QUERY]);
    gql_strbuf_puts(&b, " mutation=");
    put_name(&b, s->roots[GQL_MUTATION]);
    gql_strbuf_puts(&b, " subscription=");
    put_name(&b, s->roots[GQL_SUBSCRIPTION]);
    gql_strbuf_puts(&b, "\n");
    for (uint32_t i = 0; i < s->type_count; i++) {
        const gql_schema_type *t = s->types[i];
        gql_strbuf_puts(&b, "type ");
        gql_strbuf_puts(&b, t->name->str);
        gql_strbuf_puts(&b, " ");
        gql_strbuf_puts(&b, gql_type_kind_name(t->kind));
        if (t->builtin) {
            gql_strbuf_puts(&b, " builtin\n");
            continue;
        }
        gql_strbuf_puts(&b, " description=");
        put_text(&b, t->description);
        if (t->kind == GQL_TYPE_SCALAR) {
            gql_strbuf_puts(&b, " specifiedBy=");
            put_text(&b, t->specified_by_url);
        }
        if (t->one_of) gql_strbuf_puts(&b, " oneOf");
        gql_strbuf_puts(&b, "\n");
        for (uint32_t j = 0; j < t->interface_count; j++) {
            gql_strbuf_puts(&b, "  interface ");
            gql_strbuf_puts(&b, t->interfaces[j]->name->str);
            gql_strbuf_puts(&b, "\n");
        }
        for (uint32_t j = 0; j < t->member_count; j++) {
            gql_strbuf_puts(&b, "  member ");
            gql_strbuf_puts(&b, t->members[j]->name->str);
            gql_strbuf_puts(&b, "\n");
        }
        for (uint32_t j = 0; j < t->value_count; j++) {
            gql_strbuf_puts(&b, "  value ");
            gql_strbuf_puts(&b, t->values[j].name->str);
            gql_strbuf_puts(&b, " description=");
            put_text(&b, t->values[j].description);
            gql_strbuf_puts(&b, " deprecated=");
            put_text(&b, t->values[j].deprecation_reason);
            gql_strbuf_puts(&b, "\n");
        }
        for (uint32_t j = 0; j < t->field_count; j++) {
            const gql_schema_field *f = &t->fields[j];
            gql_strbuf_puts(&b, "  field ");
            gql_strbuf_puts(&b, f->name->str);
            gql_strbuf_puts(&b, ": ");
            gql_type_ref_print(&b, f->type);
            gql_strbuf_puts(&b, " description=");
            put_text(&b, f->description);
            gql_strbuf_puts(&b, " deprecated=");
            put_text(&b, f->deprecation_reason);
            gql_strbuf_puts(&b, "\n");
            for (uint32_t k = 0; k < f->arg_count; k++)
                put_input_value(&b, "    ", "arg", &f->args[k]);
        }
        for (uint32_t j = 0; j < t->input_field_count; j++)
            put_input_value(&b, "  ", "input", &t->input_fields[j]);
    }
    for (uint32_t i = 0; i < s->directive_count; i++) {
        const gql_schema_directive *d = s->directives[i];
        gql_strbuf_puts(&b, "directive @");
        gql_strbuf_puts(&b, d->name->str);
        if (gql_directive_is_specified(d)) {
            gql_strbuf_puts(&b, " builtin\n");
            continue;
        }
        gql_strbuf_puts(&b, " description=");
        put_text(&b, d->description);
        gql_strbuf_puts(&b, d->repeatable ? " repeatable=1" : " repeatable=0");
        gql_strbuf_puts(&b, " locations=");
        for (uint32_t j = 0; j < d->location_count; j++) {
            if (j) gql_strbuf_puts(&b, ",");
            gql_strbuf_puts(&b, gql_directive_location_name(d->locations[j]));
        }
        gql_strbuf_puts(&b, "\n");
        for (uint32_t j = 0; j < d->arg_count; j++) put_input_value(&b, "  ", "arg", &d->args[j]);
    }
    if (b.nomem) {
        gql_strbuf_free(&b);
        return NULL;
    }
    return b.ptr;
}
