#!/bin/sh
# check_layout_sdk.sh - checks the NAP types' layouts against the Windows SDK
# headers as mingw-w64 ships them, at compile time only.  tests/layout_dump.c
# is compiled to assembly, never run, by the mingw-w64 compilers against
# their NAP headers and by $CC against ours; then every size, offset and
# vtable slot of tests/layout_entries.h is compared: ours with the SDK's for
# the data model of $CC, and the table's x64 and x86 columns with the SDK's
# win64 and win32 layouts, so that both columns are verified on any host.
# Without a mingw-w64 compiler the checks that need it are skipped.
# MINGW_W64_CC and MINGW_W32_CC name other mingw-w64 compilers.

: "${top_srcdir:=.}"
: "${CC:=cc}"
: "${MINGW_W64_CC:=x86_64-w64-mingw32-gcc}"
: "${MINGW_W32_CC:=i686-w64-mingw32-gcc}"
. "$top_srcdir/tests/tap.sh"

source="$top_srcdir/tests/layout_dump.c"
# Every entry of the list must reach each dump.
entries=$(grep -c '^LAYOUT_[A-Z]*(' "$top_srcdir/tests/layout_entries.h")

# dump NAME COMPILER...: compiles the dump source to $tap_work/NAME.s and
# keeps its entries in $tap_work/NAME as "kind name value x64 x86" lines,
# without the "$" or "#" some targets put before an immediate.
dump() {
    dump_name=$1
    shift
    "$@" -S -o "$tap_work/$dump_name.s" "$source" || return 1
    sed -n 's/^[[:space:]]*[^[:alnum:][:space:]]*LAYOUT //p' "$tap_work/$dump_name.s" |
        sed 's/[$#]\([0-9]\)/\1/g' >"$tap_work/$dump_name"
    grep -q '^model pointer ' "$tap_work/$dump_name" && dumped "$dump_name"
}

# dumped NAME: the dump NAME was made and has entries.
dumped() {
    grep -q '^size ' "$tap_work/$1" 2>/dev/null
}

# model NAME: the data model of a dump, from its pointer and long sizes.
model() {
    dumped "$1" || { echo "unknown (no dump)"; return; }
    awk '$1 == "model" { size[$2] = $3 }
        END {
            if (size["pointer"] == 8 && size["long"] == 8) print "LP64"
            else if (size["pointer"] == 4 && size["long"] == 4) print "ILP32"
            else if (size["pointer"] == 8 && size["long"] == 4) print "LLP64"
            else print "pointer=" size["pointer"] ",long=" size["long"]
        }' "$tap_work/$1"
}

# compare ACTUAL LABEL EXPECTED COLUMN EXPECTED_LABEL: checks each entry's
# value in dump ACTUAL (what its compiler computed) against field COLUMN of
# the same entry in dump EXPECTED (3 what that compiler computed, 4 the
# table's x64 column, 5 its x86 column), and that both hold every entry of
# the list; prints one line per difference.
compare() {
    awk -v actual_label="$2" -v expected_label="$5" -v column="$4" -v entries="$entries" '
        FNR == NR { if ($1 != "model") expected[$1 " " $2] = $column; next }
        $1 == "model" { next }
        {
            key = $1 " " $2
            seen[key] = 1
            count++
            if (!(key in expected)) {
                print "MISSING " $1 " " $2 ": " actual_label " has " $3 \
                    ", " expected_label " has no such entry"
                bad++
            } else if (expected[key] != $3) {
                print "MISMATCH " $1 " " $2 ": " actual_label " " $3 ", " \
                    expected_label " " expected[key]
                bad++
            }
        }
        END {
            for (key in expected)
                if (!(key in seen)) {
                    print "MISSING " key ": " expected_label " has " expected[key] \
                        ", " actual_label " has no such entry"
                    bad++
                }
            if (count != entries) {
                print actual_label " has " count " entries, the list " entries
                bad++
            }
            print count " entries compared, " bad + 0 " differ"
            exit (bad > 0)
        }' "$tap_work/$3" "$tap_work/$1"
}

# is_model NAME MODEL: the dump's data model is MODEL.
is_model() {
    found=$(model "$1")
    [ "$found" = "$2" ] || { echo "$1 is $found, expected $2"; return 1; }
}

# The Windows side: each mingw-w64 compiler against the SDK's headers, and
# the table's column for that Windows against what it computed.
# check_windows NAME COMPILER MODEL COLUMN LABEL PACKAGE: NAME is win64 or
# win32, COLUMN the table's field of its values and LABEL that column's
# name; without COMPILER the checks are skipped, naming PACKAGE, and the
# function returns 1.  The compiler variables, like CC, may carry options,
# so COMPILER is split.
check_windows() {
    if ! command -v "$2" >/dev/null 2>&1; then
        reason="$2 not found; install $6"
        tap_skip "Windows SDK headers dumped for $1" "$reason"
        tap_skip "the table's $5 column is the Windows SDK's $1 layout" "$reason"
        return 1
    fi
    tap_check "Windows SDK headers dumped for $1 by $2" dump "$1" $2
    tap_check "$2 targets $1 ($3)" is_model "$1" "$3"
    tap_check "the table's $5 column is the Windows SDK's $1 layout ($entries entries)" \
        compare "$1" "Windows SDK ($1)" "$1" "$4" "table ($5 column)"
}

have_win64=no
check_windows win64 "$MINGW_W64_CC" LLP64 4 x64 gcc-mingw-w64-x86-64-win32 && have_win64=yes
have_win32=no
check_windows win32 "$MINGW_W32_CC" ILP32 5 x86 gcc-mingw-w64-i686-win32 && have_win32=yes

# Our side: $CC against our headers, compared with the table's column and
# with the Windows SDK's layout for the data model of $CC.
tap_check "our headers dumped by $CC" dump ours $CC -I"$top_srcdir/include"
model=$(model ours)
case $model in
LP64) windows=win64 column=4 have=$have_win64 package=gcc-mingw-w64-x86-64-win32 ;;
ILP32) windows=win32 column=5 have=$have_win32 package=gcc-mingw-w64-i686-win32 ;;
*) windows= ;;
esac
tap_check "$CC is LP64 or ILP32 (found $model)" test -n "$windows"
if [ -n "$windows" ]; then
    # As check_layout does, but compiled only, so it holds where the test
    # programs cannot run as well.
    tap_check "our headers under $CC ($model) give the table's layout for $model" \
        compare ours "ours" ours $column "table"
    name="our headers under $CC ($model) give the Windows SDK's $windows layout"
    if [ "$have" = yes ]; then
        tap_check "$name" compare ours "ours" $windows 3 "Windows SDK ($windows)"
    else
        tap_skip "$name" "no $windows compiler; install $package"
    fi
fi

tap_finish
