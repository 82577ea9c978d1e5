/*
 * validate.h: the context the schema validation files share (private).
 * graphql-core's validate_schema (type/validate.py) is split by subject:
 * validate.c (driver, root types, directives, names), validate_fields.c
 * (fields, arguments, interface implementation) and validate_inputs.c
 * (unions, enums, input objects, @oneOf, non-null input cycles).
 */
#ifndef GQL_VALIDATE_H
#define GQL_VALIDATE_H

#include "strbuf.h"
#include "type/schema.h"

typedef struct gql_schema_validation {
    gql_schema *schema;               /* the schema being checked */
    const gql_document *const *docs;  /* its documents (for locations) */
    size_t ndocs;                     /* their number */
    gql_error_list *errors;           /* where errors go */
    size_t count;                     /* errors reported */
    gql_strbuf a, b;                  /* scratch for printed types */
} gql_schema_validation;

/* Report an error at the nodes of refs (graphql-core's report_error). */
void gql_sv_report(gql_schema_validation *v, const gql_ast_ref *refs, size_t nrefs,
                   const char *fmt, ...) GQL_PRINTF(4, 5);

/* validate_name: names starting with "__" are reserved. */
void gql_sv_check_name(gql_schema_validation *v, const gql_sym *name, gql_ast_ref at);

/* str(type) into one of the scratch buffers (valid until its next use). */
const char *gql_sv_type_str(gql_strbuf *buf, const gql_type_ref *type);

/* The type node of a field or input value definition (NULL if none). */
gql_ast_ref gql_sv_type_node(gql_ast_ref def);

/* The first @deprecated applied in an input value definition, or NULL. */
gql_ast_ref gql_sv_deprecated_node(gql_ast_ref def);

/* [definition, *extensions] of a type. The array must hold
 * 1 + t->extension_count refs; returns how many were written. */
size_t gql_sv_type_nodes(const gql_schema_type *t, gql_ast_ref *out);

/* Whether an argument or input field is required (non-null with no default
 * that applies). */
bool gql_sv_is_required(gql_schema_validation *v, gql_schema_input_value *value);

void gql_sv_validate_fields(gql_schema_validation *v, gql_schema_type *t);
void gql_sv_validate_interfaces(gql_schema_validation *v, gql_schema_type *t);
void gql_sv_validate_union(gql_schema_validation *v, gql_schema_type *t);
void gql_sv_validate_enum(gql_schema_validation *v, gql_schema_type *t);
void gql_sv_validate_input_fields(gql_schema_validation *v, gql_schema_type *t);

/* InputObjectCircularRefsValidator, over every input object in type map
 * order. State: a visited flag and a path position per type. */
typedef struct gql_input_cycles gql_input_cycles;
gql_input_cycles *gql_input_cycles_new(gql_schema_validation *v);
void gql_input_cycles_check(gql_input_cycles *c, gql_schema_type *t);
void gql_input_cycles_free(gql_input_cycles *c);

#endif /* GQL_VALIDATE_H */
