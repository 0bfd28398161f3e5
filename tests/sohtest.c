/* sohtest.c - helpers shared by the tests of the SoH classes. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "sohtest.h"

INapSoHConstructor *new_constructor(void)
{
    INapSoHConstructor *constructor = NULL;

    if (FAILED(CreateNapSoHConstructor(&constructor)) || constructor == NULL)
        ck_abort_msg("CreateNapSoHConstructor failed");
    return constructor;
}

INapSoHProcessor *new_processor(void)
{
    INapSoHProcessor *processor = NULL;

    if (FAILED(CreateNapSoHProcessor(&processor)) || processor == NULL)
        ck_abort_msg("CreateNapSoHProcessor failed");
    return processor;
}

INapSoHConstructor *initialized_constructor(SystemHealthEntityId id, BOOL isRequest)
{
    INapSoHConstructor *constructor = new_constructor();

    if (FAILED(constructor->lpVtbl->Initialize(constructor, id, isRequest)))
        ck_abort_msg("INapSoHConstructor::Initialize failed");
    return constructor;
}

/* Two buffers of size bytes; either may be NULL when size is 0. */
static int same_bytes(const void *a, const void *b, size_t size)
{
    if (size == 0)
        return 1;
    return a != NULL && b != NULL && memcmp(a, b, size) == 0;
}

int same_soh(const SoH *a, const SoH *b)
{
    UINT16 i;

    if (a->count != b->count)
        return 0;
    for (i = 0; i < a->count; i++) {
        const SoHAttribute *x = &a->attributes[i];
        const SoHAttribute *y = &b->attributes[i];

        if (x->type != y->type || x->size != y->size || !same_bytes(x->value, y->value, x->size))
            return 0;
    }
    return 1;
}

int same_value(UINT32 type, const SoHAttributeValue *a, const SoHAttributeValue *b)
{
    switch (type) {
    case sohAttributeTypeSystemHealthId:
        return a->idVal == b->idVal;
    case sohAttributeTypeIpv4FixupServers:
        return a->v4AddressesVal.count == b->v4AddressesVal.count &&
               same_bytes(a->v4AddressesVal.addresses, b->v4AddressesVal.addresses,
                          a->v4AddressesVal.count * sizeof(Ipv4Address));
    case sohAttributeTypeIpv6FixupServers:
        return a->v6AddressesVal.count == b->v6AddressesVal.count &&
               same_bytes(a->v6AddressesVal.addresses, b->v6AddressesVal.addresses,
                          a->v6AddressesVal.count * sizeof(Ipv6Address));
    case sohAttributeTypeComplianceResultCodes:
    case sohAttributeTypeErrorCodes:
        return a->codesVal.count == b->codesVal.count &&
               same_bytes(a->codesVal.results, b->codesVal.results,
                          a->codesVal.count * sizeof(HRESULT));
    case sohAttributeTypeTimeOfLastUpdate:
    case sohAttributeTypeSoHGenerationTime:
        return a->dateTimeVal.dwLowDateTime == b->dateTimeVal.dwLowDateTime &&
               a->dateTimeVal.dwHighDateTime == b->dateTimeVal.dwHighDateTime;
    case sohAttributeTypeVendorSpecific:
        return a->vendorSpecificVal.vendorId == b->vendorSpecificVal.vendorId &&
               a->vendorSpecificVal.size == b->vendorSpecificVal.size &&
               same_bytes(a->vendorSpecificVal.vendorSpecificData,
                          b->vendorSpecificVal.vendorSpecificData, a->vendorSpecificVal.size);
    case sohAttributeTypeHealthClass:
    case sohAttributeTypeFailureCategory:
    case sohAttributeTypeExtendedIsolationState:
        return a->uint8Val == b->uint8Val;
    default:
        return a->octetStringVal.size == b->octetStringVal.size &&
               same_bytes(a->octetStringVal.data, b->octetStringVal.data,
                          a->octetStringVal.size);
    }
}

size_t soh_tlv_bytes(const SoH *soh, unsigned char *out, size_t capacity)
{
    size_t used = 0;
    UINT16 i;

    for (i = 0; i < soh->count; i++) {
        const SoHAttribute *attribute = &soh->attributes[i];

        if (capacity - used < 4u + attribute->size)
            return 0;
        out[used++] = (unsigned char)(attribute->type >> 8);
        out[used++] = (unsigned char)attribute->type;
        out[used++] = (unsigned char)(attribute->size >> 8);
        out[used++] = (unsigned char)attribute->size;
        if (attribute->size > 0)
            memcpy(out + used, attribute->value, attribute->size);
        used += attribute->size;
    }
    return used;
}
