#!/usr/bin/env bash
# test_cli.sh: end-to-end tests of graftql-c, run by meson test as
#   test_cli.sh PATH/TO/graftql-c PATH/TO/tests/c/data
# Each case runs the tool and checks its exit status, stdout and stderr.
# Expected texts are graphql-core 3.2's print_ast output and error messages.
# Ends with "N passed, N failed", like the C harness.
set -u

tool=${1:?usage: test_cli.sh GRAFTQL_C DATA_DIR}
data=${2:?usage: test_cli.sh GRAFTQL_C DATA_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
current=""

fail() {
    echo "FAIL $current: $*" >&2
    case_failed=1
}

# run NAME [ARGS...]: runs the tool with stdin from $work/stdin (empty unless
# a case wrote it), keeping status, stdout and stderr for the checks below.
run() {
    current=$1
    shift
    case_failed=0
    [ -f "$work/stdin" ] || : >"$work/stdin"
    "$tool" "$@" <"$work/stdin" >"$work/out" 2>"$work/err"
    status=$?
    rm -f "$work/stdin"
}

expect_status() {
    if [ "$status" -ne "$1" ]; then
        fail "exit status $status, expected $1"
        sed 's/^/    stderr: /' "$work/err" >&2
    fi
}

expect_out() {  # exact stdout
    if [ "$(cat "$work/out")" != "$1" ]; then
        fail "stdout differs"
        printf '    got:      %s\n    expected: %s\n' "$(cat "$work/out")" "$1" >&2
    fi
}

expect_err() {  # exact stderr
    if [ "$(cat "$work/err")" != "$1" ]; then
        fail "stderr differs"
        printf '    got:      %s\n    expected: %s\n' "$(cat "$work/err")" "$1" >&2
    fi
}

expect_err_contains() {
    if ! grep -qF -- "$1" "$work/err"; then
        fail "stderr does not contain '$1'"
        sed 's/^/    stderr: /' "$work/err" >&2
    fi
}

expect_no_output() {
    [ -s "$work/out" ] && fail "unexpected stdout: $(head -c 200 "$work/out")"
    [ -s "$work/err" ] && fail "unexpected stderr: $(head -c 200 "$work/err")"
}

done_case() {
    if [ "$case_failed" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

write() {  # write FILE TEXT: TEXT with printf's escapes
    printf "$2" >"$work/$1"
}

# --- parse ----------------------------------------------------------------

write short.graphql 'query { a }\n'
run parse_shorthand parse "$work/short.graphql"
expect_status 0; expect_out $'{\n  a\n}'; expect_err ''; done_case

write ops.graphql 'query Q($x:Int=1){a(x:$x) @skip(if:true) ...F} fragment F on T{b}'
run parse_normalizes parse "$work/ops.graphql"
expect_status 0
expect_out $'query Q($x: Int = 1) {\n  a(x: $x) @skip(if: true)\n  ...F\n}\n\nfragment F on T {\n  b\n}'
done_case

write sdl.graphql 'type T { f: Int }'
run parse_sdl parse "$work/sdl.graphql"
expect_status 0; expect_out $'type T {\n  f: Int\n}'; done_case

printf '{ a b }' >"$work/stdin"
run parse_stdin parse -
expect_status 0; expect_out $'{\n  a\n  b\n}'; done_case

run parse_output_reparses parse "$work/ops.graphql"
cp "$work/out" "$work/printed.graphql"
run parse_output_reparses parse "$work/printed.graphql"
expect_status 0; expect_out "$(cat "$work/printed.graphql")"; done_case

write broken.graphql '{\n  a(x: )\n}\n'
run parse_syntax_error parse "$work/broken.graphql"
expect_status 1; expect_out ''
expect_err "$work/broken.graphql:2:8: Syntax Error: Unexpected ')'."; done_case

# --- check ----------------------------------------------------------------

run check_valid check "$work/ops.graphql"
expect_status 0; expect_no_output; done_case

write eof.graphql '{ a'
run check_eof check "$work/eof.graphql"
expect_status 1; expect_out ''
expect_err "$work/eof.graphql:1:4: Syntax Error: Expected Name, found <EOF>."; done_case

# Columns count code points, not bytes.
write utf8.graphql '{ a(x: "\303\251\303\251", y: ) }'
run check_column_code_points check "$work/utf8.graphql"
expect_status 1
expect_err "$work/utf8.graphql:1:17: Syntax Error: Unexpected ')'."; done_case

# "\r\n" is one line break.
write crlf.graphql '{ a }\r\n{ b(x: ) }'
run check_crlf_lines check "$work/crlf.graphql"
expect_status 1
expect_err "$work/crlf.graphql:2:8: Syntax Error: Unexpected ')'."; done_case

printf '{ a' >"$work/stdin"
run check_stdin_error check -
expect_status 1; expect_err "<stdin>:1:4: Syntax Error: Expected Name, found <EOF>."; done_case

# --- check-schema and print-schema ---------------------------------------
# Messages and locations are graphql-core's; print-schema is its print_schema.

write schema.graphql '"""The API"""\nschema { query: Root }\ntype Root {\n  "the user" user(id: ID! = 7, "how" style: Style = SHORT): User @deprecated(reason: "use viewer")\n}\nenum Style { SHORT LONG @deprecated }\ntype User { name: String tags: [String] }\nextend type User { age: Float }\ninput F { x: [Int] = 1 y: Float = 2.50 }\nextend type Root { f(f: F = {}): Int }\n'
printed_schema='"""The API"""
schema {
  query: Root
}

type Root {
  """the user"""
  user(
    id: ID! = 7

    """how"""
    style: Style = SHORT
  ): User @deprecated(reason: "use viewer")
  f(f: F = {x: [1], y: 2.5}): Int
}

enum Style {
  SHORT
  LONG @deprecated
}

type User {
  name: String
  tags: [String]
  age: Float
}

input F {
  x: [Int] = [1]
  y: Float = 2.5
}'

run check_schema_valid check-schema "$work/schema.graphql"
expect_status 0; expect_no_output; done_case

run print_schema print-schema "$work/schema.graphql"
expect_status 0; expect_out "$printed_schema"; expect_err ''; done_case

cp "$work/out" "$work/printed_schema.graphql"
run print_schema_round_trip print-schema "$work/printed_schema.graphql"
expect_status 0; expect_out "$printed_schema"; done_case

printf 'type Query { a: Int }' >"$work/stdin"
run print_schema_stdin print-schema -
expect_status 0; expect_out $'type Query {\n  a: Int\n}'; done_case

# Every SDL error, in graphql-core's order; more locations follow the message.
write sdl_errors.graphql 'type Query { a: Strin b: Int b: Int }\nextend type Qury { c: Int }\n'
run check_schema_sdl_errors check-schema "$work/sdl_errors.graphql"
expect_status 1; expect_out ''
expect_err "$work/sdl_errors.graphql:1:23: Field 'Query.b' can only be defined once. (also at $work/sdl_errors.graphql:1:30)
$work/sdl_errors.graphql:1:17: Unknown type 'Strin'. Did you mean 'String'?
$work/sdl_errors.graphql:2:13: Cannot extend type 'Qury' because it is not defined. Did you mean 'Query'?"
done_case

write invalid.graphql 'type Query implements I { a: String }\ninterface I { a: Int }\n'
run check_schema_rule_error check-schema "$work/invalid.graphql"
expect_status 1; expect_out ''
expect_err "$work/invalid.graphql:2:18: Interface field I.a expects type Int but Query.a is type String. (also at $work/invalid.graphql:1:30)"
done_case

# An error without a location names the (first) file.
write no_query.graphql 'type Foo { a: Int }'
run check_schema_no_location check-schema "$work/no_query.graphql"
expect_status 1; expect_err "$work/no_query.graphql: Query root type must be provided."; done_case

# Several files make one schema; errors point into the file they are in.
write part1.graphql 'type Query { a: A }\n'
write part2.graphql 'type A { x: Int }\nextend type Query { b: Int }\n'
write part3.graphql 'type A { y: Int }\n'
run check_schema_files check-schema "$work/part1.graphql" "$work/part2.graphql"
expect_status 0; expect_no_output; done_case

run print_schema_files print-schema "$work/part1.graphql" "$work/part2.graphql"
expect_status 0; expect_out $'type Query {\n  a: A\n  b: Int\n}\n\ntype A {\n  x: Int\n}'; done_case

run check_schema_error_in_second_file check-schema "$work/part2.graphql" "$work/part3.graphql" "$work/part1.graphql"
expect_status 1
expect_err "$work/part2.graphql:1:6: There can be only one type named 'A'. (also at $work/part3.graphql:1:6)"
done_case

# Syntax errors: each file that does not parse is reported; nothing is built.
write bad1.graphql 'type Query { a: }'
write bad2.graphql 'type A {'
run check_schema_syntax_errors check-schema "$work/bad1.graphql" "$work/part1.graphql" "$work/bad2.graphql"
expect_status 1
expect_err "$work/bad1.graphql:1:17: Syntax Error: Expected Name, found '}'.
$work/bad2.graphql:1:9: Syntax Error: Expected Name, found <EOF>."
done_case

# print-schema refuses an invalid schema unless --allow-invalid is given.
run print_schema_invalid print-schema "$work/invalid.graphql"
expect_status 1; expect_out ''
expect_err_contains "Interface field I.a expects type Int but Query.a is type String."; done_case

run print_schema_allow_invalid print-schema --allow-invalid "$work/invalid.graphql"
expect_status 0
expect_out $'type Query implements I {\n  a: String\n}\n\ninterface I {\n  a: Int\n}'
expect_err_contains "Interface field I.a expects type Int but Query.a is type String."; done_case

# ... but a schema that does not build has nothing to print.
run print_schema_allow_invalid_sdl print-schema --allow-invalid "$work/sdl_errors.graphql"
expect_status 1; expect_out ''; expect_err_contains "Unknown type 'Strin'."; done_case

run check_schema_no_file check-schema
expect_status 2; expect_err_contains "missing argument: usage is 'check-schema FILE...'"; done_case

run print_schema_missing_file print-schema "$work/part1.graphql" "$work/nope.graphql"
expect_status 2; expect_out ''
expect_err_contains "cannot open $work/nope.graphql: No such file or directory"; done_case

# --- limits ---------------------------------------------------------------

write four.graphql '{ a b c d }'
run max_tokens_exceeded check --max-tokens 3 "$work/four.graphql"
expect_status 1
expect_err "$work/four.graphql:1:7: Syntax Error: Document contains more than 3 tokens. Parsing aborted."
done_case

run max_tokens_equals_form check --max-tokens=6 "$work/four.graphql"
expect_status 0; expect_no_output; done_case

run max_tokens_zero_is_unlimited check --max-tokens 0 "$work/four.graphql"
expect_status 0; done_case

write deep.graphql '{ a { b { c { d } } } }'
run max_depth_exceeded check "$work/deep.graphql" --max-depth 2
expect_status 1; expect_err_contains "$work/deep.graphql:1:"; done_case

run max_depth_enough check --max-depth 10 "$work/deep.graphql"
expect_status 0; done_case

# 300 nested lists: valid syntax, deeper than the default limit of 200.
open=$(printf '%0.s[' $(seq 300))
close=$(printf '%0.s]' $(seq 300))
write nested.graphql "{ a(x: ${open}1${close}) }"
run default_depth_limit check "$work/nested.graphql"
expect_status 1; expect_err_contains "$work/nested.graphql:1:"; done_case

# --- usage ----------------------------------------------------------------

run help --help
expect_status 0; expect_err ''
grep -q "^usage: $(basename "$tool") " "$work/out" || fail "no usage line"
grep -q 'parse FILE' "$work/out" || fail "parse not listed"
grep -q 'check FILE' "$work/out" || fail "check not listed"
grep -q 'check-schema FILE...' "$work/out" || fail "check-schema not listed"
grep -q 'print-schema FILE...' "$work/out" || fail "print-schema not listed"
grep -q -- '--allow-invalid' "$work/out" || fail "--allow-invalid not listed"
done_case

run help_short -h
expect_status 0; grep -q "^usage: $(basename "$tool") " "$work/out" || fail "no usage line"; done_case

run version --version
expect_status 0
grep -Eqx 'graftql-c [0-9]+\.[0-9]+\.[0-9]+.*' "$work/out" || fail "version line: $(cat "$work/out")"
done_case

run no_command
expect_status 2; expect_out ''; expect_err_contains "missing command"; done_case

run unknown_command frobnicate "$work/short.graphql"
expect_status 2; expect_err_contains "unknown command 'frobnicate'"; done_case

run missing_file_argument parse
expect_status 2; expect_err_contains "missing argument: usage is 'parse FILE'"; done_case

run too_many_arguments parse "$work/short.graphql" "$work/ops.graphql"
expect_status 2; expect_err_contains "too many arguments"; done_case

run unknown_option check --frob "$work/short.graphql"
expect_status 2; expect_err_contains "unknown option '--frob'"; done_case

run option_without_value check "$work/short.graphql" --max-tokens
expect_status 2; expect_err_contains "option --max-tokens needs a value"; done_case

run bad_max_tokens check --max-tokens lots "$work/short.graphql"
expect_status 2; expect_err_contains "--max-tokens must be a whole number"; done_case

run max_depth_zero check --max-depth 0 "$work/short.graphql"
expect_status 2; expect_err_contains "--max-depth must be a whole number from 1 to"; done_case

run max_depth_over_ceiling check --max-depth 10001 "$work/short.graphql"
expect_status 2; expect_err_contains "--max-depth must be a whole number from 1 to"; done_case

run negative_max_tokens check --max-tokens -5 "$work/short.graphql"
expect_status 2; done_case

run double_dash check -- "$work/short.graphql"
expect_status 0; done_case

# --- input errors ---------------------------------------------------------

run missing_file parse "$work/does-not-exist.graphql"
expect_status 2; expect_out ''
expect_err_contains "cannot open $work/does-not-exist.graphql: No such file or directory"
done_case

run directory_as_file check "$work"
expect_status 2; expect_err_contains "$work"; done_case

# --- validate ---------------------------------------------------------------
# The errors as graphql-core's GraphQLError.formatted, a JSON array on stdout.

write vschema.graphql 'type Query { user(id: ID): User hello: String }\ntype User { name: String friends: [User] }\n'
write vquery.graphql '{ user { nam friends } }\nfragment F on User { name }\n'
run validate_errors validate "$work/vschema.graphql" "$work/vquery.graphql"
expect_status 1; expect_err ''
expect_out '[{"message":"Cannot query field '"'nam'"' on type '"'User'"'. Did you mean '"'name'"'?","locations":[{"line":1,"column":10}]},{"message":"Field '"'friends'"' of type '"'[User]'"' must have a selection of subfields. Did you mean '"'friends { ... }'"'?","locations":[{"line":1,"column":14}]},{"message":"Fragment '"'F'"' is never used.","locations":[{"line":2,"column":1}]}]'
done_case

printf '{ user(id: 1) { name friends { name } } }' >"$work/stdin"
run validate_valid validate "$work/vschema.graphql" -
expect_status 0; expect_out '[]'; expect_err ''; done_case

printf 'query ($a: User) { hello }' >"$work/stdin"
run validate_variables validate "$work/vschema.graphql" -
expect_status 1
expect_out '[{"message":"Variable '"'\$a'"' cannot be non-input type '"'User'"'.","locations":[{"line":1,"column":12}]},{"message":"Variable '"'\$a'"' is never used.","locations":[{"line":1,"column":8}]}]'
done_case

printf '{ user { name }' >"$work/stdin"
run validate_syntax_error validate "$work/vschema.graphql" -
expect_status 1
expect_out '[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":16}]}]'
done_case

printf '{ a }' >"$work/stdin"
run validate_invalid_schema validate "$work/invalid.graphql" -
expect_status 1; expect_out ''
expect_err_contains "$work/invalid.graphql:2:18: Interface field I.a expects type Int"
done_case

run validate_usage validate "$work/vschema.graphql"
expect_status 2; expect_err_contains "missing arguments: usage is 'validate SCHEMA QUERY'"
done_case

if [ "$(id -u)" -ne 0 ]; then  # root reads any file
    write secret.graphql '{ a }'
    chmod 000 "$work/secret.graphql"
    run unreadable_file check "$work/secret.graphql"
    expect_status 2; expect_err_contains "cannot open $work/secret.graphql: Permission denied"
    done_case
fi

# --- the shared test documents --------------------------------------------
# Every tests/c/data/*.graphql either parses or is rejected with a located
# error, never a crash; what parses prints to a fixed point.

shopt -s nullglob
for doc in "$data"/*.graphql; do
    name=$(basename "$doc")
    run "data:$name" parse "$doc"
    if [ "$status" -eq 0 ]; then
        cp "$work/out" "$work/printed.graphql"
        run "data:$name" parse "$work/printed.graphql"
        expect_status 0; expect_out "$(cat "$work/printed.graphql")"
    elif [ "$status" -eq 1 ]; then
        grep -q "^$doc:[0-9]*:[0-9]*: " "$work/err" || fail "error without a location"
    else
        fail "exit status $status"
    fi
    done_case
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
