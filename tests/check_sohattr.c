/*
 * check_sohattr.c - tests of the SoH data model (lib/sohattr.c): the exact
 * wire bytes of every attribute type and their decoding, the limits of
 * every value (each limit and one past it), the wire sizes each type
 * allows, every validity rule of an API SoH, and the deep copy, with a
 * failure at every allocation.
 */
#include "config.h"

#include <string.h>

#include "sohattr.h"
#include "testutil.h"

/* Enough bytes for the largest value, and one more. */
#define BIG (maxSoHAttributeSize + 16)
static BYTE big_buffer[BIG];
static HRESULT big_codes[maxDwordCountPerSoHAttribute + 1];

/* One value and the wire bytes it must encode to. */
struct encoding {
    const char *name;
    UINT16 type;
    SoHAttributeValue value;
    UINT16 size;
    const BYTE *bytes;
};

static Ipv4Address two_v4[2] = {{{192, 0, 2, 1}}, {{198, 51, 100, 7}}};
static Ipv6Address one_v6[1] = {
    {{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01}}};
static HRESULT two_codes[2] = {(HRESULT)0x80270050, 1};
static BYTE healthy[2] = {0xAA, 0xAA};
static BYTE utf16_name[6] = {'N', 0, 'A', 0, 'P', 0};

static const BYTE id_bytes[] = {0x00, 0x01, 0x37, 0xF0};
static const BYTE v4_bytes[] = {192, 0, 2, 1, 198, 51, 100, 7};
static const BYTE v6_bytes[] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01};
static const BYTE codes_bytes[] = {0x80, 0x27, 0x00, 0x50, 0x00, 0x00, 0x00, 0x01};
/* A Windows Vista client's timestamp, from FreeRADIUS's doc/SoH.txt: 0x01CA78D858EE1EF0. */
static const BYTE time_bytes[] = {0x01, 0xCA, 0x78, 0xD8, 0x58, 0xEE, 0x1E, 0xF0};
static const BYTE vendor_bytes[] = {0x00, 0x01, 0x37, 0xF0, 0xAA, 0xAA};
static const BYTE vendor_empty_bytes[] = {0x00, 0x01, 0x37, 0x80};
static const BYTE two_bytes[] = {0x02};
static const BYTE ff_bytes[] = {0xFF};
static const BYTE name_bytes[] = {'N', 0, 'A', 0, 'P', 0};

static const struct encoding encodings[] = {
    {"System-Health-ID", sohAttributeTypeSystemHealthId, {.idVal = 0x000137F0}, 4, id_bytes},
    {"IPv4 fixup servers", sohAttributeTypeIpv4FixupServers,
     {.v4AddressesVal = {2, two_v4}}, 8, v4_bytes},
    {"IPv6 fixup servers", sohAttributeTypeIpv6FixupServers,
     {.v6AddressesVal = {1, one_v6}}, 16, v6_bytes},
    {"compliance result codes", sohAttributeTypeComplianceResultCodes,
     {.codesVal = {2, two_codes}}, 8, codes_bytes},
    {"no compliance result codes", sohAttributeTypeComplianceResultCodes,
     {.codesVal = {0, NULL}}, 0, NULL},
    {"error codes", sohAttributeTypeErrorCodes, {.codesVal = {2, two_codes}}, 8, codes_bytes},
    {"time of last update", sohAttributeTypeTimeOfLastUpdate,
     {.dateTimeVal = {0x58EE1EF0, 0x01CA78D8}}, 8, time_bytes},
    {"SoH generation time", sohAttributeTypeSoHGenerationTime,
     {.dateTimeVal = {0x58EE1EF0, 0x01CA78D8}}, 8, time_bytes},
    {"vendor-specific", sohAttributeTypeVendorSpecific,
     {.vendorSpecificVal = {0x000137F0, 2, healthy}}, 6, vendor_bytes},
    {"empty vendor-specific", sohAttributeTypeVendorSpecific,
     {.vendorSpecificVal = {0x00013780, 0, NULL}}, 4, vendor_empty_bytes},
    {"health class", sohAttributeTypeHealthClass, {.uint8Val = 2}, 1, two_bytes},
    {"failure category", sohAttributeTypeFailureCategory, {.uint8Val = 2}, 1, two_bytes},
    {"extended isolation state", sohAttributeTypeExtendedIsolationState, {.uint8Val = 0xFF}, 1,
     ff_bytes},
    {"client ID", sohAttributeTypeClientId, {.octetStringVal = {6, utf16_name}}, 6, name_bytes},
    {"software version", sohAttributeTypeSoftwareVersion, {.octetStringVal = {6, utf16_name}},
     6, name_bytes},
    {"product name", sohAttributeTypeProductName, {.octetStringVal = {6, utf16_name}}, 6,
     name_bytes},
    {"health class status", sohAttributeTypeHealthClassStatus,
     {.octetStringVal = {6, utf16_name}}, 6, name_bytes},
    {"empty product name", sohAttributeTypeProductName, {.octetStringVal = {0, NULL}}, 0, NULL},
    {"unknown type 17", 17, {.octetStringVal = {6, utf16_name}}, 6, name_bytes},
    {"unknown type 0x3FFF", 0x3FFF, {.octetStringVal = {6, utf16_name}}, 6, name_bytes},
};

