/*
 * taskmem.c - the COM task allocator (CoTaskMemAlloc, CoTaskMemRealloc,
 * CoTaskMemFree) over the C heap, and the allocation seam behind it.
 *
 * Blocks carry no hidden header: a task-memory block is a malloc block, so
 * valgrind and the sanitizers point at the caller's code and a block may be
 * released by either CoTaskMemFree or free().
 */
#include "config.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "napwinbase.h"
#include "taskmem.h"

/* Allocations left before the armed failure; 0 when none is armed. */
static atomic_ulong allocations_before_failure;
static atomic_int failure_happened;

void taskmem_fail_nth_allocation(unsigned long n)
{
    atomic_store(&failure_happened, 0);
    atomic_store(&allocations_before_failure, n);
}

int taskmem_failure_happened(void)
{
    return atomic_load(&failure_happened);
}

/*
 * Counts one allocation against the armed failure; true if this one fails.
 * Cold: only the tests ever arm a failure.
 */
static __attribute__((cold, noinline)) int armed_failure_due(void)
{
    unsigned long left = atomic_load(&allocations_before_failure);

    while (left != 0) {
        if (atomic_compare_exchange_weak(&allocations_before_failure, &left, left - 1)) {
            if (left != 1)
                return 0;
            atomic_store(&failure_happened, 1);
            return 1;
        }
    }
    return 0;
}

/*
 * The cheap test that keeps the seam free in normal use: one relaxed load,
 * inlined into every allocation.
 */
static inline int allocation_fails(void)
{
    if (atomic_load_explicit(&allocations_before_failure, memory_order_relaxed) == 0)
        return 0;
    return armed_failure_due();
}

void *taskmem_alloc(size_t size)
{
    if (allocation_fails())
        return NULL;
    return malloc(size != 0 ? size : 1);
}

void *taskmem_zalloc(size_t size)
{
    if (allocation_fails())
        return NULL;
    return calloc(1, size != 0 ? size : 1);
}

void *taskmem_realloc(void *p, size_t size)
{
    if (allocation_fails())
        return NULL;
    return realloc(p, size);
}

void taskmem_free(void *p)
{
    free(p);
}

/*
 * Sizes past PTRDIFF_MAX cannot be satisfied; refusing them here keeps a
 * bogus size away from malloc (and from valgrind's and ASan's warnings).
 */
LPVOID WINAPI CoTaskMemAlloc(SIZE_T cb)
{
    if (cb > PTRDIFF_MAX)
        return NULL;
    return taskmem_alloc(cb);
}

/* COM's realloc: NULL means allocate, 0 means free. */
LPVOID WINAPI CoTaskMemRealloc(LPVOID pv, SIZE_T cb)
{
    if (pv == NULL)
        return CoTaskMemAlloc(cb);
    if (cb == 0) {
        taskmem_free(pv);
        return NULL;
    }
    if (cb > PTRDIFF_MAX)
        return NULL;
    return taskmem_realloc(pv, cb);
}

VOID WINAPI CoTaskMemFree(LPVOID pv)
{
    taskmem_free(pv);
}

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
