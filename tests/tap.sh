# tap.sh - sourced by the shell tests: reports checks in TAP for the test
# harness.  tap_check NAME COMMAND... runs one check, tap_skip NAME REASON
# reports one that cannot run here; tap_finish ends the run.

tap_work=$(mktemp -d) || exit 1
trap 'rm -rf "$tap_work"' EXIT
tap_count=0
tap_failed=0

tap_check() {
    tap_name=$1
    shift
    tap_count=$((tap_count + 1))
    if "$@" >"$tap_work/output" 2>&1; then
        echo "ok $tap_count - $tap_name"
    else
        echo "not ok $tap_count - $tap_name"
        sed 's/^/# /' "$tap_work/output"
        tap_failed=$((tap_failed + 1))
    fi
}

# tap_skip NAME REASON: reports a check that could not run here, and why.
tap_skip() {
    tap_count=$((tap_count + 1))
    echo "ok $tap_count - $1 # SKIP $2"
}

tap_finish() {
    echo "1..$tap_count"
    [ "$tap_failed" -eq 0 ]
}
