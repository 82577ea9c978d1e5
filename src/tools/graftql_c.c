/*
 * graftql_c.c: graftql-c, the command-line tool of the C library. It parses
 * and prints GraphQL documents with nothing but libgraftql, so the core can
 * be exercised (by hand, by tests/c/test_cli.sh, by CI) without Python.
 *
 * Every command is one row of the command table below: later commands
 * (validate, execute) are new rows, each with its own run function. Options
 * are shared and may stand anywhere on the line.
 *
 * Exit codes: 0 success; 1 the document or schema has an error (syntax,
 * limit, schema rule), each reported as FILE:LINE:COLUMN: MESSAGE on stderr
 * (FILE: MESSAGE for a schema error without a location); 2 usage,
 * input/output or out-of-memory error.
 *
 * print-schema refuses an invalid schema by default (its errors, exit 1),
 * although graphql-core prints any schema it can build: in a pipeline a
 * printed schema should be a usable one. --allow-invalid prints it anyway,
 * the errors still going to stderr, with exit status 0.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graftql.h"
#include "json/host.h"
#include "json/reader.h"

enum { EXIT_INVALID = 1, EXIT_USAGE = 2 };

/* Everything a command needs from the command line. */
typedef struct invocation {
    const char *prog;           /* the program name, for messages */
    gql_parse_options options;  /* --max-tokens, --max-depth applied */
    bool allow_invalid;         /* --allow-invalid (print-schema) */
    const char **args;          /* positional arguments after the command */
    int nargs;                  /* their number */
} invocation;

typedef int (*command_fn)(const invocation *inv);

typedef struct command {
    const char *name;     /* as typed on the command line */
    const char *usage;    /* its arguments, for --help */
    const char *summary;  /* one line for --help */
    int nargs;            /* positional arguments it takes (at least, if variadic) */
    bool variadic;        /* takes nargs or more */
    command_fn run;
} command;

/*=== MARK: Input ===========================================================*/

/* A whole file (or stdin for "-") read into memory, and the name to report. */
typedef struct input {
    char *data;        /* malloc'd, NUL-terminated (the parser ignores the NUL) */
    size_t length;     /* bytes, excluding the terminating NUL */
    const char *name;  /* the path, or "<stdin>" */
} input;

/* Read path ("-" for stdin) into *in. On failure prints a message naming the
 * file and returns false. */
static bool read_input(const invocation *inv, const char *path, input *in) {
    bool is_stdin = strcmp(path, "-") == 0;
    in->name = is_stdin ? "<stdin>" : path;
    in->data = NULL;
    in->length = 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot open %s: %s\n", inv->prog, path, strerror(errno));
        return false;
    }
    size_t cap = 0;
    char *buf = NULL;
    for (;;) {
        if (cap - in->length < 4096) {
            size_t new_cap = cap ? cap * 2 : 65536;
            char *grown = new_cap > cap ? realloc(buf, new_cap) : NULL;
            if (!grown) {
                fprintf(stderr, "%s: %s: out of memory\n", inv->prog, in->name);
                goto fail;
            }
            buf = grown;
            cap = new_cap;
        }
        size_t n = fread(buf + in->length, 1, cap - in->length - 1, f);
        in->length += n;
        if (n == 0) break;
    }
    if (ferror(f)) {
        /* fread sets errno on POSIX systems (EISDIR for a directory, EIO...). */
        fprintf(stderr, "%s: cannot read %s: %s\n", inv->prog, in->name, strerror(errno));
        goto fail;
    }
    if (!is_stdin) fclose(f);
    buf[in->length] = '\0';
    in->data = buf;
    return true;
fail:
    if (!is_stdin) fclose(f);
    free(buf);
    return false;
}

/* Parse an input; on failure report FILE:LINE:COLUMN: MESSAGE and return NULL
 * with *status set to the exit code. */
static gql_document *parse_input(const invocation *inv, const input *in, int *status) {
    gql_error err = {0};
    gql_document *doc = gql_parse(in->data, in->length, &inv->options, &err);
    if (doc) return doc;
    if (err.code == GQL_ERR_NOMEM) {
        fprintf(stderr, "%s: %s: %s\n", inv->prog, in->name, err.message);
        *status = EXIT_USAGE;
    } else {
        gql_location loc = gql_locate(in->data, in->length, err.offset);
        fprintf(stderr, "%s:%u:%u: %s\n", in->name, (unsigned)loc.line,
                (unsigned)loc.column, err.message);
        *status = EXIT_INVALID;
    }
    gql_error_clear(&err);
    return NULL;
}

