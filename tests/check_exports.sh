#!/bin/sh
# check_exports.sh - checks what libnaputil.so exports: exactly the symbols
# of the version script, each in the version node the script puts it in
# (NAPUTIL_1.0, or a later node for a later addition), each declared NAPAPI
# in a public header, under the SONAME libnaputil.so.0.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
. "$top_srcdir/tests/tap.sh"

library="$top_builddir/lib/.libs/libnaputil.so"

sed -n 's/^    \([A-Za-z_0-9]*\);$/\1/p' "$top_srcdir/lib/naputil.map" | sort >"$tap_work/script"
nm -D --defined-only "$library" | awk '{ print $3 }' | sed 's/@.*//' |
    grep -v '^NAPUTIL_[0-9.]*$' | sort >"$tap_work/exported"
# Names the public headers declare NAPAPI (functions, IIDs and CLSIDs).
grep -hv "^ *#" "$top_srcdir"/include/*.h | tr -s ' \n' ' ' | tr ';' '\n' |
    sed -n 's/.*NAPAPI [^(]*[ *]\([A-Za-z_0-9]*\)(.*/\1/p
        s/.*NAPAPI const IID \([A-Za-z_0-9]*\).*/\1/p
        s/.*NAPAPI const CLSID \([A-Za-z_0-9]*\).*/\1/p' |
    sort -u >"$tap_work/declared"

# "SYMBOL NODE" for each symbol of the version script, and for each export.
awk '/^NAPUTIL_[0-9.]* *\{/ { node = $1 } /^    [A-Za-z_0-9]*;$/ { sub(/;/, "", $1); print $1, node }' \
    "$top_srcdir/lib/naputil.map" | sort >"$tap_work/script-nodes"
objdump -T "$library" | awk '/ g / && $NF != $(NF - 1) { print $NF, $(NF - 1) }' |
    sort >"$tap_work/exported-nodes"

tap_check "the version script lists symbols" test -s "$tap_work/script"
tap_check "the library exports exactly the version script's symbols" \
    diff "$tap_work/script" "$tap_work/exported"
tap_check "the public headers declare exactly the exported symbols" \
    diff "$tap_work/script" "$tap_work/declared"
tap_check "every export is in the version node the script gives it" \
    diff "$tap_work/script-nodes" "$tap_work/exported-nodes"
tap_check "SONAME is libnaputil.so.0" \
    sh -c "objdump -p '$library' | grep -q 'SONAME *libnaputil\\.so\\.0\$'"

tap_finish
