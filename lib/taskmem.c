/*
 * taskmem.c - the COM task allocator (CoTaskMemAlloc, CoTaskMemRealloc,
 * CoTaskMemFree) over the C heap.
 *
 * Blocks carry no hidden header: a task-memory block is a malloc block, so
 * valgrind and the sanitizers point at the caller's code and a block may be
 * released by either CoTaskMemFree or free().
 *
 * COM's rules are those of glibc's malloc, realloc and free: a request for
 * 0 bytes gives a unique block, realloc of NULL allocates, realloc to 0
 * bytes frees and returns NULL, a failed realloc keeps the block.  Where
 * glibc's allocator serves the program, the three functions are therefore
 * bound straight to it, as GNU indirect functions, and cost what malloc,
 * realloc and free cost (CoTaskMemRealloc is a three-way branch to them).
 * Everywhere else - another C library, an allocator put in malloc's place
 * (a sanitizer's, jemalloc, the tests' --wrap wrappers) - the checked
 * functions below give COM's rules themselves.
 *
 * Sizes past PTRDIFF_MAX cannot be satisfied.  glibc's malloc refuses them
 * itself, but valgrind's memcheck reports such a size as an error, DRD
 * aborts on it and ASan aborts the program; the checked functions refuse
 * them without calling the allocator, and the resolvers pick the checked
 * functions whenever one of those tools runs.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "napwinbase.h"
#include "taskmem.h"

/* The largest block the checked functions ask the allocator for. */
#define TASKMEM_MAX_SIZE ((size_t)PTRDIFF_MAX)

/*
 * The sizes outside 1..TASKMEM_MAX_SIZE: 0 gives a unique block (malloc(0)
 * may return NULL on other C libraries), larger ones are refused.
 */
static __attribute__((cold, noinline)) void *alloc_unusual_size(size_t cb)
{
    return cb == 0 ? malloc(1) : NULL;
}

/*
 * cb - 1 turns 0 into SIZE_MAX, so a single comparison sends both 0 and the
 * sizes past TASKMEM_MAX_SIZE to the cold path.
 */
static LPVOID WINAPI checked_alloc(SIZE_T cb)
{
    if (cb - 1 < TASKMEM_MAX_SIZE)
        return malloc(cb);
    return alloc_unusual_size(cb);
}

/* COM's realloc to 0 bytes frees; larger sizes than any block are refused. */
static __attribute__((cold, noinline)) void *realloc_unusual_size(void *pv, size_t cb)
{
    if (cb == 0)
        free(pv);
    return NULL;
}

/* COM's realloc: NULL means allocate, 0 means free; a refusal keeps pv. */
static LPVOID WINAPI checked_realloc(LPVOID pv, SIZE_T cb)
{
    if (pv == NULL)
        return checked_alloc(cb);
    if (cb - 1 < TASKMEM_MAX_SIZE)
        return realloc(pv, cb);
    return realloc_unusual_size(pv, cb);
}

#if defined(__GLIBC__) && defined(HAVE_GNU_IFUNC)

#if defined(HAVE_VALGRIND_MEMCHECK_H) && defined(HAVE_VALGRIND_DRD_H)
#include <valgrind/drd.h>
#include <valgrind/memcheck.h>
#endif

/*
 * glibc's own allocator, whatever malloc names.  Weak, so that a static
 * program with an allocator of its own does not pull in glibc's as well:
 * there they are NULL, and the checked functions are used.
 */
extern void *__libc_malloc(size_t size) __attribute__((weak));
extern void *__libc_realloc(void *p, size_t size) __attribute__((weak));
extern void __libc_free(void *p) __attribute__((weak));

typedef LPVOID WINAPI alloc_function(SIZE_T cb);
typedef LPVOID WINAPI realloc_function(LPVOID pv, SIZE_T cb);
typedef VOID WINAPI free_function(LPVOID pv);

/*
 * The resolvers run while the program is relocated (or, in a static
 * program, before its thread pointer is set), ahead of the stack protector
 * and the sanitizers' run-time: they must not be instrumented by either.
 * They only compare addresses and ask valgrind questions.  "used": clang
 * does not count the ifunc attribute as a use of the function it names.
 */
