/*
 * sohattr.c - the SoH data model: one attribute value to and from its wire
 * bytes, the validity rules of a whole API SoH, and its deep copy.
 *
 * The SoHAttributeValue union does not say which member is in use; the
 * attribute type does.  value_kind() is the one place that maps a type to
 * its member, so that checking, encoding, decoding and validation cannot
 * disagree about a type.
 */
#include "config.h"

#include <string.h>

#include "sohattr.h"
#include "taskmem.h"

/* The union member, hence the wire layout, that an attribute type uses. */
enum value_kind {
    KIND_ID,
    KIND_IPV4,
    KIND_IPV6,
    KIND_CODES,
    KIND_FILETIME,
    KIND_VENDOR,
    KIND_UINT8,
    KIND_OCTETS
};

#define IPV4_SIZE ((UINT16)sizeof(Ipv4Address))
#define IPV6_SIZE ((UINT16)sizeof(Ipv6Address))
#define CODE_SIZE 4
#define FILETIME_SIZE 8

static enum value_kind value_kind(UINT32 type)
{
    switch (type) {
    case sohAttributeTypeSystemHealthId:
        return KIND_ID;
    case sohAttributeTypeIpv4FixupServers:
        return KIND_IPV4;
    case sohAttributeTypeIpv6FixupServers:
        return KIND_IPV6;
    case sohAttributeTypeComplianceResultCodes:
    case sohAttributeTypeErrorCodes:
        return KIND_CODES;
    case sohAttributeTypeTimeOfLastUpdate:
    case sohAttributeTypeSoHGenerationTime:
        return KIND_FILETIME;
    case sohAttributeTypeVendorSpecific:
        return KIND_VENDOR;
    case sohAttributeTypeHealthClass:
    case sohAttributeTypeFailureCategory:
    case sohAttributeTypeExtendedIsolationState:
        return KIND_UINT8;
    default:
        /* Client-Id, Software-Version, Product-Name, Health-Class-Status and unknown types. */
        return KIND_OCTETS;
    }
}

/* Big-endian integers, byte by byte, so the host's byte order never matters. */
static void put_be32(BYTE *out, UINT32 v)
{
    out[0] = (BYTE)(v >> 24);
    out[1] = (BYTE)(v >> 16);
    out[2] = (BYTE)(v >> 8);
    out[3] = (BYTE)v;
}

/* The high half first, as get_filetime reads it. */
static void put_filetime(BYTE *out, FILETIME time)
{
    put_be32(out, time.dwHighDateTime);
    put_be32(out + 4, time.dwLowDateTime);
}

/* A count of 1..limit elements, behind a non-NULL array. */
static HRESULT check_nonempty_array(UINT16 count, size_t limit, const void *elements)
{
    if (count == 0 || count > limit)
        return E_INVALIDARG;
    return elements == NULL ? E_POINTER : S_OK;
}

/* 0..limit elements; the array may be NULL only when there are none. */
static HRESULT check_array(UINT16 count, size_t limit, const void *elements)
{
    if (count > limit)
        return E_INVALIDARG;
    return count > 0 && elements == NULL ? E_POINTER : S_OK;
}

/* Types 0 and 1 are reserved, and the System-Health-ID is Initialize's alone. */
static BOOL appendable_type(UINT32 type)
{
    return type > sohAttributeTypeSystemHealthId && type <= SOH_MAX_ATTRIBUTE_TYPE;
}

HRESULT sohattr_check_value(UINT32 type, const SoHAttributeValue *value)
{
    if (value == NULL)
        return E_POINTER;
    if (!appendable_type(type))
        return E_INVALIDARG;
    switch (value_kind(type)) {
    case KIND_IPV4:
        return check_nonempty_array(value->v4AddressesVal.count, maxIpv4CountPerSoHAttribute,
                                    value->v4AddressesVal.addresses);
    case KIND_IPV6:
        return check_nonempty_array(value->v6AddressesVal.count, maxIpv6CountPerSoHAttribute,
                                    value->v6AddressesVal.addresses);
    case KIND_CODES:
        return check_array(value->codesVal.count, maxDwordCountPerSoHAttribute,
                           value->codesVal.results);
    case KIND_VENDOR:
        return check_array(value->vendorSpecificVal.size, maxSoHAttributeSize - VENDOR_ID_SIZE,
                           value->vendorSpecificVal.vendorSpecificData);
    case KIND_OCTETS:
        return check_array(value->octetStringVal.size, maxSoHAttributeSize,
                           value->octetStringVal.data);
    default:
        /* Fixed-size values: every bit pattern is acceptable. */
        return S_OK;
    }
}