/*=== MARK: Commands ========================================================*/

/* parse FILE: print the document as graphql-core's print_ast does. */
static int cmd_parse(const invocation *inv) {
    input in;
    if (!read_input(inv, inv->args[0], &in)) return EXIT_USAGE;
    int status = 0;
    gql_document *doc = parse_input(inv, &in, &status);
    if (doc) {
        size_t length = 0;
        char *text = gql_print(&gql_document_root(doc)->base, &length);
        if (!text) {
            fprintf(stderr, "%s: %s: out of memory\n", inv->prog, in.name);
            status = EXIT_USAGE;
        } else {
            fwrite(text, 1, length, stdout);
            fputc('\n', stdout);
            gql_free(text);
        }
        gql_document_free(doc);
    }
    free(in.data);
    if (status == 0 && fflush(stdout) != 0) {
        fprintf(stderr, "%s: cannot write the output: %s\n", inv->prog, strerror(errno));
        status = EXIT_USAGE;
    }
    return status;
}

/* check FILE: exit 0 if the document parses; the error is reported otherwise. */
static int cmd_check(const invocation *inv) {
    input in;
    if (!read_input(inv, inv->args[0], &in)) return EXIT_USAGE;
    int status = 0;
    gql_document *doc = parse_input(inv, &in, &status);
    gql_document_free(doc);
    free(in.data);
    return status;
}

/*=== MARK: Schema commands =================================================*/

/* The SDL files of a schema command, parsed, and the schema built from them. */
typedef struct schema_input {
    input *files;           /* one per path, in order */
    gql_document **docs;    /* parsed, in order (NULL where parsing failed) */
    int count;              /* number of files */
    gql_schema *schema;     /* built, or NULL */
} schema_input;

static void schema_input_free(schema_input *si) {
    for (int i = 0; i < si->count; i++) {
        if (si->docs) gql_document_free(si->docs[i]);
        if (si->files) free(si->files[i].data);
    }
    free(si->docs);
    free(si->files);
    gql_schema_free(si->schema);
}

/* One schema error: FILE:LINE:COLUMN: MESSAGE at its first location, with
 * any further locations after it, or FILE: MESSAGE (the first file) when it
 * has none. */
static void report_schema_error(const schema_input *si, const gql_diagnostic *d) {
    for (uint32_t j = 0; j < d->location_count; j++) {
        const gql_source_location *l = &d->locations[j];
        const input *in = &si->files[l->source];
        gql_location at = gql_locate(in->data, in->length, l->offset);
        if (j == 0) {
            fprintf(stderr, "%s:%u:%u: ", in->name, (unsigned)at.line, (unsigned)at.column);
            fwrite(d->message, 1, d->message_len, stderr);
            if (d->location_count > 1) fputs(" (also at", stderr);
        } else {
            fprintf(stderr, "%s %s:%u:%u", j > 1 ? "," : "", in->name, (unsigned)at.line,
                    (unsigned)at.column);
        }
    }
    if (d->location_count == 0) {
        fprintf(stderr, "%s: ", si->files[0].name);
        fwrite(d->message, 1, d->message_len, stderr);
    } else if (d->location_count > 1) {
        fputc(')', stderr);
    }
    fputc('\n', stderr);
}

/* Read, parse and build the schema of inv's files, reporting every error.
 * Returns 0 when the schema is valid, EXIT_INVALID when the files do not
 * parse or build (si->schema NULL) or the schema breaks a rule (si->schema
 * set), EXIT_USAGE for input/output or memory errors. */
