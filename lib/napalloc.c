/*
 * napalloc.c - AllocConnections, AllocCountedString and AllocFixupInfo.
 *
 * Each function returns a structure whose every byte is zero except the
 * count or length it sets, and whose embedded array is a separate task-memory
 * block, because Windows callers free or replace those blocks one by one.
 * On any failure the out-pointer is NULL and nothing stays allocated.
 */
#include "config.h"

#include <string.h>

#include "naputil.h"
#include "taskmem.h"

HRESULT WINAPI AllocConnections(Connections **connections, UINT16 connectionsCount)
{
    Connections *list;

    if (connections == NULL)
        return E_INVALIDARG;
    *connections = NULL;
    if (connectionsCount > maxConnectionCountPerEnforcer)
        return E_INVALIDARG;

    list = taskmem_zalloc(sizeof(*list));
    if (list == NULL)
        return E_OUTOFMEMORY;
    /* No array for an empty list, as Microsoft's enforcement client expects. */
    if (connectionsCount > 0) {
        list->connections = taskmem_zalloc(connectionsCount * sizeof(*list->connections));
        if (list->connections == NULL) {
            taskmem_free(list);
            return E_OUTOFMEMORY;
        }
    }
    list->count = connectionsCount;
    *connections = list;
    return S_OK;
}

/*
 * The length of a NUL-terminated UTF-16 string, or limit + 1 if it is longer
 * than limit: an over-long string is never read further than that.  The
 * limit is tested once per 8 units while 8 more fit under it, which makes
 * the scan of a long string almost as cheap as an unbounded one.
 */
static size_t bounded_length(const WCHAR *string, size_t limit)
{
    size_t length = 0, i;

    for (; length + 7 <= limit; length += 8)
#pragma GCC unroll 8
        for (i = 0; i < 8; i++)
            if (string[length + i] == 0)
                return length + i;
    while (length <= limit && string[length] != 0)
        length++;
    return length;
}

HRESULT WINAPI AllocCountedString(CountedString **countedString, CONST WCHAR *string)
{
    CountedString *counted;
    size_t length;

    if (countedString == NULL)
        return E_INVALIDARG;
    *countedString = NULL;
    if (string == NULL)
        return E_INVALIDARG;
    length = bounded_length(string, maxStringLength);
    if (length > maxStringLength)
        return E_INVALIDARG;

    counted = taskmem_zalloc(sizeof(*counted));
    if (counted == NULL)
        return E_OUTOFMEMORY;
    counted->string = taskmem_alloc((length + 1) * sizeof(WCHAR));
    if (counted->string == NULL) {
        taskmem_free(counted);
        return E_OUTOFMEMORY;
    }
    /*
     * memmove, not memcpy: GCC expands a memcpy whose size it knows to be
     * small as an inline `rep movsq`, which costs more than the whole rest
     * of the call for short strings on many x86 processors; glibc's memmove
     * is the same code as its memcpy.
     */
    memmove(counted->string, string, (length + 1) * sizeof(WCHAR));
    counted->length = (UINT16)length;
    *countedString = counted;
    return S_OK;
}

HRESULT WINAPI AllocFixupInfo(FixupInfo **fixupInfo, UINT16 countResultCodes)
{
    FixupInfo *info;

    if (fixupInfo == NULL)
        return E_INVALIDARG;
    *fixupInfo = NULL;
    if (countResultCodes > maxDwordCountPerSoHAttribute)
        return E_INVALIDARG;

    info = taskmem_zalloc(sizeof(*info));
    if (info == NULL)
        return E_OUTOFMEMORY;
    if (countResultCodes > 0) {
        info->resultCodes.results =
            taskmem_zalloc(countResultCodes * sizeof(*info->resultCodes.results));
        if (info->resultCodes.results == NULL) {
            taskmem_free(info);
            return E_OUTOFMEMORY;
        }
    }
    info->resultCodes.count = countResultCodes;
    *fixupInfo = info;
    return S_OK;
}