START_TEST(encodes_exact_bytes)
{
    const struct encoding *e = &encodings[_i];
    BYTE out[32];

    memset(out, 0xEE, sizeof(out));
    ck_assert_uint_eq(sohattr_encoded_size(e->type, &e->value), e->size);
    sohattr_encode(e->type, &e->value, out);
    if (e->size > 0)
        ck_assert_mem_eq(out, e->bytes, e->size);
    /* Not one byte more. */
    ck_assert_uint_eq(out[e->size], 0xEE);
    ck_assert(soh_tlv_size_valid(soh_attribute_layout(e->type), e->size));
}
END_TEST

/* Whether two values of type are equal member by member, buffers included. */
static int same_value(UINT16 type, const SoHAttributeValue *a, const SoHAttributeValue *b)
{
    BYTE wire_a[32];
    BYTE wire_b[32];
    UINT16 size = sohattr_encoded_size(type, a);

    /* Equal wire forms of equal sizes mean equal values, for every type. */
    if (size != sohattr_encoded_size(type, b) || size > sizeof(wire_a))
        return 0;
    sohattr_encode(type, a, wire_a);
    sohattr_encode(type, b, wire_b);
    return memcmp(wire_a, wire_b, size) == 0;
}

START_TEST(decodes_to_the_same_value)
{
    const struct encoding *e = &encodings[_i];
    SoHAttributeValue *value = NULL;

    ck_assert_int_eq(sohattr_decode(e->type, e->bytes, e->size, &value), S_OK);
    ck_assert_ptr_nonnull(value);
    ck_assert(same_value(e->type, value, &e->value));
    FreeSoHAttributeValue((SoHAttributeType)e->type, value);
}
END_TEST

/* Host-order fields, checked directly rather than through the encoder. */
START_TEST(decoded_fields_are_in_host_order)
{
    SoHAttributeValue *value = NULL;

    ck_assert_int_eq(sohattr_decode(sohAttributeTypeSystemHealthId, id_bytes, 4, &value), S_OK);
    ck_assert_uint_eq(value->idVal, 0x000137F0);
    FreeSoHAttributeValue(sohAttributeTypeSystemHealthId, value);

    ck_assert_int_eq(sohattr_decode(sohAttributeTypeErrorCodes, codes_bytes, 8, &value), S_OK);
    ck_assert_uint_eq(value->codesVal.count, 2);
    ck_assert_uint_eq((UINT32)value->codesVal.results[0], 0x80270050);
    ck_assert_int_eq(value->codesVal.results[1], 1);
    FreeSoHAttributeValue(sohAttributeTypeErrorCodes, value);

    ck_assert_int_eq(sohattr_decode(sohAttributeTypeSoHGenerationTime, time_bytes, 8, &value),
                     S_OK);
    ck_assert_uint_eq(value->dateTimeVal.dwHighDateTime, 0x01CA78D8);
    ck_assert_uint_eq(value->dateTimeVal.dwLowDateTime, 0x58EE1EF0);
    FreeSoHAttributeValue(sohAttributeTypeSoHGenerationTime, value);

    ck_assert_int_eq(sohattr_decode(sohAttributeTypeVendorSpecific, vendor_bytes, 6, &value),
                     S_OK);
    ck_assert_uint_eq(value->vendorSpecificVal.vendorId, 0x000137F0);
    ck_assert_uint_eq(value->vendorSpecificVal.size, 2);
    ck_assert_mem_eq(value->vendorSpecificVal.vendorSpecificData, healthy, 2);
    FreeSoHAttributeValue(sohAttributeTypeVendorSpecific, value);

    ck_assert_int_eq(sohattr_decode(sohAttributeTypeIpv6FixupServers, v6_bytes, 16, &value),
                     S_OK);
    ck_assert_uint_eq(value->v6AddressesVal.count, 1);
    ck_assert_mem_eq(value->v6AddressesVal.addresses, v6_bytes, 16);
    FreeSoHAttributeValue(sohAttributeTypeIpv6FixupServers, value);
}
END_TEST

