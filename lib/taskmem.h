/*
 * taskmem.h - how the library's blocks map onto the C heap (internal).
 *
 * Every block the library hands out is a plain malloc block, obtained and
 * released through these helpers.  They are inline so that an Alloc* or
 * Free* function costs exactly the malloc, memset and free calls it makes.
 * The library's own sizes are bounded by its structures (counts are
 * UINT16), so only CoTaskMemAlloc and CoTaskMemRealloc, which take any
 * size from the caller, check sizes (taskmem.c).
 */
#ifndef NAPUTIL_TASKMEM_H
#define NAPUTIL_TASKMEM_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "napwinbase.h"

/*
 * malloc, except that a request for 0 bytes gives a unique block with every
 * C library, not only with those whose malloc(0) does.  The test is free
 * where the size is a constant, as it mostly is.
 */
static inline void *taskmem_alloc(size_t size)
{
    return malloc(size != 0 ? size : 1);
}

/*
 * As taskmem_alloc, with every byte zeroed.  Not calloc: before 2.41,
 * glibc's calloc bypasses its per-thread cache of small blocks, which
 * makes calloc and free of a small structure cost almost twice what
 * malloc, zeroing and free do.  The empty asm hides from the compiler
 * that block came from malloc, or it would turn malloc and memset back
 * into calloc.  A size the compiler knows (a structure's) is zeroed with a
 * few stores; any other is hidden too, so that the C library's memset
 * zeroes it, not the string instruction GCC emits for a size it can bound,
 * which is slow to start.
 */
static inline void *taskmem_zalloc(size_t size)
{
    void *block = taskmem_alloc(size);

    if (block == NULL)
        return NULL;
#if defined(__GNUC__)
    __asm__("" : "+r"(block));
    if (!__builtin_constant_p(size))
        __asm__("" : "+r"(size));
#endif
    return memset(block, 0, size);
}

static inline void taskmem_free(void *p)
{
    free(p);
}

/*
 * A new block holding a copy of size bytes, in *copy; for 0 bytes no block
 * (NULL) and S_OK.  S_OK or E_OUTOFMEMORY, with *copy NULL on failure.
 */
HRESULT taskmem_duplicate(const void *bytes, size_t size, void **copy);

#endif /* NAPUTIL_TASKMEM_H */