static int load_schema(const invocation *inv, schema_input *si) {
    memset(si, 0, sizeof *si);
    si->files = calloc((size_t)inv->nargs, sizeof *si->files);
    si->docs = calloc((size_t)inv->nargs, sizeof *si->docs);
    if (!si->files || !si->docs) {
        fprintf(stderr, "%s: out of memory\n", inv->prog);
        return EXIT_USAGE;
    }
    int status = 0;
    for (int i = 0; i < inv->nargs; i++) {
        if (!read_input(inv, inv->args[i], &si->files[i])) return EXIT_USAGE;
        si->count = i + 1;
    }
    for (int i = 0; i < si->count; i++) {
        int parse_status = 0;
        si->docs[i] = parse_input(inv, &si->files[i], &parse_status);
        if (parse_status > status) status = parse_status;
    }
    if (status) return status;
    gql_error_list errors;
    gql_error_list_init(&errors);
    si->schema = gql_schema_build((const gql_document *const *)si->docs, (size_t)si->count,
                                  NULL, &errors);
    if (errors.status == GQL_ERR_NOMEM) {
        fprintf(stderr, "%s: out of memory\n", inv->prog);
        status = EXIT_USAGE;
    } else {
        for (size_t i = 0; i < errors.count; i++) report_schema_error(si, &errors.items[i]);
        if (!si->schema || !gql_schema_is_valid(si->schema)) status = EXIT_INVALID;
    }
    gql_error_list_clear(&errors);
    return status;
}

/* check-schema FILE...: exit 0 if the schema builds and is valid. */
static int cmd_check_schema(const invocation *inv) {
    schema_input si;
    int status = load_schema(inv, &si);
    schema_input_free(&si);
    return status;
}

/* print-schema FILE...: the schema as graphql-core's print_schema prints it. */
static int cmd_print_schema(const invocation *inv) {
    schema_input si;
    int status = load_schema(inv, &si);
    if (status == EXIT_INVALID && si.schema && inv->allow_invalid) status = 0;
    if (status == 0) {
        size_t length = 0;
        char *text = gql_print_schema(si.schema, &length);
        if (!text) {
            fprintf(stderr, "%s: out of memory\n", inv->prog);
            status = EXIT_USAGE;
        } else {
            fwrite(text, 1, length, stdout);
            fputc('\n', stdout);
            gql_free(text);
            if (fflush(stdout) != 0) {
                fprintf(stderr, "%s: cannot write the output: %s\n", inv->prog,
                        strerror(errno));
                status = EXIT_USAGE;
            }
        }
    }
    schema_input_free(&si);
    return status;
}

/*=== MARK: Validation ======================================================*/

/* A JSON string as Python's json.dumps(ensure_ascii=False) writes it. */
static void put_json_string(const char *s, size_t n) {
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", stdout); break;
        case '\\': fputs("\\\\", stdout); break;
        case '\n': fputs("\\n", stdout); break;
        case '\r': fputs("\\r", stdout); break;
        case '\t': fputs("\\t", stdout); break;
        case '\b': fputs("\\b", stdout); break;
        case '\f': fputs("\\f", stdout); break;
        default:
            if (c < 0x20) printf("\\u%04x", c);
            else putchar(c);
        }
    }
    putchar('"');
}

/* One error as graphql-core's GraphQLError.formatted: "locations" only
 * when it has some. */
static void put_json_error(const input *in, const char *message, size_t message_len,
                           const size_t *offsets, uint32_t count) {
    fputs("{\"message\":", stdout);
    put_json_string(message, message_len);
    if (count) {
        fputs(",\"locations\":[", stdout);
        for (uint32_t j = 0; j < count; j++) {
            gql_location at = gql_locate(in->data, in->length, offsets[j]);
            printf("%s{\"line\":%u,\"column\":%u}", j ? "," : "", (unsigned)at.line,
                   (unsigned)at.column);
        }
        putchar(']');
    }
    putchar('}');
}

/* validate SCHEMA QUERY: the errors of QUERY against the schema SCHEMA
 * makes, as a JSON array on stdout ([] when valid). A syntax error in
 * QUERY is reported the same way; errors of the schema go to stderr. */