/* Empty values decode without a buffer. */
START_TEST(empty_values_have_no_buffer)
{
    SoHAttributeValue *value = NULL;

    ck_assert_int_eq(sohattr_decode(sohAttributeTypeComplianceResultCodes, NULL, 0, &value),
                     S_OK);
    ck_assert_uint_eq(value->codesVal.count, 0);
    ck_assert_ptr_null(value->codesVal.results);
    FreeSoHAttributeValue(sohAttributeTypeComplianceResultCodes, value);

    ck_assert_int_eq(sohattr_decode(sohAttributeTypeVendorSpecific, vendor_empty_bytes, 4,
                                    &value),
                     S_OK);
    ck_assert_uint_eq(value->vendorSpecificVal.size, 0);
    ck_assert_ptr_null(value->vendorSpecificVal.vendorSpecificData);
    FreeSoHAttributeValue(sohAttributeTypeVendorSpecific, value);

    ck_assert_int_eq(sohattr_decode(sohAttributeTypeClientId, NULL, 0, &value), S_OK);
    ck_assert_uint_eq(value->octetStringVal.size, 0);
    ck_assert_ptr_null(value->octetStringVal.data);
    FreeSoHAttributeValue(sohAttributeTypeClientId, value);
}
END_TEST

/* The decoding under test by the allocation-failure helper. */
static const struct encoding *decoding;

static HRESULT attempt_decode(void **out)
{
    return sohattr_decode(decoding->type, decoding->bytes, decoding->size,
                          (SoHAttributeValue **)out);
}

static void release_decoded(void *out)
{
    FreeSoHAttributeValue((SoHAttributeType)decoding->type, out);
}

/*
 * The value block, plus one buffer when the value has an array or string:
 * a non-empty wire form, beyond the vendor ID for a vendor-specific value.
 */
START_TEST(decode_fails_cleanly_at_every_allocation)
{
    const struct encoding *e = &encodings[_i];
    unsigned expected;

    switch (e->type) {
    case sohAttributeTypeSystemHealthId:
    case sohAttributeTypeTimeOfLastUpdate:
    case sohAttributeTypeSoHGenerationTime:
    case sohAttributeTypeHealthClass:
    case sohAttributeTypeFailureCategory:
    case sohAttributeTypeExtendedIsolationState:
        expected = 1;
        break;
    case sohAttributeTypeVendorSpecific:
        expected = e->size > 4 ? 2 : 1;
        break;
    default:
        expected = e->size > 0 ? 2 : 1;
        break;
    }
    decoding = e;
    ck_assert_uint_eq(exercise_allocation_failures(attempt_decode, release_decoded), expected);
}
END_TEST

/* One call of sohattr_check_value and the HRESULT it must give. */
struct limit {
    const char *name;
    UINT32 type;
    SoHAttributeValue value;
    HRESULT expected;
};

#define OCTETS(n, p) {.octetStringVal = {n, p}}
#define ADDRESSES4(n, p) {.v4AddressesVal = {n, (Ipv4Address *)(p)}}
#define ADDRESSES6(n, p) {.v6AddressesVal = {n, (Ipv6Address *)(p)}}
#define CODES(n, p) {.codesVal = {n, p}}
#define VENDOR(n, p) {.vendorSpecificVal = {0x137, n, p}}

