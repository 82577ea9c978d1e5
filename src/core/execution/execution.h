/*
 * execution.h: what the files of the executor share (private): the plan
 * (plan.c), the response tree and its errors (result.c), the wave engine
 * (execute.c).
 *
 * The plan is graphql-core's collect_fields made once per execution and
 * kept: for a selection (the root operation, or the merged field nodes of a
 * field) and a runtime object type, the collected fields in response order
 * (a gql_plan_set). Sets are made the first time a value of that type meets
 * that selection, then shared by every object of the wave and of later waves,
 * so collecting costs once per (field, type), never per object.
 *
 * The response is a tree of gql_rnode (objects and lists) in the execution's
 * arena whose slots are gql_result_value. Each node knows its parent and its
 * slot there, which is all a response path is: paths are materialised only
 * when an error or info.path asks for one (msgspec's PathNode idea).
 */
#ifndef GQL_EXECUTION_H
#define GQL_EXECUTION_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "execution/values.h"
#include "graftql.h"
#include "strbuf.h"
#include "type/schema.h"

/*=== MARK: Plan ============================================================*/

struct gql_plan_set;

/* Arguments of a plan field, coerced once per execution (not per parent). */
typedef enum gql_args_state {
    GQL_ARGS_UNCOERCED,  /* not yet */
    GQL_ARGS_READY,      /* args holds them (NULL: the field takes none) */
    GQL_ARGS_FAILED      /* args_error says why; every parent gets that error */
} gql_args_state;

/* Meta fields the core answers itself. */
typedef enum gql_meta_field {
    GQL_META_NONE,      /* a field of the schema */
    GQL_META_TYPENAME,  /* __typename */
    GQL_META_SCHEMA,    /* __schema (root of the query type) */
    GQL_META_TYPE       /* __type(name:) (root of the query type) */
} gql_meta_field;

typedef struct gql_plan_field {
    gql_field_info info;            /* what hosts see; first member */
    uint32_t slot;                  /* its index among the set's fields */
    uint8_t meta;                   /* gql_meta_field */
    uint8_t args_state;             /* gql_args_state */
    gql_value args;                 /* READY: owned host object, or NULL */
    char *args_error;               /* FAILED: message (arena) */
    const gql_node *args_error_at;  /* FAILED: the node it is located at */
    struct gql_plan_set *subsets;   /* collected sub-fields, one per runtime type met */
} gql_plan_field;

/* The collected fields of a selection for one object type. */
typedef struct gql_plan_set {
    const gql_schema_type *type;    /* the runtime object type */
    gql_plan_field *fields;         /* in response order */
    uint32_t count;                 /* number of fields */
    struct gql_plan_set *next;      /* another runtime type of the same selection */
    uint32_t group;                 /* 1 + index of its group in the next level, or 0 */
    uint32_t group_level;           /* the level group refers to */
} gql_plan_set;

/*=== MARK: Response tree ===================================================*/

typedef enum gql_rv_kind {
    GQL_RV_NULL = GQL_RESULT_NULL,
    GQL_RV_LEAF = GQL_RESULT_LEAF,
    GQL_RV_TEXT = GQL_RESULT_TEXT,
    GQL_RV_JSON = GQL_RESULT_JSON,
    GQL_RV_OBJECT = GQL_RESULT_OBJECT,
    GQL_RV_LIST = GQL_RESULT_LIST,
    GQL_RV_UNSET              /* not completed yet (pending, or a dead branch) */
} gql_rv_kind;

struct gql_rnode;

struct gql_result_value {
    uint8_t kind;  /* gql_rv_kind */
    union {
        gql_value leaf;              /* LEAF: owned by the tree */
        const gql_sym *text;         /* TEXT: a schema name */
        const gql_text *json;        /* JSON: in the arena */
        struct gql_rnode *node;      /* OBJECT, LIST */
    } u;
};

typedef enum gql_rnode_kind { GQL_RNODE_OBJECT, GQL_RNODE_LIST } gql_rnode_kind;

struct gql_rnode {
    struct gql_rnode *parent;  /* the node holding this one; NULL for data */
    uint32_t pos;              /* its slot in parent */
    uint8_t kind;              /* gql_rnode_kind */
    bool nonnull;              /* its slot's type is non-null: nulling it propagates */
    bool dead;                 /* nulled by a propagating error */
    bool killed;               /* (finishing) an error kept was propagated to here */
    const gql_plan_set *set;   /* OBJECT: its fields (keys, types) */
    const gql_plan_field *field; /* LIST: the field it is the value of */
    uint32_t count;            /* slots */
    gql_result_value slots[];  /* OBJECT: by set->fields; LIST: items */
};

typedef struct gql_rnode gql_rnode;

/* One error, as kept while executing. */
typedef struct gql_error_rec {
    gql_exec_error pub;             /* what gql_execution_error_at shows */
    const gql_rnode *container;     /* where it arose (NULL: a request error) */
    uint32_t pos;                   /* ... its slot there */
    gql_rnode *boundary;            /* the node nulled because of it, or NULL */
    uint32_t *order;                /* (finishing) its slot path from the root */
    uint32_t order_len;             /* ... length */
    uint32_t rank;                  /* (finishing) its place in depth-first order */
} gql_error_rec;

/*=== MARK: Execution =======================================================*/

/* Objects of one set waiting for their fields in the next level. */
typedef struct gql_group {
    gql_plan_set *set;      /* what to resolve on them */
    uint32_t first, last;   /* the fields of set to resolve (a mutation: one) */
    gql_value *parents;     /* their values (owned by exec->owned) */
    gql_rnode **objects;    /* their response objects */
    size_t count, cap;      /* malloc'd arrays */
} gql_group;

