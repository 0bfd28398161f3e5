#!/bin/sh
# check_headers.sh - compiles every public header on its own, as C99, C11
# and C17 and as C++11 and C++17, with all warnings as errors; then checks
# that u"" literals pass as WCHAR strings in C11 and C++11.  Reports in TAP.

: "${top_srcdir:=.}"
: "${CC:=cc}"
: "${CXX:=c++}"

headers="napwinbase.h naptypes.h napprotocol.h napenforcementclient.h naperror.h
napmicrosoftvendorids.h naputil.h NapUtil.h NapTypes.h NapProtocol.h
NapEnforcementClient.h NapError.h NapMicrosoftVendorIds.h"
c_standards="c99 c11 c17"
cxx_standards="c++11 c++17"
warnings="-Wall -Wextra -Werror -pedantic"

work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT

count=0
failed=0

# compile NAME COMPILER STANDARD SOURCE-SUFFIX: compiles $work/unit.SUFFIX.
compile() {
    name=$1 compiler=$2 standard=$3 suffix=$4
    count=$((count + 1))
    if $compiler -std="$standard" $warnings -I"$top_srcdir/include" \
        -c "$work/unit.$suffix" -o "$work/unit.o" 2>"$work/errors"; then
        echo "ok $count - $name"
    else
        echo "not ok $count - $name"
        sed 's/^/# /' "$work/errors"
        failed=$((failed + 1))
    fi
}

for header in $headers; do
    printf '#include <%s>\nint header_test_unrelated_declaration;\n' "$header" >"$work/unit.c"
    cp "$work/unit.c" "$work/unit.cpp"
    for standard in $c_standards; do
        compile "$header alone as $standard" "$CC" "$standard" c
    done
    for standard in $cxx_standards; do
        compile "$header alone as $standard" "$CXX" "$standard" cpp
    done
done

cat >"$work/unit.c" <<'SOURCE'
#include <NapUtil.h>
HRESULT make_url(CountedString **url);
HRESULT make_url(CountedString **url)
{
    return AllocCountedString(url, u"http://remediation.example/");
}
SOURCE
cp "$work/unit.c" "$work/unit.cpp"
compile "u\"\" literal as CONST WCHAR * in C11" "$CC" c11 c
compile "u\"\" literal as CONST WCHAR * in C++11" "$CXX" c++11 cpp

echo "1..$count"
[ "$failed" -eq 0 ]