static int cmd_validate(const invocation *inv) {
    invocation schema_inv = *inv;
    schema_inv.nargs = 1;
    schema_input si;
    int status = load_schema(&schema_inv, &si);
    input query = {0};
    gql_document *doc = NULL;
    gql_error_list errors;
    gql_error_list_init(&errors);
    if (status) goto done;
    if (!read_input(inv, inv->args[1], &query)) {
        status = EXIT_USAGE;
        goto done;
    }
    gql_error err = {0};
    doc = gql_parse(query.data, query.length, &inv->options, &err);
    if (!doc) {
        if (err.code == GQL_ERR_NOMEM) {
            fprintf(stderr, "%s: %s: %s\n", inv->prog, query.name, err.message);
            status = EXIT_USAGE;
        } else {
            size_t offset = err.offset;
            putchar('[');
            put_json_error(&query, err.message, err.message_len, &offset, 1);
            puts("]");
            status = EXIT_INVALID;
        }
        gql_error_clear(&err);
        goto done;
    }
    gql_status result = gql_validate(si.schema, doc, NULL, &errors);
    if (result == GQL_ERR_NOMEM || result == GQL_ERR_ARG) {
        fprintf(stderr, "%s: %s\n", inv->prog,
                result == GQL_ERR_NOMEM ? "out of memory" : "cannot validate");
        status = EXIT_USAGE;
        goto done;
    }
    putchar('[');
    for (size_t i = 0; i < errors.count; i++) {
        const gql_diagnostic *d = &errors.items[i];
        size_t small[16], *offsets = small;
        if (d->location_count > 16) offsets = malloc(d->location_count * sizeof *offsets);
        if (!offsets) {
            fprintf(stderr, "%s: out of memory\n", inv->prog);
            status = EXIT_USAGE;
            goto done;
        }
        for (uint32_t j = 0; j < d->location_count; j++) offsets[j] = d->locations[j].offset;
        if (i) putchar(',');
        put_json_error(&query, d->message, d->message_len, offsets, d->location_count);
        if (offsets != small) free(offsets);
    }
    puts("]");
    status = errors.count ? EXIT_INVALID : 0;
done:
    if (fflush(stdout) != 0 && status != EXIT_USAGE) {
        fprintf(stderr, "%s: cannot write the output: %s\n", inv->prog, strerror(errno));
        status = EXIT_USAGE;
    }
    gql_error_list_clear(&errors);
    gql_document_free(doc);
    free(query.data);
    schema_input_free(&si);
    return status;
}

/*=== MARK: Execution =======================================================*/

/* Read a JSON input file (the data or the variables); NULL after a message. */
static gql_json_doc *load_json(const invocation *inv, const char *path, input *in) {
    if (!read_input(inv, path, in)) return NULL;
    gql_error err = {0};
    gql_json_doc *doc = gql_json_parse(in->data, in->length, 0, &err);
    if (!doc) {
        fprintf(stderr, "%s: %s: %s\n", inv->prog, in->name, err.message);
        gql_error_clear(&err);
    }
    return doc;
}

/* execute SCHEMA QUERY DATA [VARIABLES]: run QUERY over the JSON document
 * DATA (the root value; default resolvers, abstract types by "__typename")
 * with the JSON object VARIABLES, and print the response as graphql-core's
 * ExecutionResult.formatted through json.dumps (no "data" after a request
 * error). Exit 1 when the response has errors. */
