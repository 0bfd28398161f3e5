#!/bin/sh
# check_napsoh.sh - drives napsoh on the test vectors (hex and binary), on a
# message built by the encoder, and on bad input: garbage, empty input, a
# truncated file, odd hex, a bad command line; checks output and exit status.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
: "${LIBTOOL:=libtool}"
. "$top_srcdir/tests/tap.sh"

vectors="$top_srcdir/tests/vectors"
corpus="$top_srcdir/tests/fuzz/corpus/fuzz_decode"
out="$tap_work/out"
err="$tap_work/err"

# napsoh ARGS...: runs the tool (under check-valgrind's tool, if any) with
# stdout in $out and stderr in $err; its exit status is kept in $status.
napsoh() {
    # shellcheck disable=SC2086 # TEST_WRAPPER is a command with its arguments.
    $LIBTOOL --mode=execute $TEST_WRAPPER "$top_builddir/tools/napsoh" "$@" >"$out" 2>"$err"
    status=$?
}

# expect STATUS: the last run exited with STATUS.
expect() {
    [ "$status" -eq "$1" ] || { echo "exit status $status, expected $1"; cat "$err"; return 1; }
}

# has FILE PATTERN: FILE holds a line matching the fixed string PATTERN.
has() {
    grep -qF -- "$2" "$1" || { echo "no '$2' in:"; cat "$1"; return 1; }
}

# one_error PATTERN: the last run failed with exit 1 and one line naming PATTERN.
one_error() {
    expect 1 && has "$err" "$1" && [ "$(wc -l <"$err")" -eq 1 ] && [ ! -s "$out" ]
}

napsoh --help
tap_check "--help prints the usage and exits 0" eval 'expect 0 && has "$out" "Usage: napsoh decode"'

napsoh decode "$vectors/header-alone.hex"
tap_check "the 12-byte header alone, hex with 0x prefixes" \
    eval 'expect 0 && has "$out" "format 2, inner length 0" && has "$out" "(no body: a request for an SoH)"'

napsoh decode "$vectors/every-type-value.hex"
tap_check "format 1 with every Microsoft type-value, each named" eval '
    expect 0 && has "$out" "format 1, inner length 109" &&
    has "$out" "MS-Machine-Inventory (1): OS 6.1 build 7600, service pack 1.0, processor architecture 9 (x64)" &&
    has "$out" "MS-Quarantine-State (2): flags 0x0001, probation time 0xfffffffffffffffe, URL 1 bytes 00" &&
    has "$out" "MS-Packet-Info (3): 0x11 (r 1, version 1)" &&
    has "$out" "MS-SystemGenerated-Ids (4): 2 IDs: 0x00013700, 0x00013780" &&
    has "$out" "MS-MachineName (5): 6 bytes 686f73743100 \"host1\"" &&
    has "$out" "MS-CorrelationId (6): {54468936-cb49-4374-b127-a6a3cc3bb11c}, time 0x01ca78d858ee1ef0 (2009-12-09T14:03:13Z)" &&
    has "$out" "MS-Installed-Shvs (7): 1 IDs: 0x00013780" &&
    has "$out" "MS-Machine-Inventory-Ex (8): reserved 0xdecafbad, product type 1 (client)"'

napsoh decode <"$corpus/format2-multi-entry"
tap_check "binary format 2 from standard input: sub-header and two entries" eval '
    expect 0 && has "$out" "intent: 0x01 (request)" &&
    has "$out" "report entry 1, System-Health-ID 0x000137f0, 2 attributes:" &&
    has "$out" "report entry 2, System-Health-ID 0x00013780, 8 attributes:" &&
    has "$out" "Health-Class-Status (11), 4 bytes: c0ff0002"'

napsoh decode --json "$corpus/format2-multi-entry"
tap_check "--json prints one JSON object with every part" eval '
    expect 0 && [ "$(wc -l <"$out")" -eq 1 ] && has "$out" "{\"size\": 148, \"format\": 2" &&
    has "$out" "\"guid\": \"{54468936-cb49-4374-b127-a6a3cc3bb11c}\"" &&
    has "$out" "\"name\": \"MS-Packet-Info\", \"value\": 17" &&
    has "$out" "\"systemHealthId\": 79744"'
