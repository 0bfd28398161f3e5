#!/bin/sh
# check_health_exchange.sh - runs the health_exchange examples, in C and in
# C++ (under check-valgrind's tool when there is one), and checks what they
# print; then builds each source as a user would, with the build's
# compilers and with clang's, at each standard the headers promise and
# with all warnings as errors, and runs what it built.

: "${top_srcdir:=.}"
: "${top_builddir:=.}"
: "${CC:=cc}"
: "${CXX:=c++}"
: "${LIBTOOL:=libtool}"
. "$top_srcdir/tests/tap.sh"

expected="$tap_work/expected.out"
output="$tap_work/health_exchange.out"
cat >"$expected" <<'EOF'
agent: patched client, SoH request of 0x000137F0 with 2 attributes
validator: request of 0x000137F0, vendor data aa aa: compliant
agent: unpatched client, SoH request of 0x000137F0 with 2 attributes
validator: request of 0x000137F0, vendor data ba ad: not patched
connection 1: max SoH size 4000, not restricted
connection 2: max SoH size 4000, restricted, remediation at http://remediation.example/patches
FreeConnections: 0 connections left
EOF

# runs_as_expected PROGRAM: it exits 0 and prints the expected lines.
# shellcheck disable=SC2086 # LIBTOOL and TEST_WRAPPER are commands with their arguments.
runs_as_expected() {
    $LIBTOOL --mode=execute $TEST_WRAPPER "$1" >"$output" &&
        diff -u "$expected" "$output"
}

tap_check "the C example runs and prints the exchange" \
    runs_as_expected "$top_builddir/examples/health_exchange"
tap_check "the C++ example runs and prints the same" \
    runs_as_expected "$top_builddir/examples/health_exchange_cxx"

# builds_and_runs TAG COMPILER STANDARD SOURCE: compiles SOURCE strictly
# against the tree's headers, links it to the library just built (libtool's
# tag names the language), and runs it.
# shellcheck disable=SC2086 # COMPILER and LIBTOOL are commands with their arguments.
builds_and_runs() {
    tag=$1 compiler=$2 standard=$3 source=$4
    program="$tap_work/health_exchange"
    rm -f "$program" "$program.o"
    $compiler -std="$standard" -Wall -Wextra -Werror -pedantic -I"$top_srcdir/include" \
        -c -o "$program.o" "$source" &&
        $LIBTOOL --quiet --tag="$tag" --mode=link $compiler -no-install -o "$program" \
            "$program.o" "$top_builddir/lib/libnaputil.la" &&
        runs_as_expected "$program"
}

# A library built with a sanitizer runs only in programs built by the same
# compiler with the same sanitizer; there the examples make built stand for
# these builds.
case " $CFLAGS $CXXFLAGS " in
*" -fsanitize="*) sanitized=yes ;;
*) sanitized=no ;;
esac

# check_build TAG COMPILER STANDARD SOURCE: one check, or a skip naming the
# Debian package when that compiler is not installed.
check_build() {
    name="${4##*/} built with ${2%% *} -std=$3 runs"
    case $1 in CXX) package=g++ ;; *) package=gcc ;; esac
    case ${2%% *} in clang*) package=clang ;; esac
    if [ "$sanitized" = yes ]; then
        tap_skip "$name" "the library is built with a sanitizer"
    elif command -v "${2%% *}" >/dev/null 2>&1; then
        tap_check "$name" builds_and_runs "$@"
    else
        tap_skip "$name" "${2%% *} not installed (Debian package $package)"
    fi
}

# clang compiles for the build's host system, which in a cross build (the
# i386 build under qemu) is not clang's own.
host_system=$(${CC%% *} -dumpmachine 2>/dev/null) || host_system=
clang_target=${host_system:+ --target=$host_system}

for standard in c++11 c++20; do
    check_build CXX "$CXX" "$standard" "$top_srcdir/examples/health_exchange.cpp"
    check_build CXX "clang++$clang_target" "$standard" "$top_srcdir/examples/health_exchange.cpp"
done
check_build CC "$CC" c11 "$top_srcdir/examples/health_exchange.c"
check_build CC "clang$clang_target" c11 "$top_srcdir/examples/health_exchange.c"

tap_finish
