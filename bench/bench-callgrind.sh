#!/bin/sh
# bench-callgrind.sh - a benchmark's cases counted in instructions, which
# unlike time do not depend on how busy the machine is.
#
# Usage: bench-callgrind.sh [--codec] PROGRAM RUNNER...
# RUNNER... is the command that runs a built program under a tool (libtool's
# --mode=execute followed by valgrind), so that callgrind sees the real
# program and not libtool's wrapper script.  The program, given --callgrind,
# dumps callgrind's counters after each side of each case under the name
# "side|operations|case"; every dump is one file whose "summary:" line is the
# instruction count of that side alone.
#
# The table is the allocator's (bench_naputil): instructions per operation,
# ending with the worst ratio, the figure to watch.  --codec makes it the
# SoH codec's (bench_sohmessage): instructions per message, without a worst
# ratio, since decoding or encoding a message is not meant to come near
# copying its bytes and the ratio only puts the figures on a scale.
set -eu

style=allocator
if [ "${1-}" = --codec ]; then
    style=codec
    shift
fi
program=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! "$@" --tool=callgrind --callgrind-out-file="$work/out" "$program" --callgrind \
    >"$work/log" 2>&1; then
    cat "$work/log" >&2
    echo "bench-callgrind: the benchmark failed under callgrind" >&2
    exit 1
fi

# The dumps are numbered in the order the program made them.
dump=1
while [ -f "$work/out.$dump" ]; do
    sed -n -e 's/^desc: Trigger: Client Request: //p' -e 's/^summary: //p' "$work/out.$dump" |
        paste -s -d '|'
    dump=$((dump + 1))
done >"$work/counts"

[ -s "$work/counts" ] || { echo "bench-callgrind: callgrind dumped nothing" >&2; exit 1; }

# Lines "side|operations|case|instructions"; the library's comes first.
awk -F'|' -v style="$style" '
    function row(name, library, baseline) {
        printf "%-40s %12.1f %12.1f %7.3f\n", name, library, baseline, library / baseline
    }
    BEGIN {
        if (style == "codec") {
            print "SoH codec: instructions (callgrind) per message"
            unit = "Ir/message"
        } else {
            print "instructions (callgrind), per operation"
            unit = "Ir/op"
        }
        printf "%-40s %12s %12s %7s\n", "case", "library", "baseline", "ratio"
        printf "%-40s %12s %12s %7s\n", "", unit, unit, ""
    }
    $1 == "library" { library = $4 / $2; next }
    $1 == "baseline" {
        baseline = $4 / $2
        row($3, library, baseline)
        if (library / baseline > worst) { worst = library / baseline; worst_case = $3 }
    }
    END {
        if (style != "codec")
            printf "worst ratio: %.3f (%s)\n", worst, worst_case
    }
' "$work/counts"
