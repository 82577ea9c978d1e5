/*
 * lexer.h: the GraphQL lexer (private). It splits a UTF-8 source into tokens
 * on demand, one token per call, as the parser asks for them. Names are
 * interned as they are read; string values are decoded (escapes resolved,
 * block strings dedented) into the document's arena. Errors longjmp back to
 * the parse entry point with graphql-core's exact message and a byte offset.
 */
#ifndef GQL_LEXER_H
#define GQL_LEXER_H

#include <setjmp.h>

#include "arena.h"
#include "error.h"
#include "graftql.h"

typedef enum gql_token_kind {
    GQL_TOK_SOF,
    GQL_TOK_EOF,
    GQL_TOK_BANG,
    GQL_TOK_DOLLAR,
    GQL_TOK_AMP,
    GQL_TOK_PAREN_L,
    GQL_TOK_PAREN_R,
    GQL_TOK_DOT,
    GQL_TOK_SPREAD,
    GQL_TOK_COLON,
    GQL_TOK_EQUALS,
    GQL_TOK_AT,
    GQL_TOK_BRACKET_L,
    GQL_TOK_BRACKET_R,
    GQL_TOK_BRACE_L,
    GQL_TOK_PIPE,
    GQL_TOK_BRACE_R,
    GQL_TOK_NAME,
    GQL_TOK_INT,
    GQL_TOK_FLOAT,
    GQL_TOK_STRING,
    GQL_TOK_BLOCK_STRING,
    GQL_TOK_COMMENT
} gql_token_kind;

typedef struct gql_token {
    gql_token_kind kind;
    uint32_t start;       /* byte offset of the first character */
    uint32_t end;         /* byte offset just past the last character */
    const gql_sym *name;  /* NAME: the interned name */
    gql_text text;        /* INT, FLOAT: source text; STRING, BLOCK_STRING: value */
} gql_token;

/* Open-addressing table of interned names (malloc'd, dropped after parsing;
 * the names themselves live in the arena). */
typedef struct gql_intern_table {
    const gql_sym **slots;
    uint32_t mask;   /* capacity - 1 (capacity is a power of two) */
    uint32_t count;
} gql_intern_table;

typedef struct gql_lexer {
    const char *src;         /* the source (the document's copy) */
    size_t len;              /* its length in bytes */
    size_t pos;              /* where the next token read starts */
    gql_arena *arena;        /* where names and string values go */
    gql_intern_table names;  /* interned names of this document */
    size_t *line_spans;      /* scratch for block strings: line start/end pairs */
    size_t line_spans_cap;   /* capacity of line_spans, in pairs */
    char *scratch;           /* scratch for decoding string values */
    size_t scratch_cap;      /* its capacity in bytes */
    gql_error *err;          /* where errors are reported */
    jmp_buf *on_error;       /* longjmp target after an error is set */
} gql_lexer;

/* Token kind as graphql-core describes it in messages: "'{'" for
 * punctuators, "Name", "<EOF>", ... */
const char *gql_token_kind_desc(gql_token_kind kind);

void gql_lexer_init(gql_lexer *lx, const char *src, size_t len, gql_arena *arena,
                    gql_error *err, jmp_buf *on_error);
void gql_lexer_release(gql_lexer *lx);

/* Read the token that starts at or after lx->pos (skipping whitespace) and
 * advance past it. Comments are returned as GQL_TOK_COMMENT tokens. */
void gql_lexer_read(gql_lexer *lx, gql_token *tok);

/* Report an error at a byte offset and longjmp (never returns). */
_Noreturn void gql_lexer_fail(gql_lexer *lx, gql_status code, size_t offset, const char *fmt,
                              ...) GQL_PRINTF(4, 5);

/* Describe the character at a byte offset as graphql-core does: "'a'",
 * "'\"'", "U+00E9" or "<EOF>". buf must hold at least 16 bytes. */
const char *gql_lexer_describe_char(const gql_lexer *lx, size_t offset, char *buf);

/* Intern a name (NULL when out of memory). */
const gql_sym *gql_intern(gql_intern_table *table, gql_arena *arena, const char *s,
                          uint32_t len);

/* The interned name s[0, len) if the table has it, else NULL (never inserts,
 * so a shared table can be read without locking). */
const gql_sym *gql_intern_find(const gql_intern_table *table, const char *s, uint32_t len);

/* The hash gql_sym.hash holds for the name s[0, len) (FNV-1a). */
uint32_t gql_name_hash(const char *s, uint32_t len);

#endif /* GQL_LEXER_H */
