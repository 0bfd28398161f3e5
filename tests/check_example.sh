#!/bin/sh
# check_example.sh - runs the health agent example and checks what it prints.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
. "$top_srcdir/tests/tap.sh"

output="$tap_work/example.out"

tap_check "the example runs and exits 0" \
    sh -c "'$top_builddir/examples/health_agent' >'$output'"
tap_check "it reports the fixup progress" \
    grep -qx 'fixup: state 1, 40% done, 2 result codes' "$output"
tap_check "it lists the two SoH attributes" \
    grep -qx 'SoH request of agent 0x000137F0: 2 attributes' "$output"
tap_check "it prints the remediation URL" \
    grep -qx 'remediation URL (34 UTF-16 units): http://remediation.example/patches' "$output"

tap_finish
