#!/bin/sh
# check_napsoh.sh - drives napsoh on the test vectors (hex and binary, with
# every Microsoft type-value and every TLV type), on a message built by the
# encoder, on FILETIMEs from 1601 to the largest, and on bad input: garbage,
# empty input, a truncated file, hex that breaks the rules, a directory, a
# bad command line; checks output and exit status, that the JSON of every
# vector has unique keys, that a failed write is an error, and that napsoh
# ends on any input.

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

# Every TLV type, as a report entry's TLV and as the SSoH's other TLVs,
# which the decoder keeps raw whatever their size: each value whose size
# fits its type is printed part by part from the library's table (numbers,
# dates, codes, addresses, octets with their text), any other in hex.
napsoh decode "$vectors/every-tlv-type.hex"
tap_check "every TLV type in the tree, in its own terms where its size fits the type" \
    eval 'expect 0 && diff - "$out"' <<'EOF'
SoH message, 282 bytes
  header: outer type 0x0007 (Vendor-Specific), outer length 278, vendor 0x00000137 (Microsoft), format 1, inner length 270
  system entry (SSoH), System-Health-ID 0x00013700:
    MS-Packet-Info (3): 0x11 (r 1, version 1)
    other TLV: IPv4-Fixup-Servers (3), 3 bytes: 010203
    other TLV: Compliance-Result-Codes (4), 3 bytes: 616263 "abc"
    other TLV: Time-Of-Last-Update (5), 7 bytes: 01ca78d858ee1e
    other TLV: Vendor-Specific (7), 3 bytes: 616263 "abc"
    other TLV: Health-Class (8), 2 bytes: 0102
    other TLV: IPv6-Fixup-Servers (15), 15 bytes: 20010db80000000000000000000000
    other TLV: Extended-Isolation-State (16), 1 bytes: 1
  report entry 1, System-Health-ID 0x00013780, 17 attributes:
    System-Health-ID (2), 4 bytes: 0x00013780
    IPv4-Fixup-Servers (3), 8 bytes: 10.0.0.1, 192.168.1.254
    Compliance-Result-Codes (4), 8 bytes: 0x80270050, 0x00000000
    Time-Of-Last-Update (5), 8 bytes: 0x01ca78d858ee1ef0 (2009-12-09T14:03:13Z)
    Client-Id (6), 7 bytes: 636c69656e7400 "client"
    Vendor-Specific (7), 8 bytes: vendor 0x00000311, data 41424344
    Health-Class (8), 1 bytes: 3
    Software-Version (9), 5 bytes: 312e322e33 "1.2.3"
    Product-Name (10), 5 bytes: 70726f6401
    Health-Class-Status (11), 4 bytes: c0ff0002
    SoH-Generation-Time (12), 8 bytes: 0x0000000000000000 (1601-01-01T00:00:00Z)
    Error-Codes (13), 12 bytes: 0x00000001, 0x00000002, 0x00000003
    Failure-Category (14), 1 bytes: 2
    IPv6-Fixup-Servers (15), 32 bytes: 20010db8000000000000000000000001fe800000000000000000000000000001
    Extended-Isolation-State (16), 1 bytes: 1
    unknown (17), 9 bytes: 736576656e7465656e "seventeen"
    unknown (16383), 1 bytes: ff
EOF

napsoh decode --json "$vectors/every-tlv-type.hex"
tap_check "every TLV type in JSON: its number without the flags, its name and its bytes" eval '
    expect 0 && has "$out" "{\"type\": 13, \"name\": \"Error-Codes\", \"size\": 12, \"value\": \"000000010000000200000003\"}" &&
    has "$out" "{\"type\": 15, \"name\": \"IPv6-Fixup-Servers\", \"size\": 15, \"value\": \"20010db80000000000000000000000\"}" &&
    has "$out" "{\"type\": 16383, \"name\": \"unknown\", \"size\": 1, \"value\": \"ff\"}" &&
    has "$out" "\"systemHealthId\": 79744"'

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
tap_check "the entry of the NAP SDK's sample SHA" eval '
    expect 0 && has "$out" "Vendor-Specific (7), 6 bytes: vendor 0x000137f0, data aaaa"'

napsoh decode --response "$vectors/sample-shv-response.hex"
tap_check "the sample SHV answer of 2.13 as an SoHR" eval '
    expect 0 && has "$out" "SoHR message, 28 bytes" &&
    has "$out" "Compliance-Result-Codes (4), 4 bytes: 0x80270050"'