static const struct limit limits[] = {
    {"type 0", 0, OCTETS(1, big_buffer), E_INVALIDARG},
    {"type 1", 1, OCTETS(1, big_buffer), E_INVALIDARG},
    {"the System-Health-ID", sohAttributeTypeSystemHealthId, {.idVal = 1}, E_INVALIDARG},
    {"the largest type", 0x3FFF, OCTETS(1, big_buffer), S_OK},
    {"one past the largest type (R set)", 0x4000, OCTETS(1, big_buffer), E_INVALIDARG},
    {"M set", 0x8006, OCTETS(1, big_buffer), E_INVALIDARG},
    {"a type past 16 bits", 0x10006, OCTETS(1, big_buffer), E_INVALIDARG},
    {"no IPv4 address", sohAttributeTypeIpv4FixupServers, ADDRESSES4(0, big_buffer),
     E_INVALIDARG},
    {"one IPv4 address", sohAttributeTypeIpv4FixupServers, ADDRESSES4(1, big_buffer), S_OK},
    {"1000 IPv4 addresses", sohAttributeTypeIpv4FixupServers, ADDRESSES4(1000, big_buffer),
     S_OK},
    {"1001 IPv4 addresses", sohAttributeTypeIpv4FixupServers, ADDRESSES4(1001, big_buffer),
     E_INVALIDARG},
    {"IPv4 addresses at NULL", sohAttributeTypeIpv4FixupServers, ADDRESSES4(1, NULL),
     E_POINTER},
    {"no IPv6 address", sohAttributeTypeIpv6FixupServers, ADDRESSES6(0, big_buffer),
     E_INVALIDARG},
    {"one IPv6 address", sohAttributeTypeIpv6FixupServers, ADDRESSES6(1, big_buffer), S_OK},
    {"250 IPv6 addresses", sohAttributeTypeIpv6FixupServers, ADDRESSES6(250, big_buffer), S_OK},
    {"251 IPv6 addresses", sohAttributeTypeIpv6FixupServers, ADDRESSES6(251, big_buffer),
     E_INVALIDARG},
    {"IPv6 addresses at NULL", sohAttributeTypeIpv6FixupServers, ADDRESSES6(1, NULL),
     E_POINTER},
    {"no result code", sohAttributeTypeComplianceResultCodes, CODES(0, NULL), S_OK},
    {"1000 result codes", sohAttributeTypeComplianceResultCodes, CODES(1000, big_codes), S_OK},
    {"1001 result codes", sohAttributeTypeComplianceResultCodes, CODES(1001, big_codes),
     E_INVALIDARG},
    {"result codes at NULL", sohAttributeTypeComplianceResultCodes, CODES(1, NULL), E_POINTER},
    {"1000 error codes", sohAttributeTypeErrorCodes, CODES(1000, big_codes), S_OK},
    {"1001 error codes", sohAttributeTypeErrorCodes, CODES(1001, big_codes), E_INVALIDARG},
    {"error codes at NULL", sohAttributeTypeErrorCodes, CODES(2, NULL), E_POINTER},
    {"empty vendor data", sohAttributeTypeVendorSpecific, VENDOR(0, NULL), S_OK},
    {"3996 bytes of vendor data", sohAttributeTypeVendorSpecific, VENDOR(3996, big_buffer),
     S_OK},
    {"3997 bytes of vendor data", sohAttributeTypeVendorSpecific, VENDOR(3997, big_buffer),
     E_INVALIDARG},
    {"vendor data at NULL", sohAttributeTypeVendorSpecific, VENDOR(1, NULL), E_POINTER},
    {"empty octet string", sohAttributeTypeClientId, OCTETS(0, NULL), S_OK},
    {"4000-byte octet string", sohAttributeTypeProductName, OCTETS(4000, big_buffer), S_OK},
    {"4001-byte octet string", sohAttributeTypeProductName, OCTETS(4001, big_buffer),
     E_INVALIDARG},
    {"octet string at NULL", sohAttributeTypeSoftwareVersion, OCTETS(1, NULL), E_POINTER},
    {"4001-byte unknown type", 300, OCTETS(4001, big_buffer), E_INVALIDARG},
    {"any FILETIME", sohAttributeTypeTimeOfLastUpdate, {.dateTimeVal = {~0u, ~0u}}, S_OK},
    {"any health class", sohAttributeTypeHealthClass, {.uint8Val = 0xFF}, S_OK},
};