if command -v python3 >/dev/null 2>&1; then
    tap_check "the JSON parses" python3 -m json.tool "$out"
fi

napsoh decode "$vectors/sample-sha.hex"
tap_check "the sample SHA entry of soh-reference 2.13" eval '
    expect 0 && has "$out" "Vendor-Specific (7), 6 bytes: vendor 0x000137f0, data aaaa"'

napsoh decode --response "$vectors/sample-shv-response.hex"
tap_check "the sample SHV answer of 2.13 as an SoHR" eval '
    expect 0 && has "$out" "SoHR message, 28 bytes" &&
    has "$out" "Compliance-Result-Codes (4), 4 bytes: 0x80270050"'

napsoh validate --response "$vectors/sample-sha.hex"
tap_check "a request entry is no response: refused at its offset" \
    eval 'one_error "invalid SoH message at byte offset 12 (of 30)"'

"$top_builddir/tests/encode_sample" >"$tap_work/encoded.bin"
napsoh decode "$tap_work/encoded.bin"
tap_check "a message built by the encoder, every field named" eval '
    expect 0 && has "$out" "correlation id: {54468936-0000-0000-0000-000000000000}" &&
    has "$out" "MS-MachineName (5): 16 bytes 636c69656e74372e6578616d706c6500 \"client7.example\"" &&
    has "$out" "MS-Machine-Inventory-Ex (8): reserved 0xdecafbad, product type 1 (client)" &&
    has "$out" "report entry 1, System-Health-ID 0x00013780, 5 attributes:" &&
    has "$out" "Vendor-Specific (7), 8 bytes: vendor 0x00013780, data 01000600"'

napsoh validate "$tap_work/encoded.bin"
tap_check "validate accepts it" eval 'expect 0 && has "$out" "valid SoH message: " && has "$out" "1 report entries"'

head -c 40 "$corpus/format2-multi-entry" >"$tap_work/truncated.bin"
napsoh decode "$tap_work/truncated.bin"
tap_check "a truncated file: one line naming the offset, exit 1" \
    eval 'one_error "invalid SoH message at byte offset 2 (of 40)"'

printf 'GARBAGE\001\002\003 not an SoH message at all\n' >"$tap_work/garbage"
napsoh decode "$tap_work/garbage"
tap_check "garbage: one line naming the offset, exit 1" \
    eval 'one_error "invalid SoH message at byte offset 0 (of 37)"'

napsoh decode </dev/null
tap_check "empty input: one line, exit 1" eval 'one_error "empty input"'

echo "00 07 00 0" >"$tap_work/odd.hex"
napsoh validate "$tap_work/odd.hex"
tap_check "odd hex digits: one line naming the text offset, exit 1" \
    eval 'one_error "odd number of digits at text offset 9"'

napsoh decode "$tap_work/no-such-file"
tap_check "a missing file: one line, exit 1" eval 'one_error "no-such-file"'

napsoh frobnicate
tap_check "an unknown command exits 2" eval 'expect 2 && has "$err" "unknown command"'
napsoh decode --bogus
tap_check "an unknown option exits 2" eval 'expect 2 && has "$err" "unknown option"'

# Every prefix of a valid message, with its lengths fitted or not, is refused cleanly.
every_prefix() {
    size=$(wc -c <"$corpus/format1-every-type-value")
    n=0
    while [ "$n" -lt "$size" ]; do
        head -c "$n" "$corpus/format1-every-type-value" >"$tap_work/prefix"
        napsoh validate "$tap_work/prefix"
        [ "$status" -eq 1 ] || { echo "prefix $n: exit $status"; return 1; }
        n=$((n + 1))
    done
}
tap_check "every prefix of a valid message exits 1, never crashes" every_prefix

tap_finish