napsoh validate --response "$vectors/sample-sha.hex"
tap_check "a request entry is no response: refused at its offset, saying why" \
    eval 'one_error "invalid SoH message at byte offset 12 (of 30): report entry of an SoHR without Compliance-Result-Codes or Failure-Category"'

"$encode_sample_program" >"$tap_work/encoded.bin"
napsoh decode "$tap_work/encoded.bin"
tap_check "a message built by the encoder, every field named" eval '
    expect 0 && has "$out" "correlation id: {54468936-cb49-4374-b127-a6a3cc3bb11c}" &&
    has "$out" "MS-MachineName (5): 6 bytes 686f73743100 \"host1\"" &&
    has "$out" "MS-Machine-Inventory-Ex (8): reserved 0xdecafbad, product type 1 (client)" &&
    has "$out" "report entry 1, System-Health-ID 0x00013780, 5 attributes:" &&
    has "$out" "Vendor-Specific (7), 8 bytes: vendor 0x00013780, data 01000600"'

napsoh validate "$tap_work/encoded.bin"
tap_check "validate accepts it: one report entry, in the singular" \
    eval 'expect 0 && has "$out" "valid SoH message: " && grep -q ", 1 report entry\$" "$out"'

napsoh validate "$corpus/format2-multi-entry"
tap_check "validate counts report entries in the plural" \
    eval 'expect 0 && grep -q ", 2 report entries\$" "$out"'

head -c 40 "$corpus/format2-multi-entry" >"$tap_work/truncated.bin"
napsoh decode "$tap_work/truncated.bin"
tap_check "a truncated file: one line naming the offset and the reason, exit 1" \
    eval 'one_error "invalid SoH message at byte offset 2 (of 40): outer length 0x0090, not 0x0024 (the size of what follows)"'

printf 'GARBAGE\001\002\003 not an SoH message at all\n' >"$tap_work/garbage"
napsoh decode "$tap_work/garbage"
tap_check "garbage: one line naming the offset and the reason, exit 1" \
    eval 'one_error "invalid SoH message at byte offset 0 (of 37): outer type 0x4741, not 0x0007 (Vendor-Specific)"'

# decode_error HEX OFFSET REASON: the message in HEX is refused at OFFSET
# for REASON (the library's words, from NapSoHMessageDecodeEx).
decode_error() {
    echo "$1" >"$tap_work/bad.hex"
    napsoh decode "$tap_work/bad.hex"
    one_error "invalid SoH message at byte offset $2 (of $(($(echo "$1" | tr -d ' ' | wc -c) / 2))): $3"
}
tap_check "an unknown Microsoft type-value: its offset and number" decode_error \
    "0007 001b 00000137 0001 0013 0002 0004 00013700 0007 0007 00000137 0311 09" 30 \
    "unknown Microsoft type-value 9"
tap_check "a TLV length past the end: its offset and value" decode_error \
    "0007 0019 00000137 0001 0011 0002 0004 000137f0 0007 0009 000137f0 aa" 22 \
    "TLV length 0x0009 runs past the end of the message (0x0005 left)"
tap_check "a machine name longer than its attribute" decode_error \
    "0007 001c 00000137 0001 0014 0002 0004 00013700 0007 0008 00000137 050002 41" 29 \
    "MS-MachineName length 0x0002 runs past the end of the Microsoft attribute (0x0001 left)"
tap_check "a header alone, cut short" decode_error "0007 0008 00000137 0002 00" 11 \
    "the message ends inside its 12-byte header (11 of 12 bytes)"

napsoh decode </dev/null
tap_check "empty input: one line, exit 1" eval 'one_error "empty input"'

echo "00 07 00 0" >"$tap_work/odd.hex"
napsoh validate "$tap_work/odd.hex"
tap_check "odd hex digits: one line naming the text offset, exit 1" \
    eval 'one_error "hex input at text offset 9: odd number of hex digits"'

napsoh decode "$tap_work/no-such-file"
tap_check "a missing file: one line, exit 1" eval 'one_error "no-such-file"'

napsoh frobnicate
tap_check "an unknown command exits 2" eval 'expect 2 && has "$err" "unknown command"'
napsoh decode --bogus
tap_check "an unknown option exits 2" eval 'expect 2 && has "$err" "unknown option"'

# ---- the hex reader: what it accepts, and an error for all else ----

