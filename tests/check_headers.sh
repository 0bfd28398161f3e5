#!/bin/sh
# check_headers.sh - compiles every public header on its own, as C99, C11
# and C17 and as C++11 and C++17, with all warnings as errors; then checks
# that u"" literals pass as WCHAR strings in C11 and C++11.

: "${top_srcdir:=.}"
: "${CC:=cc}"
: "${CXX:=c++}"
. "$top_srcdir/tests/tap.sh"

headers="napwinbase.h naptypes.h napprotocol.h napenforcementclient.h naperror.h
napmicrosoftvendorids.h napsohmessage.h naputil.h NapUtil.h NapTypes.h NapProtocol.h
NapEnforcementClient.h NapError.h NapMicrosoftVendorIds.h"
c_standards="c99 c11 c17"
cxx_standards="c++11 c++17"
unit="$tap_work/unit"

# compile COMPILER STANDARD SUFFIX: compiles $unit.SUFFIX strictly.
compile() {
    $1 -std="$2" -Wall -Wextra -Werror -pedantic -I"$top_srcdir/include" \
        -c "$unit.$3" -o "$unit.o"
}

for header in $headers; do
    printf '#include <%s>\nint header_test_unrelated_declaration;\n' "$header" >"$unit.c"
    cp "$unit.c" "$unit.cpp"
    for standard in $c_standards; do
        tap_check "$header alone as $standard" compile "$CC" "$standard" c
    done
    for standard in $cxx_standards; do
        tap_check "$header alone as $standard" compile "$CXX" "$standard" cpp
    done
done

cat >"$unit.c" <<'SOURCE'
#include <NapUtil.h>
HRESULT make_url(CountedString **url);
HRESULT make_url(CountedString **url)
{
    return AllocCountedString(url, u"http://remediation.example/");
}
SOURCE
cp "$unit.c" "$unit.cpp"
tap_check "u\"\" literal as CONST WCHAR * in C11" compile "$CC" c11 c
tap_check "u\"\" literal as CONST WCHAR * in C++11" compile "$CXX" c++11 cpp

tap_finish
