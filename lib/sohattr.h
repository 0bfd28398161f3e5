/*
 * sohattr.h - the SoH data model shared by the SoH classes and the wire
 * codec (internal): how one attribute value turns into its TLV value bytes
 * and back, which byte strings are valid values of a type, which API SoH
 * structures are valid, and a deep copy of one.
 *
 * An attribute's wire form is its TLV value: every integer big-endian,
 * FILETIMEs as one 64-bit big-endian number, addresses and octet strings
 * as they are.  The functions here never write outside the buffers they are
 * given, and allocate only through the task-memory seam.
 */
#ifndef NAPUTIL_SOHATTR_H
#define NAPUTIL_SOHATTR_H

#include "naputil.h"

/* The largest TLV type: the top two bits of the wire field are the M and R flags. */
#define SOH_MAX_ATTRIBUTE_TYPE 0x3FFF
/* The M (mandatory) flag as it would appear in SoHAttribute.type. */
#define SOH_ATTRIBUTE_MANDATORY_FLAG 0x8000
/* A System-Health-ID value, and the vendor ID that starts a Vendor-Specific value. */
#define SYSTEM_HEALTH_ID_SIZE 4
#define VENDOR_ID_SIZE 4

/* Big-endian wire integers, read byte by byte so the host's byte order never matters. */
static inline UINT16 get_be16(const BYTE *in)
{
    return (UINT16)(in[0] << 8 | in[1]);
}

static inline UINT32 get_be32(const BYTE *in)
{
    return (UINT32)in[0] << 24 | (UINT32)in[1] << 16 | (UINT32)in[2] << 8 | (UINT32)in[3];
}

/* A FILETIME travels as one 64-bit big-endian number: the high half first. */
static inline FILETIME get_filetime(const BYTE *in)
{
    FILETIME time;

    time.dwHighDateTime = get_be32(in);
    time.dwLowDateTime = get_be32(in + 4);
    return time;
}

/*
 * Whether value is something AppendAttribute may add as an attribute of
 * type: S_OK, E_POINTER for a NULL value or a NULL buffer behind a non-zero
 * count, E_INVALIDARG for a type that cannot be appended (0, 1, the
 * System-Health-ID, above SOH_MAX_ATTRIBUTE_TYPE) or a count or size out of
 * range.
 */
HRESULT sohattr_check_value(UINT32 type, const SoHAttributeValue *value);

/* The length of the wire form of a value that sohattr_check_value accepted. */
UINT16 sohattr_encoded_size(UINT16 type, const SoHAttributeValue *value);

/* Writes the sohattr_encoded_size bytes of the wire form of value to out. */
void sohattr_encode(UINT16 type, const SoHAttributeValue *value, BYTE *out);

/* Whether size bytes can be the wire form of a value of type. */
BOOL sohattr_wire_size_valid(UINT16 type, UINT16 size);

/*
 * A new SoHAttributeValue decoded from size wire bytes that
 * sohattr_wire_size_valid accepts; every buffer in it is its own block, so
 * FreeSoHAttributeValue(type, *value) releases it.  S_OK or E_OUTOFMEMORY
 * (and *value NULL).
 */
HRESULT sohattr_decode(UINT16 type, const BYTE *bytes, UINT16 size, SoHAttributeValue **value);

/*
 * Whether soh is a valid SoHRequest (isRequest) or SoHResponse: S_OK or
 * NAP_E_INVALID_PACKET.  The rules are listed in sohattr.c.
 */
HRESULT soh_validate(const SoH *soh, BOOL isRequest);

/* The System-Health-ID of an SoH that soh_validate accepted. */
SystemHealthEntityId soh_system_health_id(const SoH *soh);

/*
 * A deep copy of the count attributes: the SoH, its attribute array and each
 * non-empty value are separate blocks, so FreeSoH releases the copy.  An
 * empty value is copied as NULL.  S_OK or E_OUTOFMEMORY (and *copy NULL).
 */
HRESULT soh_copy(const SoHAttribute *attributes, UINT16 count, SoH **copy);

/* How many of the count attributes are of the given type. */
UINT16 soh_count_of_type(const SoHAttribute *attributes, UINT16 count, UINT16 type);

#endif /* NAPUTIL_SOHATTR_H */
