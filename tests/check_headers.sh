#!/bin/sh
# check_headers.sh - compiles every public header on its own, with all
# warnings as errors: as C99, C11 and C17 with the C compilers, as C++11,
# C++14, C++17 and C++20 with the C++ compilers, each of them gcc's and
# clang's; the C view with COBJMACROS and, in C++, with CINTERFACE.  Then
# checks that u"" literals pass as WCHAR strings, and that an interface
# declared the way Windows code declares its own (DECLARE_INTERFACE_,
# STDMETHOD, THIS_, PURE) compiles in both languages.

: "${top_srcdir:=.}"
: "${CC:=cc}"
: "${CXX:=c++}"
. "$top_srcdir/tests/tap.sh"

c_standards="c99 c11 c17"
cxx_standards="c++11 c++14 c++17 c++20"
unit="$tap_work/unit"

# compile COMPILER STANDARD SUFFIX [FLAGS...]: checks $unit.SUFFIX strictly.
compile() {
    compiler=$1 standard=$2 suffix=$3
    shift 3
    $compiler -std="$standard" -Wall -Wextra -Werror -pedantic "$@" \
        -I"$top_srcdir/include" -fsyntax-only "$unit.$suffix"
}

# compile_each COMPILER SUFFIX STANDARDS [FLAGS...]: compile in every standard.
compile_each() {
    compiler=$1 suffix=$2 standards=$3
    shift 3
    for standard in $standards; do
        compile "$compiler" "$standard" "$suffix" "$@" || return 1
    done
}

# check_with NAME COMPILER SUFFIX STANDARDS [FLAGS...]: one check, or a skip
# naming the Debian package when that compiler is not installed.
check_with() {
    name=$1 compiler=$2 suffix=$3 standards=$4
    shift 4
    if command -v "${compiler%% *}" >/dev/null 2>&1; then
        tap_check "$name" compile_each "$compiler" "$suffix" "$standards" "$@"
    else
        tap_skip "$name" "${compiler%% *} not installed (Debian package clang)"
    fi
}

for path in "$top_srcdir"/include/*.h; do
    header=${path##*/}
    printf '#include <%s>\nint header_test_unrelated_declaration;\n' "$header" >"$unit.c"
    cp "$unit.c" "$unit.cpp"
    check_with "$header alone as C ($CC)" "$CC" c "$c_standards"
    check_with "$header alone as C (clang)" clang c "$c_standards"
    check_with "$header alone as C++ ($CXX)" "$CXX" cpp "$cxx_standards"
    check_with "$header alone as C++ (clang++)" clang++ cpp "$cxx_standards"
    check_with "$header alone, C view with COBJMACROS ($CC)" "$CC" c c11 -DCOBJMACROS
    check_with "$header alone, C view in C++ with CINTERFACE ($CXX)" "$CXX" cpp c++17 \
        -DCINTERFACE -DCOBJMACROS
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

# An interface of the program's own, declared as objbase.h users do: in C++
# an abstract class, in C a struct and its table; a C++ class implements it.
cat >"$unit.c" <<'SOURCE'
#include <NapUtil.h>
#undef INTERFACE
#define INTERFACE IExampleCounter
DECLARE_INTERFACE_(IExampleCounter, IUnknown)
{
    BEGIN_INTERFACE
    STDMETHOD(QueryInterface)(THIS_ REFIID riid, void **ppv) PURE;
    STDMETHOD_(ULONG, AddRef)(THIS) PURE;
    STDMETHOD_(ULONG, Release)(THIS) PURE;
    STDMETHOD(Increment)(THIS_ UINT32 by) PURE;
    STDMETHOD_(UINT32, Value)(THIS) PURE;
    END_INTERFACE
};
#undef INTERFACE
UINT32 read_counter(IExampleCounter *counter);
UINT32 read_counter(IExampleCounter *counter)
{
#ifdef __cplusplus
    counter->Increment(1);
    return counter->Value();
#else
    counter->lpVtbl->Increment(counter, 1);
    return counter->lpVtbl->Value(counter);
#endif
}
#ifdef __cplusplus
class Counter : public IExampleCounter {
    ULONG references = 1;
    UINT32 value = 0;

public:
    STDMETHODIMP QueryInterface(REFIID riid, void **ppv)
    {
        *ppv = riid == IID_IUnknown ? this : NULL;
        return *ppv != NULL ? S_OK : E_NOINTERFACE;
    }
    STDMETHODIMP_(ULONG) AddRef() { return ++references; }
    STDMETHODIMP_(ULONG) Release() { return --references; }
    STDMETHODIMP Increment(UINT32 by)
    {
        value += by;
        return S_OK;
    }
    STDMETHODIMP_(UINT32) Value() { return value; }
};
UINT32 use_counter(void);
UINT32 use_counter(void)
{
    Counter counter;
    return read_counter(&counter);
}
#endif
SOURCE
cp "$unit.c" "$unit.cpp"
tap_check "DECLARE_INTERFACE_ in C11" compile "$CC" c11 c
tap_check "DECLARE_INTERFACE_ in C++11" compile "$CXX" c++11 cpp

tap_finish