# napsoh_bounded ARGS...: napsoh as above, killed if it has not ended in
# $bound seconds (timeout's status 124 then fails expect).  A hang is what
# the old hex reader did on "00x"; under valgrind or an emulator the tool
# starts far slower, so the bound grows there.
bound=5
[ -n "$TEST_WRAPPER" ] && bound=120
napsoh_bounded() {
    # shellcheck disable=SC2086 # TEST_WRAPPER is a command with its arguments.
    timeout "$bound" $TEST_WRAPPER "$napsoh_program" "$@" >"$out" 2>"$err"
    status=$?
}

# The input goes through a file: napsoh at the end of a pipeline would run
# in a subshell, whose $status is lost.
printf '00x' >"$tap_work/in"
napsoh_bounded validate <"$tap_work/in"
tap_check "'00x' ends at once: exit 1 naming the text offset and the reason" \
    eval 'one_error "hex input at text offset 2: '"'x'"' is not a hex digit"'

# hex_error TEXT OFFSET REASON: TEXT as input fails at OFFSET for REASON.
hex_error() {
    printf '%s' "$1" >"$tap_work/in"
    napsoh_bounded validate <"$tap_work/in"
    one_error "hex input at text offset $2: $3"
}
tap_check "0x only at the start of a group" hex_error "0x0x00" 3 "'x' is not a hex digit"
tap_check "0x with no digits after it" hex_error "00 0x" 3 "0x is not followed by hex digits"
tap_check "':' before the first byte" hex_error ":00" 0 "':' stands only between two bytes"
tap_check "':' twice" hex_error "00::01" 2 "':' stands only between two bytes"
tap_check "':' after a lone digit" hex_error "0:07" 0 "odd number of hex digits"
tap_check "a character that is no hex digit" hex_error "00 07 zz" 6 \
    "'z' is not a hex digit, ':' or white space"
tap_check "text that is not hex at all" hex_error "hello" 0 "'h' is not a hex digit"

# The header alone in each accepted spelling decodes to the same 12 bytes.
hex_spelling() {
    printf '%s' "$1" >"$tap_work/in"
    napsoh_bounded validate <"$tap_work/in"
    expect 0 && has "$out" "valid SoH message: 12 bytes, format 2"
}
tap_check "colon-separated hex is hex" hex_spelling "00:07:00:08:00:00:01:37:00:02:00:00"
tap_check "0x groups of any even length, tabs and CRLF" \
    hex_spelling "$(printf '0X0007\t0x0008\r\n0x00000137 00:02 0000\r\n')"
tap_check "one group, upper case" hex_spelling "000700080000013700020000"

# ---- JSON: every key once in each object ----