START_TEST(value_limits)
{
    const struct limit *l = &limits[_i];

    ck_assert_msg(sohattr_check_value(l->type, &l->value) == l->expected,
                  "%s: got 0x%08X", l->name, (unsigned)sohattr_check_value(l->type, &l->value));
}
END_TEST

START_TEST(null_value_is_e_pointer)
{
    ck_assert_int_eq(sohattr_check_value(sohAttributeTypeClientId, NULL), E_POINTER);
}
END_TEST

/* One wire size of one type, valid or not. */
struct wire_size {
    UINT16 type;
    UINT16 size;
    BOOL valid;
};

static const struct wire_size wire_sizes[] = {
    {2, 4, TRUE}, {2, 3, FALSE}, {2, 5, FALSE},
    {3, 0, FALSE}, {3, 4, TRUE}, {3, 6, FALSE}, {3, 4000, TRUE}, {3, 4004, FALSE},
    {15, 0, FALSE}, {15, 16, TRUE}, {15, 8, FALSE}, {15, 4000, TRUE}, {15, 4016, FALSE},
    {4, 0, TRUE}, {4, 3, FALSE}, {4, 8, TRUE}, {4, 4000, TRUE}, {4, 4004, FALSE},
    {13, 0, TRUE}, {13, 5, FALSE}, {13, 4000, TRUE},
    {5, 8, TRUE}, {5, 7, FALSE}, {5, 9, FALSE}, {12, 8, TRUE}, {12, 0, FALSE},
    {7, 3, FALSE}, {7, 4, TRUE}, {7, 4000, TRUE}, {7, 4001, FALSE},
    {8, 1, TRUE}, {8, 0, FALSE}, {8, 2, FALSE}, {14, 1, TRUE}, {14, 2, FALSE},
    {16, 1, TRUE}, {16, 0, FALSE},
    {6, 0, TRUE}, {6, 4000, TRUE}, {6, 4001, FALSE}, {9, 3, TRUE}, {10, 1, TRUE}, {11, 4, TRUE},
    {0, 5, TRUE}, {1, 5, TRUE}, {17, 4000, TRUE}, {17, 4001, FALSE},
};

START_TEST(wire_size_rules)
{
    const struct wire_size *w = &wire_sizes[_i];

    ck_assert_msg(soh_tlv_size_valid(soh_attribute_layout(w->type), w->size) == w->valid,
                  "type %u with %u bytes should be %s", w->type, w->size,
                  w->valid ? "valid" : "invalid");
}
END_TEST

/* An SoH for soh_validate: attributes given as (type, size), values in big_buffer. */
struct shape {
    const char *name;
    BOOL isRequest;
    HRESULT expected;
    UINT16 count;
    UINT16 types_and_sizes[8][2];
};

#define REQUEST TRUE
#define RESPONSE FALSE
#define INVALID NAP_E_INVALID_PACKET

