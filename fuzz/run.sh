#!/usr/bin/env bash
# fuzz/run.sh: replay the saved regressions, then fuzz for a while.
#
#   fuzz/run.sh BUILD_DIR/fuzz_parser [SECONDS]
#
# Run from the repository root (make fuzz does). The corpus the fuzzer grows
# stays in BUILD_DIR/fuzz_parser-work/; the repository's seed corpus and
# regressions are only read. On a crash, the input is printed in base64 with
# the steps that turn it into a regression test (see fuzz/README.md).
set -euo pipefail

target=${1:?usage: fuzz/run.sh FUZZ_TARGET [SECONDS]}
seconds=${2:-60}
name=$(basename "$target")                 # fuzz_parser
kind=${name#fuzz_}                         # parser
work="$(dirname "$target")/$name-work"
regressions=fuzz/regressions/$kind
seeds=fuzz/corpus/$kind

rm -rf "$work/artifacts"
mkdir -p "$work/corpus" "$work/artifacts"
# The documents of the C tests are good seeds too.
for doc in tests/c/data/*.graphql; do
    [ -f "$doc" ] && cp "$doc" "$work/corpus/"
done

report_crashes() {
    local found=0
    for artifact in "$work"/artifacts/*; do
        [ -f "$artifact" ] || continue
        found=1
        echo
        echo "fuzz: input that failed: $artifact ($(wc -c <"$artifact") bytes), base64:"
        head -c 65536 "$artifact" | base64
        echo
        echo "To keep it as a regression test (see fuzz/README.md), paste the base64"
        echo "above into: base64 -d > $regressions/$(basename "$artifact")"
        echo "then fix the bug; 'make c-test' replays it (test_fuzz_regressions)."
    done
    return $found
}

# 1. Every saved regression, one by one, named in the log.
shopt -s nullglob
saved=("$regressions"/[!.]*)
if [ ${#saved[@]} -gt 0 ]; then
    echo "fuzz: replaying ${#saved[@]} saved regression(s) from $regressions"
    if ! "$target" -artifact_prefix="$work/artifacts/" "${saved[@]}" 2>&1 | tail -n 40; then
        report_crashes || true
        exit 1
    fi
fi

# 2. Fuzz: the seeds and regressions are read as corpora, new inputs go to
#    the work corpus.
dict=()
[ -f "fuzz/$kind.dict" ] && dict=(-dict="fuzz/$kind.dict")
echo "fuzz: $name for $seconds s on $seeds and $regressions"
status=0
"$target" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
    "$work/corpus" "$seeds" "$regressions" >"$work/log" 2>&1 || status=$?
# The log is long: show how it started and how it ended, without the
# dictionary libFuzzer recommends.
head -n 12 "$work/log"
echo "..."
sed '/Recommended dictionary/,/End of recommended dictionary/d' "$work/log" | tail -n 40
crashed=0
report_crashes || crashed=1
if [ $status -ne 0 ] || [ $crashed -ne 0 ]; then
    echo "fuzz: $name FAILED (exit status $status)"
    exit 1
fi
runs=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second\(s\)' "$work/log" | tail -n 1 || true)
echo "fuzz: $name passed: ${runs:-done}, no crash"