static int cmd_execute(const invocation *inv) {
    if (inv->nargs > 4) {
        fprintf(stderr, "%s: execute takes SCHEMA QUERY DATA [VARIABLES]\n", inv->prog);
        return EXIT_USAGE;
    }
    invocation schema_inv = *inv;
    schema_inv.nargs = 1;
    schema_input si;
    int status = load_schema(&schema_inv, &si);
    input query = {0}, data_in = {0}, vars_in = {0};
    gql_document *doc = NULL;
    gql_json_doc *data = NULL, *vars = NULL;
    gql_execution *exec = NULL;
    gql_json_host_ctx ctx;
    gql_json_host_init(&ctx);
    gql_error_list errors;
    gql_error_list_init(&errors);
    if (status) goto done;
    status = EXIT_USAGE;
    if (!read_input(inv, inv->args[1], &query)) goto done;
    gql_error err = {0};
    doc = gql_parse(query.data, query.length, &inv->options, &err);
    if (!doc) {
        if (err.code != GQL_ERR_NOMEM) {
            size_t offset = err.offset;
            fputs("{\"errors\":[", stdout);
            put_json_error(&query, err.message, err.message_len, &offset, 1);
            puts("]}");
            status = EXIT_INVALID;
        } else {
            fprintf(stderr, "%s: out of memory\n", inv->prog);
        }
        gql_error_clear(&err);
        goto done;
    }
    gql_status valid = gql_validate(si.schema, doc, NULL, &errors);
    if (valid == GQL_ERR_NOMEM || valid == GQL_ERR_ARG) {
        fprintf(stderr, "%s: cannot validate\n", inv->prog);
        goto done;
    }
    if (errors.count) {
        fputs("{\"errors\":[", stdout);
        for (size_t i = 0; i < errors.count; i++) {
            const gql_diagnostic *d = &errors.items[i];
            size_t offsets[16];
            uint32_t n = d->location_count < 16 ? d->location_count : 16;
            for (uint32_t j = 0; j < n; j++) offsets[j] = d->locations[j].offset;
            if (i) putchar(',');
            put_json_error(&query, d->message, d->message_len, offsets, n);
        }
        puts("]}");
        status = EXIT_INVALID;
        goto done;
    }
    if (!(data = load_json(inv, inv->args[2], &data_in))) goto done;
    if (inv->nargs == 4 && !(vars = load_json(inv, inv->args[3], &vars_in))) goto done;
    gql_execute_options options;
    gql_execute_options_init(&options);
    options.root_value = gql_json_value(gql_json_doc_root(data));
    if (vars) options.variables = gql_json_value(gql_json_doc_root(vars));
    exec = gql_execution_new(si.schema, doc, &gql_json_host, &ctx, &options);
    gql_exec_status st = exec ? gql_execution_run(exec) : GQL_EXEC_NOMEM;
    if (st != GQL_EXEC_DONE) {
        /* The JSON host has nothing pending and never aborts. */
        fprintf(stderr, "%s: %s\n", inv->prog,
                st == GQL_EXEC_NOMEM ? "out of memory" : "the execution did not finish");
        goto done;
    }
    size_t len;
    gql_value leaf_error = NULL;
    char *json = gql_execution_json(exec, &len, &leaf_error);
    if (!json) {
        fprintf(stderr, "%s: %s\n", inv->prog,
                leaf_error ? "a value cannot be written as JSON" : "out of memory");
        goto done;
    }
    fwrite(json, 1, len, stdout);
    putchar('\n');
    gql_free(json);
    status = gql_execution_error_count(exec) ? EXIT_INVALID : 0;
done:
    if (fflush(stdout) != 0 && status != EXIT_USAGE) {
        fprintf(stderr, "%s: cannot write the output: %s\n", inv->prog, strerror(errno));
        status = EXIT_USAGE;
    }
    gql_execution_free(exec);
    gql_json_host_release(&ctx);
    gql_json_doc_free(data);
    gql_json_doc_free(vars);
    gql_error_list_clear(&errors);
    gql_document_free(doc);
    free(query.data);
    free(data_in.data);
    free(vars_in.data);
    schema_input_free(&si);
    return status;
}

static const command commands[] = {
    {"parse", "FILE", "parse FILE and print it back normalized (as print_ast)", 1, false,
     cmd_parse},
    {"check", "FILE", "exit 0 if FILE parses, else report FILE:LINE:COLUMN: error", 1, false,
     cmd_check},
    {"check-schema", "FILE...",
     "exit 0 if the SDL makes a valid schema, else list errors", 1, true,
     cmd_check_schema},
    {"print-schema", "FILE...", "print the schema the SDL makes (as print_schema)", 1, true,
     cmd_print_schema},
    {"validate", "SCHEMA QUERY", "print QUERY's validation errors as JSON; exit 1 if any", 2,
     false, cmd_validate},
    {"execute", "SCHEMA QUERY DATA [VARIABLES]",
     "run QUERY over the JSON DATA; print the response as JSON; exit 1 on errors", 3, true,
     cmd_execute},
};

/* "parse, check, ...": the command names, for messages. */
static void command_names(char *buf, size_t size) {
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        size_t used = strlen(buf);
        snprintf(buf + used, size - used, "%s%s", i ? ", " : "", commands[i].name);
    }
}

/*=== MARK: Command line ====================================================*/

static void print_help(FILE *out, const char *prog) {
    fprintf(out, "usage: %s [OPTIONS] COMMAND ARGS...\n\n", prog);
    fputs("GraphQL documents with libgraftql, without Python. FILE may be - for stdin.\n\n"
          "commands:\n",
          out);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        char head[64];
        snprintf(head, sizeof head, "%s %s", commands[i].name, commands[i].usage);
        fprintf(out, "  %-22s %s\n", head, commands[i].summary);
    }
    fprintf(out,
            "\noptions:\n"
            "  --max-tokens N         stop after N tokens, comments included; 0: no limit\n"
            "                         (default %u)\n"
            "  --max-depth N          deepest nesting of selection sets, lists and objects,\n"
            "                         1..%u (default %u)\n"
            "  --allow-invalid        print-schema: print a schema that builds but breaks a\n"
            "                         schema rule (the errors still on stderr; exit 0)\n"
            "  -h, --help             show this help and exit\n"
            "  --version              show the version and exit\n"
            "\nexit status: 0 success, 1 the document or schema has an error,\n"
            "2 usage or I/O error\n",
            GQL_DEFAULT_MAX_TOKENS, GQL_MAX_DEPTH_CEILING, GQL_DEFAULT_MAX_DEPTH);
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int usage_error(const char *prog, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", prog);
    return EXIT_USAGE;
}