static const struct shape shapes[] = {
    {"request of the ID alone", REQUEST, S_OK, 1, {{2, 4}}},
    {"response of the ID alone", RESPONSE, INVALID, 1, {{2, 4}}},
    {"response with result codes", RESPONSE, S_OK, 2, {{2, 4}, {4, 4}}},
    {"response with error codes only", RESPONSE, INVALID, 2, {{2, 4}, {13, 4}}},
    {"response with a failure category", RESPONSE, S_OK, 2, {{2, 4}, {14, 1}}},
    {"request without result codes", REQUEST, S_OK, 2, {{2, 4}, {7, 6}}},
    {"first attribute not the ID", REQUEST, INVALID, 2, {{7, 6}, {2, 4}}},
    {"a second ID", REQUEST, INVALID, 3, {{2, 4}, {7, 6}, {2, 4}}},
    {"a 3-byte ID", REQUEST, INVALID, 1, {{2, 3}}},
    {"a 5-byte ID", REQUEST, INVALID, 1, {{2, 5}}},
    {"a 4000-byte attribute", REQUEST, S_OK, 2, {{2, 4}, {6, 4000}}},
    {"a 4001-byte attribute", REQUEST, INVALID, 2, {{2, 4}, {6, 4001}}},
    {"a 2-byte health class", REQUEST, INVALID, 2, {{2, 4}, {8, 2}}},
    {"an empty failure category", RESPONSE, INVALID, 3, {{2, 4}, {4, 0}, {14, 0}}},
    {"a 2-byte extended isolation state", REQUEST, INVALID, 2, {{2, 4}, {16, 2}}},
    {"a 7-byte FILETIME", REQUEST, INVALID, 2, {{2, 4}, {5, 7}}},
    {"a 9-byte FILETIME", REQUEST, INVALID, 2, {{2, 4}, {12, 9}}},
    {"result codes of 6 bytes", RESPONSE, INVALID, 2, {{2, 4}, {4, 6}}},
    {"an empty IPv4 list", REQUEST, INVALID, 2, {{2, 4}, {3, 0}}},
    {"an IPv6 list of 20 bytes", REQUEST, INVALID, 2, {{2, 4}, {15, 20}}},
    {"a 3-byte vendor-specific value", REQUEST, INVALID, 2, {{2, 4}, {7, 3}}},
    {"two IPv4 lists in a response", RESPONSE, INVALID, 4, {{2, 4}, {4, 4}, {3, 4}, {3, 8}}},
    {"two IPv4 lists in a request", REQUEST, S_OK, 3, {{2, 4}, {3, 4}, {3, 8}}},
    {"two IPv6 lists in a response", RESPONSE, INVALID, 4, {{2, 4}, {4, 4}, {15, 16}, {15, 16}}},
    {"one list of each family in a response", RESPONSE, S_OK, 4,
     {{2, 4}, {4, 4}, {3, 4}, {15, 16}}},
    {"unknown types 0, 1, 17 and 0x3FFF", REQUEST, S_OK, 5, {{2, 4}, {0, 3}, {1, 0}, {17, 9},
     {0x3FFF, 1}}},
    {"an unknown type with R set", REQUEST, S_OK, 2, {{2, 4}, {0x4011, 2}}},
    {"an unknown type with M set", REQUEST, INVALID, 2, {{2, 4}, {0x8011, 2}}},
    {"a known type with M set", REQUEST, INVALID, 2, {{2, 4}, {0x8007, 6}}},
};

static SoHAttribute shape_attributes[maxSoHAttributeCount + 1];

static SoH soh_of_shape(const struct shape *shape)
{
    SoH soh = {shape->count, shape_attributes};
    UINT16 i;

    for (i = 0; i < shape->count; i++) {
        shape_attributes[i].type = shape->types_and_sizes[i][0];
        shape_attributes[i].size = shape->types_and_sizes[i][1];
        shape_attributes[i].value = big_buffer;
    }
    return soh;
}

START_TEST(validity_rules)
{
    const struct shape *shape = &shapes[_i];
    SoH soh = soh_of_shape(shape);

    ck_assert_msg(soh_validate(&soh, shape->isRequest) == shape->expected, "%s", shape->name);
}
END_TEST

/* count ID-led attributes with empty Client-Id values after the ID. */
static SoH soh_of_count(UINT16 count)
{
    SoH soh = {count, shape_attributes};
    UINT16 i;

    shape_attributes[0].type = sohAttributeTypeSystemHealthId;
    shape_attributes[0].size = 4;
    shape_attributes[0].value = big_buffer;
    for (i = 1; i < count; i++) {
        shape_attributes[i].type = sohAttributeTypeClientId;
        shape_attributes[i].size = 0;
        shape_attributes[i].value = NULL;
    }
    return soh;
}

START_TEST(count_limits)
{
    SoH soh = soh_of_count(maxSoHAttributeCount);

    ck_assert_int_eq(soh_validate(&soh, TRUE), S_OK);
    soh = soh_of_count(maxSoHAttributeCount + 1);
    ck_assert_int_eq(soh_validate(&soh, TRUE), NAP_E_INVALID_PACKET);
    soh = soh_of_count(0);
    ck_assert_int_eq(soh_validate(&soh, TRUE), NAP_E_INVALID_PACKET);
}
END_TEST

