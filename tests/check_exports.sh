#!/bin/sh
# check_exports.sh - checks what libnaputil.so exports: exactly the symbols
# of the version script, all in node NAPUTIL_1.0, each declared NAPAPI in a
# public header, under the SONAME libnaputil.so.0.  Reports in TAP.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"

library="$top_builddir/lib/.libs/libnaputil.so"
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT

count=0
failed=0

# check NAME COMMAND...: one TAP line for the command's success.
check() {
    name=$1
    shift
    count=$((count + 1))
    if "$@" >"$work/out" 2>&1; then
        echo "ok $count - $name"
    else
        echo "not ok $count - $name"
        sed 's/^/# /' "$work/out"
        failed=$((failed + 1))
    fi
}

sed -n 's/^    \([A-Za-z_0-9]*\);$/\1/p' "$top_srcdir/lib/naputil.map" | sort >"$work/script"
nm -D --defined-only "$library" | awk '{ print $3 }' | sed 's/@.*//' |
    grep -v '^NAPUTIL_1\.0$' | sort >"$work/exported"
# Exported names as the public headers declare them (NAPAPI functions and IIDs).
cat "$top_srcdir"/include/*.h | tr -s ' \n' ' ' | tr ';' '\n' |
    sed -n 's/.*NAPAPI [^(]*[ *]\([A-Za-z_0-9]*\)(.*/\1/p; s/.*NAPAPI const IID \([A-Za-z_0-9]*\).*/\1/p' |
    sort -u >"$work/declared"

check "the version script lists symbols" test -s "$work/script"
check "the library exports exactly the version script's symbols" \
    diff "$work/script" "$work/exported"
check "the public headers declare exactly the exported symbols" \
    diff "$work/script" "$work/declared"
check "every export is in version node NAPUTIL_1.0" \
    sh -c "objdump -T '$library' | awk '/ g /' | grep -v 'NAPUTIL_1\\.0' | grep . && exit 1 || exit 0"
check "SONAME is libnaputil.so.0" \
    sh -c "objdump -p '$library' | grep -q 'SONAME *libnaputil\\.so\\.0\$'"

echo "1..$count"
[ "$failed" -eq 0 ]