# Every vector and every message of the decoder's corpus, as an SoH or
# else as an SoHR, gives JSON whose objects have no key twice: most JSON
# readers keep only one value of a repeated key, and python3 -m json.tool
# would not notice.
json_unique_keys() {
    for file in "$vectors"/*.hex "$corpus"/*; do
        napsoh decode --json "$file"
        [ "$status" -eq 0 ] || napsoh decode --json --response "$file"
        [ "$status" -eq 0 ] || { echo "$file: exit $status"; cat "$err"; return 1; }
        python3 -c '
import json, sys

def unique(pairs):
    keys = [key for key, _ in pairs]
    for key in keys:
        if keys.count(key) > 1:
            raise ValueError("key %r appears %d times" % (key, keys.count(key)))
    return dict(pairs)

with open(sys.argv[1]) as text:
    json.loads(text.read(), object_pairs_hook=unique)
' "$out" || { echo "in the JSON of $file"; return 1; }
    done
}
if command -v python3 >/dev/null 2>&1; then
    tap_check "the JSON of every vector and corpus message has unique keys" json_unique_keys
else
    tap_skip "the JSON of every vector and corpus message has unique keys" "python3 not found"
fi

napsoh decode --json "$vectors/every-type-value.hex"
tap_check "the machine name's bytes are under \"machineName\"" eval '
    expect 0 && has "$out" "\"name\": \"MS-MachineName\", \"machineName\": \"686f73743100\""'

# has_lines FILE: FILE holds each line of standard input, as a fixed string.
has_lines() {
    while IFS= read -r line; do
        has "$1" "$line" || return 1
    done
}

# The JSON of a type-value comes from its row in the library's table: each
# field under its C name (numbers; a FILETIME as one; the correlation ID as
# an object), then the elements (32-bit ones as an array, octets in hex).
napsoh decode --json "$vectors/every-type-value.hex"
tap_check "every Microsoft type-value in JSON, each part under its C name" has_lines "$out" <<'EOF'
{"type": 1, "name": "MS-Machine-Inventory", "osMajorVersion": 6, "osMinorVersion": 1, "osBuildNumber": 7600, "servicePackMajor": 1, "servicePackMinor": 0, "processorArchitecture": 9}
{"type": 2, "name": "MS-Quarantine-State", "flags": 1, "probationTime": 18446744073709551614, "url": "00"}
{"type": 3, "name": "MS-Packet-Info", "value": 17}
{"type": 4, "name": "MS-SystemGenerated-Ids", "ids": [79616, 79744]}
{"type": 5, "name": "MS-MachineName", "machineName": "686f73743100"}
{"type": 6, "name": "MS-CorrelationId", "correlationId": {"guid": "{54468936-cb49-4374-b127-a6a3cc3bb11c}", "timestamp": 129048409933750000, "date": "2009-12-09T14:03:13Z"}}
{"type": 7, "name": "MS-Installed-Shvs", "ids": [79744]}
{"type": 8, "name": "MS-Machine-Inventory-Ex", "reserved": 3737844653, "productType": 1}
EOF

# ---- writing: a failed write is an error ----

# napsoh_to TARGET ARGS...: napsoh with its standard output redirected as
# TARGET says ("full" to /dev/full, "closed" for none at all).
napsoh_to() {
    target=$1
    shift
    # shellcheck disable=SC2086 # TEST_WRAPPER is a command with its arguments.
    case $target in
    full) $TEST_WRAPPER "$napsoh_program" "$@" >/dev/full 2>"$err" ;;
    closed) $TEST_WRAPPER "$napsoh_program" "$@" >&- 2>"$err" ;;
    esac
    status=$?
}

# write_error TARGET ARGS...: the write fails, so exit 1 with a message.
write_error() {
    napsoh_to "$@"
    expect 1 && has "$err" "write error on standard output"
}
if [ -w /dev/full ]; then
    tap_check "--help to a full device: exit 1, saying so" write_error full --help
    tap_check "--version to a full device: exit 1, saying so" write_error full --version
    tap_check "decode to a full device: exit 1, saying so" \
        write_error full decode "$vectors/every-type-value.hex"
    tap_check "decode --json to a full device: exit 1, saying so" \
        write_error full decode --json "$vectors/every-type-value.hex"
else
    tap_skip "writes to a full device fail with a message" "no /dev/full"
fi
tap_check "validate with standard output closed: exit 1, saying so" \
    write_error closed validate "$vectors/sample-sha.hex"

# ---- the command line and the input's source ----

napsoh --version
tap_check "--version prints the package's name and version" \
    eval 'expect 0 && grep -q "^napsoh (naputil) [0-9][0-9.]*\$" "$out" && [ ! -s "$err" ]'

napsoh
tap_check "no arguments: the usage on standard error, exit 2" \
    eval 'expect 2 && has "$err" "Usage: napsoh decode" && [ ! -s "$out" ] &&
        ! grep -q "missing command" "$err"'

napsoh validate "$vectors"
tap_check "a directory: one line saying it is one, exit 1" eval 'one_error "is a directory"'
napsoh validate <"$vectors"
tap_check "a directory on standard input: the same" eval 'one_error "is a directory"'

# On a terminal, napsoh says what it waits for.  script(1) runs it on a
# pseudo-terminal and ends the input at once (its own is empty); the hint
# and the empty input's error both reach script's output.
terminal_hint() {
    # shellcheck disable=SC2086 # TEST_WRAPPER is a command with its arguments.
    timeout "$bound" script -qec "$TEST_WRAPPER '$napsoh_program' validate" /dev/null \
        </dev/null >"$out" 2>&1
    has "$out" "reading the message from the terminal; end with Ctrl-D" &&
        has "$out" "empty input"
}
if command -v script >/dev/null 2>&1 && script -qec true /dev/null </dev/null >/dev/null 2>&1; then
    tap_check "on a terminal, a hint on how to end the input" terminal_hint
else
    tap_skip "on a terminal, a hint on how to end the input" "script(1) not usable here"
fi
printf '0007 0008 00000137 0002 0000' >"$tap_work/in"
napsoh validate <"$tap_work/in"
tap_check "no hint when standard input is no terminal" eval 'expect 0 && [ ! -s "$err" ]'

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