/* A decimal number in [min, max]; false if text is anything else. */
static bool parse_number(const char *text, unsigned long min, unsigned long max,
                         uint32_t *out) {
    if (!text || *text < '0' || *text > '9') return false;
    errno = 0;
    char *end = NULL;
    unsigned long value = strtoul(text, &end, 10);
    if (errno || *end || value < min || value > max) return false;
    *out = (uint32_t)value;
    return true;
}

/* The value of option name: "--name=V" or "--name V" (consuming argv[*i+1]).
 * Returns NULL when arg is not this option; sets *missing if V is absent. */
static const char *option_value(const char *arg, const char *name, int argc, char **argv,
                                int *i, bool *missing) {
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0) return NULL;
    if (arg[n] == '=') return arg + n + 1;
    if (arg[n] != '\0') return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return arg;
    }
    return argv[++*i];
}

int main(int argc, char **argv) {
    const char *prog = argc > 0 && argv[0] ? argv[0] : "graftql-c";
    const char *slash = strrchr(prog, '/');
    if (slash) prog = slash + 1;

    invocation inv = {.prog = prog};
    gql_parse_options_init(&inv.options);
    const char **positional = calloc((size_t)(argc > 0 ? argc : 1), sizeof *positional);
    if (!positional) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return EXIT_USAGE;
    }
    int npositional = 0, status = 0;
    bool options_done = false;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        bool missing = false;
        const char *value;
        if (options_done || arg[0] != '-' || strcmp(arg, "-") == 0) {
            positional[npositional++] = arg;
        } else if (strcmp(arg, "--") == 0) {
            options_done = true;
        } else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            print_help(stdout, prog);
            goto done;
        } else if (strcmp(arg, "--allow-invalid") == 0) {
            inv.allow_invalid = true;
        } else if (strcmp(arg, "--version") == 0) {
            printf("graftql-c %s\n", GQL_VERSION_STRING);
            goto done;
        } else if ((value = option_value(arg, "--max-tokens", argc, argv, &i, &missing))) {
            if (missing) {
                status = usage_error(prog, "option %s needs a value", "--max-tokens");
                goto done;
            }
            if (!parse_number(value, 0, UINT32_MAX, &inv.options.max_tokens)) {
                status = usage_error(prog,
                                     "--max-tokens must be a whole number (0 for no limit), "
                                     "not '%s'",
                                     value);
                goto done;
            }
        } else if ((value = option_value(arg, "--max-depth", argc, argv, &i, &missing))) {
            if (missing) {
                status = usage_error(prog, "option %s needs a value", "--max-depth");
                goto done;
            }
            if (!parse_number(value, 1, GQL_MAX_DEPTH_CEILING, &inv.options.max_depth)) {
                status = usage_error(prog, "--max-depth must be a whole number from 1 to %u, "
                                     "not '%s'", GQL_MAX_DEPTH_CEILING, value);
                goto done;
            }
        } else {
            status = usage_error(prog, "unknown option '%s'", arg);
            goto done;
        }
    }

    char names[128];
    command_names(names, sizeof names);
    if (npositional == 0) {
        status = usage_error(prog, "missing command (%s)", names);
        goto done;
    }
    const command *cmd = NULL;
    for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
        if (strcmp(commands[c].name, positional[0]) == 0) cmd = &commands[c];
    if (!cmd) {
        status = usage_error(prog, "unknown command '%s' (commands: %s)", positional[0], names);
        goto done;
    }
    if (npositional - 1 < cmd->nargs || (npositional - 1 > cmd->nargs && !cmd->variadic)) {
        status = usage_error(prog, "%s argument%s: usage is '%s %s'",
                             npositional - 1 < cmd->nargs ? "missing" : "too many",
                             npositional - 1 < cmd->nargs && cmd->nargs == 1 ? "" : "s",
                             cmd->name, cmd->usage);
        goto done;
    }
    inv.args = positional + 1;
    inv.nargs = npositional - 1;
    status = cmd->run(&inv);

done:
    free(positional);
    return status;
}