UINT16 sohattr_encoded_size(UINT16 type, const SoHAttributeValue *value)
{
    switch (value_kind(type)) {
    case KIND_ID:
        return 4;
    case KIND_IPV4:
        return (UINT16)(value->v4AddressesVal.count * IPV4_SIZE);
    case KIND_IPV6:
        return (UINT16)(value->v6AddressesVal.count * IPV6_SIZE);
    case KIND_CODES:
        return (UINT16)(value->codesVal.count * CODE_SIZE);
    case KIND_FILETIME:
        return FILETIME_SIZE;
    case KIND_VENDOR:
        return (UINT16)(VENDOR_ID_SIZE + value->vendorSpecificVal.size);
    case KIND_UINT8:
        return 1;
    default:
        return value->octetStringVal.size;
    }
}

/* memcpy that accepts a NULL source when there is nothing to copy. */
static void copy_bytes(BYTE *out, const void *in, size_t size)
{
    if (size > 0)
        memcpy(out, in, size);
}

static void encode_codes(const ResultCodes *codes, BYTE *out)
{
    UINT16 i;

    /* The API holds result codes in host order; the wire in network order. */
    for (i = 0; i < codes->count; i++)
        put_be32(out + i * CODE_SIZE, (UINT32)codes->results[i]);
}

void sohattr_encode(UINT16 type, const SoHAttributeValue *value, BYTE *out)
{
    switch (value_kind(type)) {
    case KIND_ID:
        put_be32(out, value->idVal);
        break;
    case KIND_IPV4:
        /* Addresses are in network order already. */
        copy_bytes(out, value->v4AddressesVal.addresses,
                   (size_t)value->v4AddressesVal.count * IPV4_SIZE);
        break;
    case KIND_IPV6:
        copy_bytes(out, value->v6AddressesVal.addresses,
                   (size_t)value->v6AddressesVal.count * IPV6_SIZE);
        break;
    case KIND_CODES:
        encode_codes(&value->codesVal, out);
        break;
    case KIND_FILETIME:
        put_filetime(out, value->dateTimeVal);
        break;
    case KIND_VENDOR:
        put_be32(out, value->vendorSpecificVal.vendorId);
        copy_bytes(out + VENDOR_ID_SIZE, value->vendorSpecificVal.vendorSpecificData,
                   value->vendorSpecificVal.size);
        break;
    case KIND_UINT8:
        out[0] = value->uint8Val;
        break;
    case KIND_OCTETS:
        copy_bytes(out, value->octetStringVal.data, value->octetStringVal.size);
        break;
    }
}

BOOL sohattr_wire_size_valid(UINT16 type, UINT16 size)
{
    if (size > maxSoHAttributeSize)
        return FALSE;
    switch (value_kind(type)) {
    case KIND_ID:
        return size == 4;
    case KIND_IPV4:
        return size > 0 && size % IPV4_SIZE == 0;
    case KIND_IPV6:
        return size > 0 && size % IPV6_SIZE == 0;
    case KIND_CODES:
        return size % CODE_SIZE == 0;
    case KIND_FILETIME:
        return size == FILETIME_SIZE;
    case KIND_VENDOR:
        return size >= VENDOR_ID_SIZE;
    case KIND_UINT8:
        return size == 1;
    default:
        return TRUE;
    }
}

static HRESULT decode_codes(const BYTE *bytes, UINT16 size, ResultCodes *codes)
{
    UINT16 count = size / CODE_SIZE;
    UINT16 i;

    codes->results = NULL;
    if (count > 0) {
        codes->results = taskmem_alloc(count * sizeof(*codes->results));
        if (codes->results == NULL)
            return E_OUTOFMEMORY;
    }
    for (i = 0; i < count; i++)
        codes->results[i] = (HRESULT)get_be32(bytes + i * CODE_SIZE);
    codes->count = count;
    return S_OK;
}

/* Fills the member of value that type selects; only its buffer is allocated. */
static HRESULT decode_into(UINT16 type, const BYTE *bytes, UINT16 size, SoHAttributeValue *value)
{
    void *buffer;
    HRESULT hr = S_OK;

    switch (value_kind(type)) {
    case KIND_ID:
        value->idVal = get_be32(bytes);
        break;
    case KIND_IPV4:
        hr = taskmem_duplicate(bytes, size, &buffer);
        value->v4AddressesVal.addresses = buffer;
        value->v4AddressesVal.count = size / IPV4_SIZE;
        break;
    case KIND_IPV6:
        hr = taskmem_duplicate(bytes, size, &buffer);
        value->v6AddressesVal.addresses = buffer;
        value->v6AddressesVal.count = size / IPV6_SIZE;
        break;
    case KIND_CODES:
        hr = decode_codes(bytes, size, &value->codesVal);
        break;
    case KIND_FILETIME:
        value->dateTimeVal = get_filetime(bytes);
        break;
    case KIND_VENDOR:
        value->vendorSpecificVal.vendorId = get_be32(bytes);
        hr = taskmem_duplicate(bytes + VENDOR_ID_SIZE, size - VENDOR_ID_SIZE, &buffer);
        value->vendorSpecificVal.vendorSpecificData = buffer;
        value->vendorSpecificVal.size = (UINT16)(size - VENDOR_ID_SIZE);
        break;
    case KIND_UINT8:
        value->uint8Val = bytes[0];
        break;
    case KIND_OCTETS:
        hr = taskmem_duplicate(bytes, size, &buffer);
        value->octetStringVal.data = buffer;
        value->octetStringVal.size = size;
        break;
    }
    return hr;
}