#define RESOLVER                                                                             \
    __attribute__((used, no_stack_protector, no_sanitize("address", "thread", "undefined")))

#if defined(HAVE_VALGRIND_MEMCHECK_H) && defined(HAVE_VALGRIND_DRD_H)
/*
 * Whether a valgrind tool that must not see a size past PTRDIFF_MAX runs
 * the program: memcheck, which reports it, and DRD, which aborts on it.
 * Valgrind redirects glibc's malloc by address, so malloc is still
 * __libc_malloc under them.  Each answers a query of its own, which every
 * other tool (and no valgrind at all) answers with 0; callgrind, which
 * leaves malloc alone, still sees the direct binding.
 */
static RESOLVER int valgrind_checks_sizes(void)
{
    char byte = 0, validity;

    if (!RUNNING_ON_VALGRIND)
        return 0;
    return VALGRIND_GET_VBITS(&byte, &validity, 1) != 0 || DRD_GET_VALGRIND_THREADID != 0;
}
#else
/* Without valgrind's headers nothing tells: assume a checking tool runs. */
static RESOLVER int valgrind_checks_sizes(void)
{
    return 1;
}
#endif

/*
 * Whether CoTaskMemAlloc and CoTaskMemRealloc may go straight to glibc's
 * malloc, realloc and free: the names malloc, realloc and free reach
 * glibc's own allocator (nothing was put in its place), and no valgrind
 * tool checks the sizes.
 */
static RESOLVER int direct_binding_allowed(void)
{
    if (__libc_malloc == NULL || __libc_realloc == NULL || __libc_free == NULL)
        return 0;
    if (malloc != __libc_malloc || realloc != __libc_realloc || free != __libc_free)
        return 0;
    return !valgrind_checks_sizes();
}

/*
 * CoTaskMemRealloc on the direct path: glibc's realloc, with COM's two
 * edge cases sent straight to glibc's malloc and free.  glibc's realloc
 * gives the same results, but reaches them after work of its own that
 * costs as much again as the malloc or free (callgrind: 196 instructions
 * for realloc(NULL, 64) and realloc(p, 0), against 140 for malloc and free).
 */
static LPVOID WINAPI direct_realloc(LPVOID pv, SIZE_T cb)
{
    if (pv == NULL)
        return __libc_malloc(cb);
    if (cb == 0) {
        __libc_free(pv);
        return NULL;
    }
    return __libc_realloc(pv, cb);
}

static RESOLVER alloc_function *resolve_alloc(void)
{
    return direct_binding_allowed() ? __libc_malloc : checked_alloc;
}

static RESOLVER realloc_function *resolve_realloc(void)
{
    return direct_binding_allowed() ? direct_realloc : checked_realloc;
}

/*
 * free has COM's rules with every allocator (free(NULL) does nothing), so
 * CoTaskMemFree is whatever free the program's blocks go back to.
 */
static RESOLVER free_function *resolve_free(void)
{
    return free;
}

LPVOID WINAPI CoTaskMemAlloc(SIZE_T cb) __attribute__((ifunc("resolve_alloc")));
LPVOID WINAPI CoTaskMemRealloc(LPVOID pv, SIZE_T cb) __attribute__((ifunc("resolve_realloc")));
VOID WINAPI CoTaskMemFree(LPVOID pv) __attribute__((ifunc("resolve_free")));

#else /* no indirect functions: the checked functions, called */

LPVOID WINAPI CoTaskMemAlloc(SIZE_T cb)
{
    return checked_alloc(cb);
}

LPVOID WINAPI CoTaskMemRealloc(LPVOID pv, SIZE_T cb)
{
    return checked_realloc(pv, cb);
}

VOID WINAPI CoTaskMemFree(LPVOID pv)
{
    free(pv);
}

#endif

HRESULT taskmem_duplicate(const void *bytes, size_t size, void **copy)
{
    *copy = NULL;
    if (size == 0)
        return S_OK;
    *copy = taskmem_alloc(size);
    if (*copy == NULL)
        return E_OUTOFMEMORY;
    memcpy(*copy, bytes, size);
    return S_OK;
}