START_TEST(missing_buffers)
{
    SoH soh = soh_of_count(2);

    ck_assert_int_eq(soh_validate(NULL, TRUE), NAP_E_INVALID_PACKET);
    /* An empty value may lack a buffer; a non-empty one may not. */
    ck_assert_int_eq(soh_validate(&soh, TRUE), S_OK);
    shape_attributes[1].size = 1;
    ck_assert_int_eq(soh_validate(&soh, TRUE), NAP_E_INVALID_PACKET);
    shape_attributes[0].value = NULL;
    shape_attributes[1].size = 0;
    ck_assert_int_eq(soh_validate(&soh, TRUE), NAP_E_INVALID_PACKET);
    soh = soh_of_count(2);
    soh.attributes = NULL;
    ck_assert_int_eq(soh_validate(&soh, TRUE), NAP_E_INVALID_PACKET);
}
END_TEST

START_TEST(system_health_id_is_read_big_endian)
{
    SoH soh = soh_of_count(1);

    memcpy(big_buffer, id_bytes, sizeof(id_bytes));
    ck_assert_uint_eq(soh_system_health_id(&soh), 0x000137F0);
}
END_TEST

/* The source of the copies under test: three values, one of them empty. */
static BYTE copy_id[4] = {0x00, 0x01, 0x37, 0xF0};
static BYTE copy_vendor[6] = {0x00, 0x01, 0x37, 0xF0, 0xBA, 0xAD};
static SoHAttribute copy_source[3] = {
    {sohAttributeTypeSystemHealthId, 4, copy_id},
    {sohAttributeTypeProductName, 0, NULL},
    {sohAttributeTypeVendorSpecific, 6, copy_vendor},
};

START_TEST(copy_is_deep)
{
    SoH *copy = NULL;
    UINT16 i;

    ck_assert_int_eq(soh_copy(copy_source, 3, &copy), S_OK);
    ck_assert_uint_eq(copy->count, 3);
    ck_assert_ptr_ne(copy->attributes, copy_source);
    for (i = 0; i < 3; i++) {
        ck_assert_uint_eq(copy->attributes[i].type, copy_source[i].type);
        ck_assert_uint_eq(copy->attributes[i].size, copy_source[i].size);
        if (copy_source[i].size > 0) {
            ck_assert_ptr_ne(copy->attributes[i].value, copy_source[i].value);
            ck_assert_mem_eq(copy->attributes[i].value, copy_source[i].value,
                             copy_source[i].size);
        }
    }
    ck_assert_ptr_null(copy->attributes[1].value);
    FreeSoH(copy);
}
END_TEST

static HRESULT attempt_copy(void **out)
{
    return soh_copy(copy_source, 3, (SoH **)out);
}

static void release_copy(void *out)
{
    FreeSoH(out);
}

/* The SoH, its array, and the two non-empty values. */
START_TEST(copy_fails_cleanly_at_every_allocation)
{
    ck_assert_uint_eq(exercise_allocation_failures(attempt_copy, release_copy), 4);
}
END_TEST

static Suite *sohattr_suite(void)
{
    Suite *suite = suite_create("sohattr");
    TCase *codec = add_test_case(suite, "codec");
    TCase *checks = add_test_case(suite, "checks");
    TCase *validity = add_test_case(suite, "validity");
    TCase *copy = add_test_case(suite, "copy");

    tcase_add_loop_test(codec, encodes_exact_bytes, 0, COUNT_OF(encodings));
    tcase_add_loop_test(codec, decodes_to_the_same_value, 0, COUNT_OF(encodings));
    tcase_add_test(codec, decoded_fields_are_in_host_order);
    tcase_add_test(codec, empty_values_have_no_buffer);
    tcase_add_loop_test(codec, decode_fails_cleanly_at_every_allocation, 0,
                        COUNT_OF(encodings));

    tcase_add_loop_test(checks, value_limits, 0, COUNT_OF(limits));
    tcase_add_test(checks, null_value_is_e_pointer);
    tcase_add_loop_test(checks, wire_size_rules, 0, COUNT_OF(wire_sizes));

    tcase_add_loop_test(validity, validity_rules, 0, COUNT_OF(shapes));
    tcase_add_test(validity, count_limits);
    tcase_add_test(validity, missing_buffers);
    tcase_add_test(validity, system_health_id_is_read_big_endian);

    tcase_add_test(copy, copy_is_deep);
    tcase_add_test(copy, copy_fails_cleanly_at_every_allocation);
    return suite;
}

int main(void)
{
    return run_suite(sohattr_suite());
}
