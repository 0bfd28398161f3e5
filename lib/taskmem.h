/*
 * taskmem.h - the library's single allocation seam (internal).
 *
 * Every block the library hands out is obtained here, so one place decides
 * how COM task memory maps onto the C heap, and the tests can make the Nth
 * allocation fail to prove that every failure path is clean.
 */
#ifndef NAPUTIL_TASKMEM_H
#define NAPUTIL_TASKMEM_H

#include <stddef.h>

#include "napwinbase.h"

/* malloc semantics, except that a request for 0 bytes gives a unique block. */
void *taskmem_alloc(size_t size);
/* As taskmem_alloc, with every byte zeroed. */
void *taskmem_zalloc(size_t size);
/* realloc of a non-NULL block to a non-zero size; on failure p is kept. */
void *taskmem_realloc(void *p, size_t size);
void taskmem_free(void *p);
/*
 * A new block holding a copy of size bytes, in *copy; for 0 bytes no block
 * (NULL) and S_OK.  S_OK or E_OUTOFMEMORY, with *copy NULL on failure.
 */
HRESULT taskmem_duplicate(const void *bytes, size_t size, void **copy);

/*
 * For the tests: make the nth allocation from now on fail (1 = the next
 * one); 0 disarms.  Safe to call while other threads allocate.
 */
void taskmem_fail_nth_allocation(unsigned long n);
/* Whether the failure armed by the last taskmem_fail_nth_allocation happened. */
int taskmem_failure_happened(void);

#endif /* NAPUTIL_TASKMEM_H */
