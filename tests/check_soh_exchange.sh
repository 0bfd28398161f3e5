#!/bin/sh
# check_soh_exchange.sh - runs the health agent / health validator example
# (under check-valgrind's tool when there is one) and checks what it prints.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
: "${LIBTOOL:=libtool}"
. "$top_srcdir/tests/tap.sh"

output="$tap_work/soh_exchange.out"

# shellcheck disable=SC2086 # TEST_WRAPPER is a command with its arguments.
run_example() {
    $LIBTOOL --mode=execute $TEST_WRAPPER "$top_builddir/examples/soh_exchange" >"$output"
}

tap_check "the example runs and exits 0" run_example
tap_check "the agent's request has the documented bytes" \
    grep -qx 'agent: request: 00 02 00 04 00 01 37 f0 00 07 00 06 00 01 37 f0 aa aa' "$output"
tap_check "the validator finds the healthy client compliant" \
    grep -qx 'validator: request of 0x000137F0, vendor data aa aa: compliant' "$output"
tap_check "the agent reads S_OK" \
    grep -qx 'agent: response of 0x000137F0, 2 attributes, result 0x00000000: healthy' "$output"
tap_check "the validator finds the unhealthy client not patched" \
    grep -qx 'validator: request of 0x000137F0, vendor data ba ad: not patched' "$output"
tap_check "the response has the documented bytes" \
    grep -qx 'validator: response: 00 02 00 04 00 01 37 f0 00 04 00 04 80 27 00 50' "$output"
tap_check "the agent reads QUAR_E_NOTPATCHED and remediates" \
    grep -qx 'agent: response of 0x000137F0, 2 attributes, result 0x80270050: remediation needed' \
    "$output"

tap_finish
