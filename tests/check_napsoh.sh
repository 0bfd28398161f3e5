#!/bin/sh
# check_napsoh.sh - drives napsoh on the test vectors (hex and binary), on a
# message built by the encoder, on FILETIMEs from 1601 to the largest, and
# on bad input: garbage, empty input, a truncated file, odd hex, a bad
# command line; checks output and exit status.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
: "${LIBTOOL:=libtool}"

# napsoh and encode_sample are libtool wrapper scripts, and running one
# through libtool's execute mode costs far more than the program itself;
# napsoh runs over a hundred times here.  So the script, which the harness
# starts without arguments, runs itself again once under the execute mode:
# libtool replaces each wrapper argument by the program it wraps and exports
# the library path, and that run calls the programs directly, each napsoh
# run still under TEST_WRAPPER.  /bin/sh (or CONFIG_SHELL) runs it, not
# $SHELL, the user's login shell, which may be any shell.  This comes before
# tap.sh, whose clean-up trap the exec would drop.
if [ $# -eq 0 ]; then
    # shellcheck disable=SC2086 # LIBTOOL is a command with its arguments.
    exec $LIBTOOL --mode=execute "${CONFIG_SHELL:-/bin/sh}" "$0" \
        "$top_builddir/tools/napsoh" "$top_builddir/tests/encode_sample"
fi
napsoh_program=$1
encode_sample_program=$2

. "$top_srcdir/tests/tap.sh"

vectors="$top_srcdir/tests/vectors"
corpus="$top_srcdir/tests/fuzz/corpus/fuzz_decode"
out="$tap_work/out"
err="$tap_work/err"

# napsoh ARGS...: runs the tool (under check-valgrind's tool, if any) with
# stdout in $out and stderr in $err; its exit status is kept in $status.
napsoh() {
    # shellcheck disable=SC2086 # TEST_WRAPPER is a command with its arguments.
    $TEST_WRAPPER "$napsoh_program" "$@" >"$out" 2>"$err"
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
    has "$out" "MS-Quarantine-State (2): flags 0x0001, probation time 0xfffffffffffffffe (60056-05-28T05:36:10Z), URL 1 bytes 00" &&
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
else
    tap_skip "the JSON parses" "python3 not found"
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

"$encode_sample_program" >"$tap_work/encoded.bin"
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

# filetime_message FILETIME: a format 2 message with the 16 hex digits
# FILETIME in each place a FILETIME goes.  Line by line: the header (outer
# length 0x81, inner 0x79); the mode sub-header's correlation ID (GUID,
# FILETIME), intent and content type; the system entry's System-Health-ID
# and its Microsoft TLV (0x2b bytes) holding the quarantine state (flags 0,
# probation time FILETIME, a 1-byte URL) and the MS-CorrelationId (GUID,
# FILETIME); a report entry with Time-Of-Last-Update and SoH-Generation-Time.
filetime_message() {
    cat <<EOF
00 07 00 81 00 00 01 37 00 02 00 79
00 07 00 1e 00 00 01 37 54 46 89 36 cb 49 43 74 b1 27 a6 a3 cc 3b b1 1c $1 01 00
00 02 00 04 00 01 37 00 00 07 00 2b 00 00 01 37
02 00 00 $1 00 01 00
06 54 46 89 36 cb 49 43 74 b1 27 a6 a3 cc 3b b1 1c $1
00 02 00 04 00 01 37 80 00 05 00 08 $1 00 0c 00 08 $1
EOF
}

# has_line FILE LINE: FILE holds LINE as a whole line.
has_line() {
    grep -qxF -- "$2" "$1" || { echo "no line '$2' in:"; cat "$1"; return 1; }
}

# has_times FILE TEXT COUNT: FILE holds TEXT COUNT times.
has_times() {
    found=$(grep -oF -- "$2" "$1" | wc -l)
    [ "$found" -eq "$3" ] || { echo "'$2' $found times, not $3, in:"; cat "$1"; return 1; }
}

guid="{54468936-cb49-4374-b127-a6a3cc3bb11c}"

# tree_dates FILETIME DATE: the tree prints each of the message's five
# FILETIMEs, all FILETIME, in hex with DATE.
tree_dates() {
    time="0x$1 ($2)"
    expect 0 &&
        has_line "$out" "    correlation id: $guid, time $time" &&
        has_line "$out" "    MS-Quarantine-State (2): flags 0x0000, probation time $time, URL 1 bytes 00" &&
        has_line "$out" "    MS-CorrelationId (6): $guid, time $time" &&
        has_line "$out" "    Time-Of-Last-Update (5), 8 bytes: $time" &&
        has_line "$out" "    SoH-Generation-Time (12), 8 bytes: $time"
}

# json_dates VALUE DATE FILETIME: in the JSON, both correlation IDs have the
# decimal VALUE and DATE, the probation time is VALUE, the TLVs FILETIME.
json_dates() {
    id="{\"guid\": \"$guid\", \"timestamp\": $1, \"date\": \"$2\"}"
    tlv="\"size\": 8, \"value\": \"$3\"}"
    expect 0 && [ "$(wc -l <"$out")" -eq 1 ] &&
        has_times "$out" "\"correlationId\": $id" 2 &&
        has "$out" "\"flags\": 0, \"probationTime\": $1, \"url\": \"00\"" &&
        has "$out" "\"name\": \"Time-Of-Last-Update\", $tlv" &&
        has "$out" "\"name\": \"SoH-Generation-Time\", $tlv"
}

# The dates come from the tool's own calendar arithmetic, not from time_t,
# so a 32-bit time_t changes none: not before 1901 or 1970, nor past 2038.
# Each line: a FILETIME in hex and in decimal, its date, what it tests.
while read -r hex value date what; do
    filetime_message "$hex" >"$tap_work/filetime.hex"
    napsoh decode "$tap_work/filetime.hex"
    tap_check "FILETIME 0x$hex in the tree: $date, $what" tree_dates "$hex" "$date"
    napsoh decode --json "$tap_work/filetime.hex"
    tap_check "FILETIME 0x$hex in JSON: $date" json_dates "$value" "$date" "$hex"
done <<EOF
0000000000000000 0 1601-01-01T00:00:00Z zero, the first
014f6598c43f8000 94405824000000000 1900-03-01T00:00:00Z after 1900, no leap year
019db1ded53e7fff 116444735999999999 1969-12-31T23:59:59Z the last tick before 1970, its fraction dropped
019db1ded53e8000 116444736000000000 1970-01-01T00:00:00Z the Unix epoch
01bf8311159da980 125963423990000000 2000-02-29T23:59:59Z the last second of a leap day
01e9fd1ed53e8000 137919572480000000 2038-01-19T03:14:08Z one second past a 32-bit time_t
01f7630be39d8000 141690816000000000 2050-01-01T00:00:00Z a 2050 date
022f9fc03d2aa980 157520159990000000 2100-02-28T23:59:59Z the last second of February 2100
022f9fc03dc34000 157520160000000000 2100-03-01T00:00:00Z the next second, 2100 being no leap year
24c85a5ed127a980 2650467743990000000 9999-12-31T23:59:59Z the last second of four-digit years
24c85a5ed1c04000 2650467744000000000 10000-01-01T00:00:00Z the next second, in five digits
7fffffffffffffff 9223372036854775807 30828-09-14T02:48:05Z the largest signed value
ffffffffffffffff 18446744073709551615 60056-05-28T05:36:10Z the largest value
EOF

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
