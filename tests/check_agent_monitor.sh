#!/bin/sh
# check_agent_monitor.sh - drives the agent_monitor example with the shell
# commands of InitializeNapAgentNotifier(3), as an agent would, and checks
# that it prints each notification with the state it announces.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
. "$top_srcdir/tests/tap.sh"

NAPUTIL_RUNTIME_DIR="$tap_work/run"
export NAPUTIL_RUNTIME_DIR
output="$tap_work/monitor.out"
mkdir "$NAPUTIL_RUNTIME_DIR"

# Waits up to 30 seconds for the monitor to print the line.
wait_for_line() {
    tries=0
    until grep -qx "$1" "$output"; do
        tries=$((tries + 1))
        [ "$tries" -le 300 ] || return 1
        sleep 0.1
    done
}

# An agent updates a state file atomically, as the manual shows: write a
# temporary file that mktemp names, rename it over.
publish() {
    tmp=$(mktemp "$NAPUTIL_RUNTIME_DIR/.$1.XXXXXX") &&
        printf '%s\n' "$2" >"$tmp" && chmod 644 "$tmp" &&
        mv -f "$tmp" "$NAPUTIL_RUNTIME_DIR/$1"
}

# The monitor's whole run is bounded, so that a monitor that never sees its
# four notifications fails the test instead of hanging it: timeout(1) ends
# it after two minutes (far beyond the checks' own waits below), and wait
# then reports timeout's status 124.
timeout 120 "$top_builddir/examples/agent_monitor" 4 >"$output" 2>&1 &
monitor=$!

tap_check "the monitor subscribes to both types" wait_for_line ready
publish agent.state "running 4242"
tap_check "an agent starting is reported" wait_for_line "service state: agent running"
publish isolation.state restricted
tap_check "a restriction is reported" wait_for_line "isolation state: restricted (3)"
publish isolation.state notrestricted
tap_check "the end of a restriction is reported" wait_for_line "isolation state: notrestricted (1)"
rm -f "$NAPUTIL_RUNTIME_DIR/agent.state"
tap_check "the agent stopping is reported" wait_for_line "service state: agent stopped"
tap_check "after four notifications the monitor exits with status 0" wait "$monitor"
# Lines count the monitor's reads of its eventfds, never a counter's value
# (which it ignores, as the manual allows): each change above was waited for
# before the next was made, so each was a read of its own, and a signal to
# the wrong type's eventfd would have printed a line more.
tap_check "it printed nothing else" test "$(wc -l <"$output")" -eq 5

# A FIFO named like a state file: the monitor must neither block on it nor
# read it as a state.
mkfifo "$NAPUTIL_RUNTIME_DIR/.isolation.state.fifo"
timeout 120 "$top_builddir/examples/agent_monitor" 1 >"$output" 2>&1 &
monitor=$!
tap_check "the monitor subscribes again" wait_for_line ready
mv -f "$NAPUTIL_RUNTIME_DIR/.isolation.state.fifo" "$NAPUTIL_RUNTIME_DIR/isolation.state"
tap_check "a FIFO in place of a state file reads as no state" \
    wait_for_line "isolation state: unknown"
tap_check "and the monitor goes on to exit with status 0" wait "$monitor"

# expect_usage COUNT: the monitor refuses COUNT with its usage and status 2.
expect_usage() {
    status=0
    timeout 10 "$top_builddir/examples/agent_monitor" "$1" >"$output" 2>&1 || status=$?
    [ "$status" -eq 2 ] && grep -q '^usage: agent_monitor' "$output"
}
for count in ten 5x -1 '' 99999999999999999999999; do
    tap_check "a count of '$count' is refused" expect_usage "$count"
done

tap_finish
