/*
 * byteorder.h - how integers travel in an SoH (internal): every one
 * big-endian, a FILETIME as one 64-bit number (the high half first), a GUID
 * field by field.  This is the only place that knows; everything else reads
 * and writes through these functions.
 *
 * They work byte by byte, so neither the host's byte order nor the
 * alignment of a wire field ever matters; compilers turn them into single
 * loads and stores where the target allows.
 */
#ifndef NAPUTIL_BYTEORDER_H
#define NAPUTIL_BYTEORDER_H

#include <string.h>

#include "naptypes.h"

/* A Correlation-Id on the wire: the GUID, then the FILETIME. */
#define CORRELATION_ID_SIZE 24

static inline UINT16 get_be16(const BYTE *in)
{
    return (UINT16)(in[0] << 8 | in[1]);
}

static inline UINT32 get_be32(const BYTE *in)
{
    return (UINT32)in[0] << 24 | (UINT32)in[1] << 16 | (UINT32)in[2] << 8 | (UINT32)in[3];
}

static inline void put_be16(BYTE *out, UINT16 v)
{
    out[0] = (BYTE)(v >> 8);
    out[1] = (BYTE)v;
}

static inline void put_be32(BYTE *out, UINT32 v)
{
    out[0] = (BYTE)(v >> 24);
    out[1] = (BYTE)(v >> 16);
    out[2] = (BYTE)(v >> 8);
    out[3] = (BYTE)v;
}

static inline FILETIME get_filetime(const BYTE *in)
{
    FILETIME time;

    time.dwHighDateTime = get_be32(in);
    time.dwLowDateTime = get_be32(in + 4);
    return time;
}

static inline void put_filetime(BYTE *out, FILETIME time)
{
    put_be32(out, time.dwHighDateTime);
    put_be32(out + 4, time.dwLowDateTime);
}

/* Never the host struct's bytes: Data1 to Data3 are integers. */
static inline CorrelationId get_correlation_id(const BYTE *in)
{
    CorrelationId id;

    id.connId.Data1 = get_be32(in);
    id.connId.Data2 = get_be16(in + 4);
    id.connId.Data3 = get_be16(in + 6);
    memcpy(id.connId.Data4, in + 8, sizeof(id.connId.Data4));
    id.timeStamp = get_filetime(in + 16);
    return id;
}

static inline void put_correlation_id(BYTE *out, const CorrelationId *id)
{
    put_be32(out, id->connId.Data1);
    put_be16(out + 4, id->connId.Data2);
    put_be16(out + 6, id->connId.Data3);
    memcpy(out + 8, id->connId.Data4, sizeof(id->connId.Data4));
    put_filetime(out + 16, id->timeStamp);
}

#endif /* NAPUTIL_BYTEORDER_H */
