/* sohtest.c - helpers shared by the tests of the SoH classes. */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <string.h>

#include "sohtest.h"
#include "testutil.h"

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

/* ---- values generated from the table ---- */

UINT16 generated_type(unsigned index)
{
    /* 300 and the largest type stay without a row however the table grows. */
    static const UINT16 without_row[] = {SOH_ATTRIBUTE_TYPE_ROWS, 300, SOH_MAX_ATTRIBUTE_TYPE};
    unsigned with_row = SOH_ATTRIBUTE_TYPE_ROWS - sohAttributeTypeSystemHealthId - 1;

    if (index < with_row)
        return (UINT16)(sohAttributeTypeSystemHealthId + 1 + index);
    ck_assert_uint_lt(index - with_row, COUNT_OF(without_row));
    return without_row[index - with_row];
}

unsigned random_count(unsigned min, unsigned max)
{
    switch (test_random_below(8)) {
    case 0:
        return min;
    case 1:
        return max;
    case 2:
        return min + test_random_below(max - min + 1);
    default:
        return min + test_random_below(max - min < 40 ? max - min + 1 : 41);
    }
}

/* Eight bytes from each number of the sequence: values of 4000 bytes are common. */
void random_fill(void *out, size_t size)
{
    BYTE *bytes = out;
    uint64_t bits = 0;
    size_t i;

    for (i = 0; i < size; i++) {
        if (i % 8 == 0)
            bits = test_random();
        bytes[i] = (BYTE)bits;
        bits >>= 8;
    }
}

size_t field_member_size(enum soh_field_kind kind)
{
    switch (kind) {
    case SOH_FIELD_UINT8:
        return sizeof(BYTE);
    case SOH_FIELD_BE16:
        return sizeof(UINT16);
    case SOH_FIELD_BE32:
        return sizeof(UINT32);
    case SOH_FIELD_FILETIME:
        return sizeof(FILETIME);
    case SOH_FIELD_CORRELATION_ID:
        return sizeof(CorrelationId);
    }
    ck_abort_msg("no field kind %d", (int)kind);
    return 0;
}

long most_elements_within(const struct soh_layout *layout, size_t room)
{
    size_t fixed = layout->fixed_size + (layout->length_prefixed ? 2u : 0u);
    size_t most;

    if (room < fixed)
        return -1;
    if (layout->element_kind == SOH_ELEMENTS_NONE)
        return 0;
    most = (room - fixed) / layout->element_size;
    return (long)(most < layout->max_count ? most : layout->max_count);
}

/*
 * The members are reached by offset through memcpy, never through a cast
 * pointer, so that a row with a wrong offset makes a test fail rather than
 * fault on an alignment-strict machine.
 */
void set_element_count(const struct soh_layout *layout, void *value, UINT16 count)
{
    memcpy((BYTE *)value + layout->count_offset, &count, sizeof(count));
}

void set_element_buffer(const struct soh_layout *layout, void *value, void *buffer)
{
    memcpy((BYTE *)value + layout->buffer_offset, &buffer, sizeof(buffer));
}

static UINT16 element_count_of(const struct soh_layout *layout, const void *value)
{
    UINT16 count;

    memcpy(&count, (const BYTE *)value + layout->count_offset, sizeof(count));
    return count;
}

static const void *element_buffer_of(const struct soh_layout *layout, const void *value)
{
    const void *buffer;

    memcpy(&buffer, (const BYTE *)value + layout->buffer_offset, sizeof(buffer));
    return buffer;
}

void random_layout_value(const struct soh_layout *layout, void *value, size_t value_size,
                         UINT16 count, void *storage)
{
    random_fill(value, value_size);
    if (layout->element_kind == SOH_ELEMENTS_NONE)
        return;
    /* Random bytes make random 32-bit integers as well, in either byte order. */
    random_fill(storage, (size_t)count * layout->element_size);
    set_element_count(layout, value, count);
    set_element_buffer(layout, value, count > 0 || test_random_below(2) == 0 ? storage : NULL);
}

/* The members of one field of a and b; padding inside them is not compared. */
static int same_field(const struct soh_field *field, const void *a, const void *b)
{
    const BYTE *x = (const BYTE *)a + field->offset;
    const BYTE *y = (const BYTE *)b + field->offset;

    switch ((enum soh_field_kind)field->kind) {
    case SOH_FIELD_UINT8:
        return *x == *y;
    case SOH_FIELD_BE16: {
        UINT16 u, v;

        memcpy(&u, x, sizeof(u));
        memcpy(&v, y, sizeof(v));
        return u == v;
    }
    case SOH_FIELD_BE32: {
        UINT32 u, v;

        memcpy(&u, x, sizeof(u));
        memcpy(&v, y, sizeof(v));
        return u == v;
    }
    case SOH_FIELD_FILETIME: {
        FILETIME u, v;

        memcpy(&u, x, sizeof(u));
        memcpy(&v, y, sizeof(v));
        return u.dwLowDateTime == v.dwLowDateTime && u.dwHighDateTime == v.dwHighDateTime;
    }
    case SOH_FIELD_CORRELATION_ID: {
        CorrelationId u, v;

        memcpy(&u, x, sizeof(u));
        memcpy(&v, y, sizeof(v));
        return u.connId.Data1 == v.connId.Data1 && u.connId.Data2 == v.connId.Data2 &&
               u.connId.Data3 == v.connId.Data3 &&
               memcmp(u.connId.Data4, v.connId.Data4, sizeof(u.connId.Data4)) == 0 &&
               u.timeStamp.dwLowDateTime == v.timeStamp.dwLowDateTime &&
               u.timeStamp.dwHighDateTime == v.timeStamp.dwHighDateTime;
    }
    }
    return 0;
}

int same_layout_value(const struct soh_layout *layout, const void *a, const void *b)
{
    UINT16 count;
    unsigned i;

    for (i = 0; i < layout->field_count; i++)
        if (!same_field(&layout->fields[i], a, b))
            return 0;
    if (layout->element_kind == SOH_ELEMENTS_NONE)
        return 1;
    count = element_count_of(layout, a);
    if (count != element_count_of(layout, b))
        return 0;
    return same_bytes(element_buffer_of(layout, a), element_buffer_of(layout, b),
                      (size_t)count * layout->element_size);
}