typedef struct gql_level {
    gql_group *groups;
    size_t count, cap;
} gql_level;

/* A value that was pending, with where its completion goes. */
typedef struct gql_parked {
    gql_value value;                 /* pending: owned by exec->owned */
    const gql_plan_field *field;     /* the field it is (part of) the value of */
    const gql_type_ref *type;        /* the type to complete it as */
    gql_rnode *container;            /* the slot it fills */
    uint32_t pos;
    gql_value settled;               /* once settled: the value or error (owned) */
    uint8_t state;                   /* 0 pending, 1 value, 2 error */
    uint8_t mode;                    /* gql_park_mode */
    gql_value object;                /* TYPE, CHECK: the value being typed (owned) */
    const gql_schema_type *of;       /* TYPE: the abstract type; CHECK: the object type */
} gql_parked;

/* What a parked value is waiting for. */
typedef enum gql_park_mode {
    GQL_PARK_VALUE,  /* a field's (or list item's) value, to complete as type */
    GQL_PARK_TYPE,   /* resolve_type's answer for object, of the abstract type of */
    GQL_PARK_CHECK   /* is_type_of's answer for object, of the object type of */
} gql_park_mode;

struct gql_execution {
    gql_arena arena;                 /* plan, response tree, messages */
    const gql_schema *schema;
    const gql_document *document;
    const gql_host *host;
    void *ctx;
    gql_values_env env;              /* for values.c */
    const gql_operation_definition *operation;
    const gql_schema_type *root_type;
    gql_value root_value;            /* borrowed */
    bool source_mode;                /* options.subscription_source */
    gql_value event;                 /* options.subscription_event (borrowed) */
    gql_value source;                /* source mode: the root field's value (owned) */
    bool source_error;               /* ... is a host error */
    gql_coerced_variables vars;
    bool vars_coerced;
    gql_symmap fragments;            /* name -> gql_fragment_definition */

    gql_plan_set *root_set;          /* the operation's collected root fields */
    gql_rnode *data;                 /* the data object */
    gql_result_value data_value;     /* ... as a value (gql_execution_data) */
    bool has_data;                   /* false after a request error */
    bool data_null;                  /* an error propagated to the root */
    bool any_dead;                   /* some node was nulled by propagation */

    gql_level levels[2];             /* current and next level */
    uint32_t cur;                    /* index of the current level in levels */
    uint32_t level_no;               /* levels started, for gql_plan_set.group_level */
    uint32_t serial_next;            /* mutation: the next root field to run */

    gql_parked *parked;              /* pending values of this wave */
    size_t parked_count, parked_cap;
    gql_value *pending_values;       /* the same values, for gql_execution_pending */
    size_t pending_cap;
    bool waiting;                    /* run returned PENDING: settle, then run */

    gql_value *owned;                /* values to release when done */
    size_t owned_count, owned_cap;
    struct gql_leaf_block *leaves;   /* serialized leaves, released with the tree:
                                        blocks in the arena, the newest first */
    gql_resolved *resolved;          /* what host->resolve writes, reused field to field */
    size_t resolved_cap;

    gql_error_rec *errors;
    size_t error_count, error_cap;
    bool done;
    gql_exec_status failed;          /* NOMEM or ABORTED once failed, else DONE */
    gql_strbuf scratch;              /* messages */
    const gql_node *directive_error_at; /* see gql_plan_root */
};

/* plan.c: the root set of the operation. NULL when out of memory, or
 * with *request_error when @skip/@include's arguments did not coerce:
 * the message is then in exec->scratch, located at exec->directive_error_at
 * (graphql-core raises it out of collect_fields). */
gql_plan_set *gql_plan_root(gql_execution *exec, bool *request_error);

/* plan.c: the set of field's sub-selection for runtime type (NULL when out
 * of memory, or with *request_error as above). */
gql_plan_set *gql_plan_subset(gql_execution *exec, gql_plan_field *field,
                              const gql_schema_type *type, bool *request_error);

/* result.c */
gql_rnode *gql_rnode_new(gql_execution *exec, gql_rnode_kind kind, uint32_t count,
                         gql_rnode *parent, uint32_t pos, bool nonnull);
/* Record an error at slot pos of container; message copied; located at
 * at, or at the field's nodes when at is NULL. NULL when out of memory
 * (exec->failed set). */
gql_error_rec *gql_error_add(gql_execution *exec, const gql_rnode *container, uint32_t pos,
                             const gql_plan_field *field, const gql_node *at,
                             const char *message, size_t len, gql_value original);
/* Request error (no path) with locations from an error list entry, holding
 * original (owned: released when out of memory; NULL: none). */
bool gql_error_add_request(gql_execution *exec, const char *message, size_t len,
                           const uint32_t *offsets, uint32_t offset_count, gql_value original);
/* Sort the errors into graphql-core's depth-first order and drop the ones
 * graphql-core never reaches (see result.c). */
bool gql_errors_finish(gql_execution *exec);

/* introspection fields (intro.c): __schema and __type for every object of
 * the group, each written as one JSON subtree. */
void gql_intro_resolve_field(gql_execution *exec, gql_group *g, gql_plan_field *pf);

/* execute.c */
bool gql_exec_own(gql_execution *exec, gql_value value);
void gql_exec_nomem(gql_execution *exec);

#endif /* GQL_EXECUTION_H */