HRESULT sohattr_decode(UINT16 type, const BYTE *bytes, UINT16 size, SoHAttributeValue **value)
{
    SoHAttributeValue *decoded = taskmem_zalloc(sizeof(*decoded));
    HRESULT hr;

    *value = NULL;
    if (decoded == NULL)
        return E_OUTOFMEMORY;
    hr = decode_into(type, bytes, size, decoded);
    if (FAILED(hr)) {
        /* Only the buffer could fail, so no member holds a block. */
        taskmem_free(decoded);
        return hr;
    }
    *value = decoded;
    return S_OK;
}

/*
 * One attribute at position index: a value buffer behind any non-zero size,
 * no M flag (the library understands no flagged type), the
 * System-Health-ID first and only there, and a size that fits its type.
 */
static BOOL attribute_valid(const SoHAttribute *attribute, UINT16 index)
{
    BOOL is_id = attribute->type == sohAttributeTypeSystemHealthId;

    if (attribute->size > 0 && attribute->value == NULL)
        return FALSE;
    if (attribute->type & SOH_ATTRIBUTE_MANDATORY_FLAG)
        return FALSE;
    if (is_id != (index == 0))
        return FALSE;
    return sohattr_wire_size_valid(attribute->type, attribute->size);
}

UINT16 soh_count_of_type(const SoHAttribute *attributes, UINT16 count, UINT16 type)
{
    UINT16 n = 0;
    UINT16 i;

    for (i = 0; i < count; i++)
        if (attributes[i].type == type)
            n++;
    return n;
}

/*
 * A response must say how the client fared: Compliance-Result-Codes, or a
 * Failure-Category when the validator could not tell.  It may name at most
 * one set of fixup servers of each address family.
 */
static BOOL response_valid(const SoH *soh)
{
    const SoHAttribute *a = soh->attributes;
    UINT16 n = soh->count;

    if (soh_count_of_type(a, n, sohAttributeTypeComplianceResultCodes) == 0 &&
        soh_count_of_type(a, n, sohAttributeTypeFailureCategory) == 0)
        return FALSE;
    return soh_count_of_type(a, n, sohAttributeTypeIpv4FixupServers) <= 1 &&
           soh_count_of_type(a, n, sohAttributeTypeIpv6FixupServers) <= 1;
}

HRESULT soh_validate(const SoH *soh, BOOL isRequest)
{
    UINT16 i;

    if (soh == NULL || soh->attributes == NULL)
        return NAP_E_INVALID_PACKET;
    if (soh->count == 0 || soh->count > maxSoHAttributeCount)
        return NAP_E_INVALID_PACKET;
    for (i = 0; i < soh->count; i++)
        if (!attribute_valid(&soh->attributes[i], i))
            return NAP_E_INVALID_PACKET;
    if (!isRequest && !response_valid(soh))
        return NAP_E_INVALID_PACKET;
    return S_OK;
}

SystemHealthEntityId soh_system_health_id(const SoH *soh)
{
    return get_be32(soh->attributes[0].value);
}

HRESULT soh_copy(const SoHAttribute *attributes, UINT16 count, SoH **copy)
{
    SoH *soh = taskmem_zalloc(sizeof(*soh));
    UINT16 i;

    *copy = NULL;
    if (soh == NULL)
        return E_OUTOFMEMORY;
    soh->attributes = taskmem_zalloc(count * sizeof(*soh->attributes));
    if (soh->attributes == NULL) {
        taskmem_free(soh);
        return E_OUTOFMEMORY;
    }
    /* count grows with each copied value, so FreeSoH undoes a partial copy. */
    for (i = 0; i < count; i++) {
        void *value;

        if (FAILED(taskmem_duplicate(attributes[i].value, attributes[i].size, &value))) {
            FreeSoH(soh);
            return E_OUTOFMEMORY;
        }
        soh->attributes[i].type = attributes[i].type;
        soh->attributes[i].size = attributes[i].size;
        soh->attributes[i].value = value;
        soh->count = i + 1;
    }
    *copy = soh;
    return S_OK;
}
