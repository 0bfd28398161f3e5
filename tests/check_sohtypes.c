/*
 * check_sohtypes.c - tests of the table of SoH attribute types and
 * Microsoft type-values (lib/sohtypes.c): each row agrees with itself and
 * with the C structure that holds its values, the rows are dense and
 * their names unique, and a round trip walks the table.  For every row,
 * values generated from the row alone (seeded, so the same on every run)
 * are written and read back - attribute types through soh_write and
 * soh_read and the SoH classes' codec, type-values through the message
 * codec - with each field's wire bytes checked against its kind, and
 * counts outside the row's range are refused.  A new row is tested by
 * construction; what it needs besides is its hand-written vectors in
 * check_sohattr.c or check_sohmessage.c, which catch a row that is
 * consistent but wrong.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "naputil.h"
#include "sohattr.h"
#include "sohtest.h"
#include "sohtypes.h"
#include "testutil.h"

#define SEED 0x54595045u
#define VALUES_PER_ROW 256
#define MESSAGES_PER_ROW 128
#define MAX_VALUES_PER_MESSAGE 4

/*
 * Where the first type-value of a format-1 message starts: the 12-byte
 * header, the SSoH's System-Health-ID TLV (8 bytes), then the Microsoft
 * TLV's header and vendor ID (8 bytes).
 */
#define TYPE_VALUES_START 28

/*
 * Room for the elements of any value, with some to spare: a count one past
 * what fits is set in a value whose buffer holds only what fits, and a
 * codec that read the elements before refusing it would read the spare.
 */
#define ELEMENT_ROOM \
    (maxNetworkSoHSize > maxSoHAttributeSize ? maxNetworkSoHSize : maxSoHAttributeSize)
#define SPARE 32

union element_storage {
    UINT32 words[(ELEMENT_ROOM + SPARE) / 4];
    BYTE bytes[ELEMENT_ROOM + SPARE];
};

static union element_storage elements[MAX_VALUES_PER_MESSAGE];
static union element_storage read_storage;

/* A value's wire form, and bytes past it that soh_write must leave alone. */
#define GUARD 16
#define GUARD_BYTE 0xA5
static BYTE wire[maxSoHAttributeSize + GUARD];
static BYTE wire_again[maxSoHAttributeSize + GUARD];

/* ---- what the tests know of the kinds, independently of the library ---- */

/* The wire size of a field of kind, from IF-TNCCS-SOH. */
static size_t kind_wire_size(unsigned kind)
{
    static const size_t sizes[] = {[SOH_FIELD_UINT8] = 1, [SOH_FIELD_BE16] = 2,
                                   [SOH_FIELD_BE32] = 4, [SOH_FIELD_FILETIME] = 8,
                                   [SOH_FIELD_CORRELATION_ID] = 24};

    ck_assert_uint_lt(kind, COUNT_OF(sizes));
    return sizes[kind];
}

/* The alignment of the C member that holds a field of kind. */
static size_t kind_alignment(unsigned kind)
{
    switch (kind) {
    case SOH_FIELD_UINT8:
        return _Alignof(BYTE);
    case SOH_FIELD_BE16:
        return _Alignof(UINT16);
    case SOH_FIELD_BE32:
        return _Alignof(UINT32);
    case SOH_FIELD_FILETIME:
        return _Alignof(FILETIME);
    default:
        return _Alignof(CorrelationId);
    }
}

/* The wire size of a row's fields, added up here rather than taken from fixed_size. */
static size_t fields_wire_size(const struct soh_layout *layout)
{
    size_t size = 0;
    unsigned i;

    for (i = 0; i < layout->field_count; i++)
        size += kind_wire_size(layout->fields[i].kind);
    return size;
}

/* The wire size of a value of layout with count elements. */
static size_t expected_wire_size(const struct soh_layout *layout, UINT16 count)
{
    return fields_wire_size(layout) + (layout->length_prefixed ? 2u : 0u) +
           (size_t)count * layout->element_size;
}

static const char *row_name(const struct soh_layout *layout)
{
    return layout->name != NULL ? layout->name : "(no name)";
}

static UINT16 be16_at(const BYTE *p)
{
    return (UINT16)(p[0] << 8 | p[1]);
}

static UINT32 be32_at(const BYTE *p)
{
    return (UINT32)p[0] << 24 | (UINT32)p[1] << 16 | (UINT32)p[2] << 8 | p[3];
}

/* ---- the rows ---- */

static int row_is_empty(const struct soh_layout *layout)
{
    return layout->name == NULL && layout->field_count == 0 && layout->fixed_size == 0 &&
           layout->element_kind == SOH_ELEMENTS_NONE && layout->element_size == 0 &&
           layout->elements_name == NULL && layout->min_count == 0 && layout->max_count == 0;
}

/* Types 0 and 1 have no row, every type from the System-Health-ID on has one. */
START_TEST(attribute_rows_are_dense)
{
    static const UINT16 without_row[] = {SOH_ATTRIBUTE_TYPE_ROWS, SOH_ATTRIBUTE_TYPE_ROWS + 1,
                                         300, SOH_MAX_ATTRIBUTE_TYPE, 0x4000, 0xFFFF};
    UINT16 type;
    int i;

    for (type = 0; type < SOH_ATTRIBUTE_TYPE_ROWS; type++) {
        const struct soh_layout *row = &soh_attribute_types[type];

        if (type < sohAttributeTypeSystemHealthId) {
            ck_assert_msg(row_is_empty(row), "reserved attribute type %u has a row",
                          (unsigned)type);
            ck_assert(!soh_attribute_type_known(type));
            ck_assert_ptr_eq(soh_attribute_layout(type), &soh_unknown_attribute_type);
        } else {
            ck_assert_msg(row->name != NULL, "attribute type %u has no row", (unsigned)type);
            ck_assert(soh_attribute_type_known(type));
            ck_assert_ptr_eq(soh_attribute_layout(type), row);
        }
    }
    for (i = 0; i < COUNT_OF(without_row); i++) {
        ck_assert(!soh_attribute_type_known(without_row[i]));
        ck_assert_ptr_eq(soh_attribute_layout(without_row[i]), &soh_unknown_attribute_type);
    }
}
END_TEST

/*
 * napprotocol.h promises that any type without a member of its own is an
 * octet string in octetStringVal, of any size a TLV holds.
 */
START_TEST(unknown_types_are_octet_strings)
{
    const struct soh_layout *row = &soh_unknown_attribute_type;

    ck_assert_ptr_nonnull(row->name);
    ck_assert_uint_eq(row->field_count, 0);
    ck_assert_uint_eq(row->fixed_size, 0);
    ck_assert_uint_eq(row->element_kind, SOH_ELEMENTS_RAW);
    ck_assert_uint_eq(row->element_size, 1);
    ck_assert_uint_eq(row->length_prefixed, 0);
    ck_assert_uint_eq(row->count_offset, offsetof(SoHAttributeValue, octetStringVal.size));
    ck_assert_uint_eq(row->buffer_offset, offsetof(SoHAttributeValue, octetStringVal.data));
    ck_assert_uint_eq(row->min_count, 0);
    ck_assert_uint_eq(row->max_count, maxSoHAttributeSize);
}
END_TEST

/* Type-value 0 has no row, every one after it has; past the rows, none can be read. */
START_TEST(type_value_rows_are_dense)
{
    static const unsigned without_row[] = {0, SOH_TYPE_VALUE_ROWS, SOH_TYPE_VALUE_ROWS + 1, 0xFF,
                                           0x100, 0xFFFFFFFFu};
    unsigned type;
    int i;

    ck_assert(row_is_empty(&soh_type_values[0]));
    for (type = 1; type < SOH_TYPE_VALUE_ROWS; type++) {
        ck_assert_msg(soh_type_values[type].name != NULL, "type-value %u has no row", type);
        ck_assert_ptr_eq(soh_type_value_layout(type), &soh_type_values[type]);
    }
    for (i = 0; i < COUNT_OF(without_row); i++)
        ck_assert_ptr_null(soh_type_value_layout(without_row[i]));
}
END_TEST

/* napsoh and the decoder's reasons name the types by these: no two alike. */
START_TEST(names_are_unique)
{
    const char *names[SOH_ATTRIBUTE_TYPE_ROWS + SOH_TYPE_VALUE_ROWS + 1];
    int count = 0;
    int i, j;

    for (i = sohAttributeTypeSystemHealthId; i < SOH_ATTRIBUTE_TYPE_ROWS; i++)
        names[count++] = soh_attribute_types[i].name;
    names[count++] = soh_unknown_attribute_type.name;
    for (i = 1; i < SOH_TYPE_VALUE_ROWS; i++)
        names[count++] = soh_type_values[i].name;
    for (i = 0; i < count; i++) {
        ck_assert_ptr_nonnull(names[i]);
        for (j = 0; j < i; j++)
            ck_assert_msg(strcmp(names[i], names[j]) != 0, "two rows named %s", names[i]);
    }
}
END_TEST

/* Whether [start, start + size) and [other, other + other_size) overlap. */
static int overlap(size_t start, size_t size, size_t other, size_t other_size)
{
    return start < other + other_size && other < start + size;
}

/*
 * A row agrees with itself and with the C structure of struct_size bytes
 * that holds its values, whose value members start at value_start (after
 * a type-value's type).
 */
static void check_row(const struct soh_layout *layout, size_t struct_size, size_t value_start)
{
    const char *name = row_name(layout);
    /* Every member the row names: its fields, then the count and the buffer. */
    size_t starts[SOH_MAX_FIELDS + 2];
    size_t sizes[SOH_MAX_FIELDS + 2];
    const char *names[SOH_MAX_FIELDS + 1];
    unsigned members = 0;
    unsigned named = 0;
    size_t fixed = 0;
    unsigned i, j;

    ck_assert_ptr_nonnull(layout->name);
    ck_assert_uint_le(layout->field_count, SOH_MAX_FIELDS);
    for (i = 0; i < layout->field_count; i++) {
        const struct soh_field *field = &layout->fields[i];
        size_t member_size;

        ck_assert_msg(field->name != NULL, "%s: field %u has no name", name, i);
        ck_assert_msg(field->kind <= SOH_FIELD_CORRELATION_ID, "%s.%s: kind %u", name,
                      field->name, (unsigned)field->kind);
        ck_assert_uint_eq(soh_field_size((enum soh_field_kind)field->kind),
                          kind_wire_size(field->kind));
        fixed += soh_field_size((enum soh_field_kind)field->kind);
        member_size = field_member_size((enum soh_field_kind)field->kind);
        starts[members] = field->offset;
        sizes[members++] = member_size;
        names[named++] = field->name;
        ck_assert_msg(field->offset >= value_start && field->offset + member_size <= struct_size,
                      "%s.%s at %u (%zu bytes) is outside the structure's %zu..%zu", name,
                      field->name, (unsigned)field->offset, member_size, value_start,
                      struct_size);
        ck_assert_msg(field->offset % kind_alignment(field->kind) == 0,
                      "%s.%s at %u is not aligned for its member", name, field->name,
                      (unsigned)field->offset);
    }
    /* The slots after field_count are empty: a miscounted row shows there. */
    for (; i < SOH_MAX_FIELDS; i++)
        ck_assert_msg(layout->fields[i].name == NULL && layout->fields[i].kind == 0 &&
                          layout->fields[i].offset == 0,
                      "%s: field slot %u is used but not counted", name, i);
    ck_assert_msg(layout->fixed_size == fixed, "%s: fixed_size %u, its fields take %zu", name,
                  (unsigned)layout->fixed_size, fixed);

    ck_assert_uint_le(layout->element_kind, SOH_ELEMENTS_BE32);
    ck_assert_uint_le(layout->length_prefixed, 1);
    if (layout->element_kind == SOH_ELEMENTS_NONE) {
        ck_assert_msg(layout->element_size == 0 && layout->length_prefixed == 0 &&
                          layout->count_offset == 0 && layout->buffer_offset == 0 &&
                          layout->elements_name == NULL && layout->min_count == 0 &&
                          layout->max_count == 0,
                      "%s has no elements, yet describes some", name);
    } else {
        ck_assert_msg(layout->element_size == 1 || layout->element_size == 4 ||
                          layout->element_size == 16,
                      "%s: element size %u", name, (unsigned)layout->element_size);
        if (layout->element_kind == SOH_ELEMENTS_BE32)
            ck_assert_uint_eq(layout->element_size, sizeof(UINT32));
        ck_assert_ptr_nonnull(layout->elements_name);
        names[named++] = layout->elements_name;
        ck_assert_uint_le(layout->min_count, layout->max_count);
        starts[members] = layout->count_offset;
        sizes[members++] = sizeof(UINT16);
        starts[members] = layout->buffer_offset;
        sizes[members++] = sizeof(void *);
        ck_assert_msg(layout->count_offset >= value_start &&
                          layout->count_offset + sizeof(UINT16) <= struct_size &&
                          layout->count_offset % _Alignof(UINT16) == 0,
                      "%s: count at %u", name, (unsigned)layout->count_offset);
        ck_assert_msg(layout->buffer_offset >= value_start &&
                          layout->buffer_offset + sizeof(void *) <= struct_size &&
                          layout->buffer_offset % _Alignof(void *) == 0,
                      "%s: buffer at %u", name, (unsigned)layout->buffer_offset);
    }
    /* No two members the row names share a byte, nor two of its names a spelling. */
    for (i = 0; i < members; i++)
        for (j = 0; j < i; j++)
            ck_assert_msg(!overlap(starts[i], sizes[i], starts[j], sizes[j]),
                          "%s: members %u and %u overlap", name, j, i);
    for (i = 0; i < named; i++)
        for (j = 0; j < i; j++)
            ck_assert_msg(strcmp(names[i], names[j]) != 0, "%s: two members named %s", name,
                          names[i]);
}

/* Row _i, or the row of the types without one of their own for _i == SOH_ATTRIBUTE_TYPE_ROWS. */
START_TEST(attribute_row_is_consistent)
{
    const struct soh_layout *layout =
        _i < SOH_ATTRIBUTE_TYPE_ROWS ? &soh_attribute_types[_i] : &soh_unknown_attribute_type;

    check_row(layout, sizeof(SoHAttributeValue), 0);
    /* A TLV value fills its TLV: its elements carry no length of their own. */
    ck_assert_msg(!layout->length_prefixed, "%s is length-prefixed", row_name(layout));
    /*
     * The most elements are as many as fit a TLV: every count the row allows
     * makes a TLV that fits, so that what the constructor accepts, the
     * processor and the decoder accept in turn; and no fewer, as the SDK's
     * limits (maxIpv4CountPerSoHAttribute and the rest) are each what fits
     * maxSoHAttributeSize.
     */
    if (layout->element_kind != SOH_ELEMENTS_NONE)
        ck_assert_msg(layout->max_count ==
                          (maxSoHAttributeSize - fields_wire_size(layout)) / layout->element_size,
                      "%s: at most %u elements, but %zu fit a TLV", row_name(layout),
                      (unsigned)layout->max_count,
                      (maxSoHAttributeSize - fields_wire_size(layout)) / layout->element_size);
    else
        ck_assert_uint_le(fields_wire_size(layout), maxSoHAttributeSize);
    ck_assert_uint_eq(soh_attribute_type_known((UINT16)_i), _i < SOH_ATTRIBUTE_TYPE_ROWS);
}
END_TEST

START_TEST(type_value_row_is_consistent)
{
    const struct soh_layout *layout = &soh_type_values[_i];

    check_row(layout, sizeof(NapSoHMessageSystemAttribute),
              offsetof(NapSoHMessageSystemAttribute, value));
    /* Type-values carry no length, so their elements can only be found by one of their own. */
    if (layout->element_kind != SOH_ELEMENTS_NONE) {
        ck_assert_msg(layout->length_prefixed, "%s: elements without a length",
                      row_name(layout));
        /* The length counts bytes in 16 bits: no more elements than it can say. */
        ck_assert_msg((size_t)layout->max_count * layout->element_size <= 0xFFFF,
                      "%s: %u elements do not fit a 16-bit length", row_name(layout),
                      (unsigned)layout->max_count);
    }
}
END_TEST

/* ---- the wire form, checked kind by kind ---- */

/* The wire bytes of one field are its member, big-endian, as IF-TNCCS-SOH sends it. */
static void check_field_wire(const struct soh_layout *layout, const struct soh_field *field,
                             const void *value, const BYTE *at)
{
    const BYTE *member = (const BYTE *)value + field->offset;
    int same;

    switch (field->kind) {
    case SOH_FIELD_UINT8:
        same = at[0] == member[0];
        break;
    case SOH_FIELD_BE16: {
        UINT16 v;

        memcpy(&v, member, sizeof(v));
        same = be16_at(at) == v;
        break;
    }
    case SOH_FIELD_BE32: {
        UINT32 v;

        memcpy(&v, member, sizeof(v));
        same = be32_at(at) == v;
        break;
    }
    case SOH_FIELD_FILETIME: {
        FILETIME t;

        memcpy(&t, member, sizeof(t));
        same = be32_at(at) == t.dwHighDateTime && be32_at(at + 4) == t.dwLowDateTime;
        break;
    }
    default: {
        CorrelationId id;

        memcpy(&id, member, sizeof(id));
        same = be32_at(at) == id.connId.Data1 && be16_at(at + 4) == id.connId.Data2 &&
               be16_at(at + 6) == id.connId.Data3 &&
               memcmp(at + 8, id.connId.Data4, 8) == 0 &&
               be32_at(at + 16) == id.timeStamp.dwHighDateTime &&
               be32_at(at + 20) == id.timeStamp.dwLowDateTime;
        break;
    }
    }
    ck_assert_msg(same, "%s.%s is not on the wire as its kind says", row_name(layout),
                  field->name);
}

/*
 * The wire form of value, of count elements, at at: its fields in order,
 * the length of the elements in bytes if the row prefixes one, then the
 * elements, raw or as big-endian integers.
 */
static void check_wire(const struct soh_layout *layout, const void *value, UINT16 count,
                       const BYTE *at)
{
    size_t bytes = (size_t)count * layout->element_size;
    const BYTE *buffer = soh_element_buffer(layout, value);
    unsigned i;

    for (i = 0; i < layout->field_count; i++) {
        check_field_wire(layout, &layout->fields[i], value, at);
        at += kind_wire_size(layout->fields[i].kind);
    }
    if (layout->element_kind == SOH_ELEMENTS_NONE)
        return;
    if (layout->length_prefixed) {
        ck_assert_uint_eq(be16_at(at), bytes);
        at += 2;
    }
    if (count == 0)
        return;
    if (layout->element_kind == SOH_ELEMENTS_RAW) {
        ck_assert_msg(memcmp(at, buffer, bytes) == 0, "%s: %s differ on the wire",
                      row_name(layout), layout->elements_name);
        return;
    }
    /* One assertion for them all: each one costs Check a message to its parent. */
    for (i = 0; i < count; i++) {
        UINT32 word;

        memcpy(&word, buffer + 4 * i, sizeof(word));
        if (be32_at(at + 4 * i) != word)
            break;
    }
    ck_assert_msg(i == count, "%s: %s %u differs on the wire", row_name(layout),
                  layout->elements_name, i);
}

/*
 * Whether a TLV of size bytes holds a value of layout, worked out from the
 * row's parts: its fields, then a whole number of elements in its range.
 */
static int tlv_size_allowed(const struct soh_layout *layout, long size)
{
    long rest = size - (long)fields_wire_size(layout);

    if (size > maxSoHAttributeSize || rest < 0)
        return 0;
    if (layout->element_kind == SOH_ELEMENTS_NONE)
        return rest == 0;
    return rest % layout->element_size == 0 && rest / layout->element_size >= layout->min_count &&
           rest / layout->element_size <= layout->max_count;
}

/* ---- the round trip of the attribute types ---- */

/* Test _i's attribute type: the System-Health-ID, then what the generated SoHs draw from. */
static UINT16 tested_type(int i)
{
    return i == 0 ? (UINT16)sohAttributeTypeSystemHealthId : generated_type((unsigned)i - 1);
}

/*
 * The SoH classes' decoder on the wire form of value: the heap is counted
 * around it with no assertion in between, as Check's bookkeeping of an
 * assertion allocates; what it found is asserted after.
 */
static void check_decoded(UINT16 type, const struct soh_layout *layout,
                          const SoHAttributeValue *value, UINT16 count, size_t size)
{
    SoHAttributeValue *decoded = NULL;
    long before = live_heap_blocks();
    HRESULT hr = sohattr_decode(type, wire, (UINT16)size, &decoded);
    int same = hr == S_OK && same_layout_value(layout, decoded, value);
    /* An empty value has no buffer. */
    int empty_without_buffer =
        hr == S_OK && (count > 0 || soh_element_buffer(layout, decoded) == NULL);
    long after;

    if (hr == S_OK)
        FreeSoHAttributeValue((SoHAttributeType)type, decoded);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
    ck_assert_int_eq(hr, S_OK);
    ck_assert_msg(same, "%s: decoded differs", row_name(layout));
    ck_assert(empty_without_buffer);
}

/* One value of type with count elements, through the table and the SoH classes' codec. */
static void attribute_round_trip_once(UINT16 type, const struct soh_layout *layout, UINT16 count)
{
    SoHAttributeValue value;
    SoHAttributeValue read;
    size_t size = expected_wire_size(layout, count);
    BYTE *fields_end = wire + fields_wire_size(layout);
    size_t i;

    random_layout_value(layout, &value, sizeof(value), count, elements[0].bytes);
    ck_assert_int_eq(soh_check_value(layout, &value), S_OK);
    ck_assert_uint_eq(soh_element_count(layout, &value), count);
    ck_assert_uint_eq(soh_wire_size(layout, &value), size);
    memset(wire, GUARD_BYTE, sizeof(wire));
    soh_write(layout, &value, wire);
    check_wire(layout, &value, count, wire);
    for (i = size; i < sizeof(wire) && wire[i] == GUARD_BYTE; i++)
        continue;
    ck_assert_msg(i == sizeof(wire), "%s: soh_write wrote past its %zu bytes", row_name(layout),
                  size);

    /* The TLV size is valid, and one byte more or less only where an element is one byte. */
    ck_assert(soh_tlv_size_valid(layout, (UINT16)size));
    ck_assert_int_eq(soh_tlv_size_valid(layout, (UINT16)(size + 1)),
                     tlv_size_allowed(layout, (long)size + 1));
    if (size > 0)
        ck_assert_int_eq(soh_tlv_size_valid(layout, (UINT16)(size - 1)),
                         tlv_size_allowed(layout, (long)size - 1));
    if (layout->element_kind == SOH_ELEMENTS_NONE || layout->element_size > 1) {
        ck_assert(!soh_tlv_size_valid(layout, (UINT16)(size + 1)));
        if (size > 0)
            ck_assert(!soh_tlv_size_valid(layout, (UINT16)(size - 1)));
    }

    /* Read back into storage: the same value, its elements in the storage. */
    random_fill(&read, sizeof(read));
    random_fill(read_storage.bytes, (size_t)count * layout->element_size);
    soh_read(layout, wire, count, read_storage.bytes, &read);
    ck_assert_msg(same_layout_value(layout, &read, &value), "%s: read back differs",
                  row_name(layout));
    if (layout->element_kind != SOH_ELEMENTS_NONE)
        ck_assert_ptr_eq(soh_element_buffer(layout, &read), count > 0 ? read_storage.bytes : NULL);
    /* Read back without storage: raw elements are referred to where they lie. */
    if (layout->element_kind == SOH_ELEMENTS_RAW) {
        random_fill(&read, sizeof(read));
        soh_read(layout, wire, count, NULL, &read);
        ck_assert(same_layout_value(layout, &read, &value));
        ck_assert_ptr_eq(soh_element_buffer(layout, &read), count > 0 ? fields_end : NULL);
    }

    /* The SoH classes' codec, which the constructor and the processor use. */
    if (type != sohAttributeTypeSystemHealthId)
        ck_assert_int_eq(sohattr_check_value(type, &value), S_OK);
    ck_assert_uint_eq(sohattr_encoded_size(type, &value), size);
    memset(wire_again, GUARD_BYTE, sizeof(wire_again));
    sohattr_encode(type, &value, wire_again);
    ck_assert(memcmp(wire_again, wire, sizeof(wire)) == 0);
    ck_assert(soh_tlv_size_valid(soh_attribute_layout(type), (UINT16)size));
    check_decoded(type, layout, &value, count, size);
}

/* Values of every count the row allows, its ends included, written and read back. */
START_TEST(attribute_round_trip)
{
    UINT16 type = tested_type(_i);
    const struct soh_layout *layout = soh_attribute_layout(type);
    long most = most_elements_within(layout, maxSoHAttributeSize);
    BOOL has_elements = layout->element_kind != SOH_ELEMENTS_NONE;
    unsigned fewest_seen = 0;
    unsigned most_seen = 0;
    int n;

    ck_assert_int_ge(most, layout->min_count);
    test_random_seed(SEED + type);
    for (n = 0; n < VALUES_PER_ROW; n++) {
        UINT16 count = has_elements ? (UINT16)random_count(layout->min_count, (unsigned)most) : 0;

        fewest_seen += count == layout->min_count;
        most_seen += count == most;
        attribute_round_trip_once(type, layout, count);
    }
    if (has_elements) {
        ck_assert_uint_gt(fewest_seen, 0);
        ck_assert_uint_gt(most_seen, 0);
        printf("# %s (attribute type %u): %d values, %u with %u %s, %u with %ld\n",
               row_name(layout), (unsigned)type, VALUES_PER_ROW, fewest_seen,
               (unsigned)layout->min_count, layout->elements_name, most_seen, most);
    } else {
        printf("# %s (attribute type %u): %d values\n", row_name(layout), (unsigned)type,
               VALUES_PER_ROW);
    }
    fflush(stdout);
}
END_TEST

/* value refused with hr by the table and, for an appendable type, by the SoH classes. */
static void assert_attribute_refused(UINT16 type, const struct soh_layout *layout,
                                     const SoHAttributeValue *value, HRESULT hr)
{
    ck_assert_int_eq(soh_check_value(layout, value), hr);
    if (type != sohAttributeTypeSystemHealthId)
        ck_assert_int_eq(sohattr_check_value(type, value), hr);
}

/*
 * A count one short of the row's range or one past it is E_INVALIDARG, and
 * so is a TLV of that many; a NULL buffer behind elements is E_POINTER.
 */
START_TEST(attribute_counts_out_of_range)
{
    UINT16 type = tested_type(_i);
    const struct soh_layout *layout = soh_attribute_layout(type);
    size_t fixed = fields_wire_size(layout);
    size_t size;
    SoHAttributeValue value;
    UINT16 fewest;

    test_random_seed(SEED + 0x10000 + type);
    random_layout_value(layout, &value, sizeof(value), layout->min_count, elements[0].bytes);
    if (layout->element_kind == SOH_ELEMENTS_NONE) {
        /* Whatever the rest of the value holds, a value without elements has none. */
        ck_assert_int_eq(soh_check_value(layout, &value), S_OK);
        ck_assert_uint_eq(soh_element_count(layout, &value), 0);
        ck_assert_ptr_null(soh_element_buffer(layout, &value));
        return;
    }
    set_element_buffer(layout, &value, elements[0].bytes);
    if (layout->min_count > 0) {
        set_element_count(layout, &value, (UINT16)(layout->min_count - 1));
        assert_attribute_refused(type, layout, &value, E_INVALIDARG);
        ck_assert(!soh_tlv_size_valid(layout,
                                      (UINT16)(fixed + (layout->min_count - 1u) *
                                                           layout->element_size)));
    }
    if (layout->max_count < 0xFFFF) {
        set_element_count(layout, &value, (UINT16)(layout->max_count + 1));
        assert_attribute_refused(type, layout, &value, E_INVALIDARG);
        size = fixed + (layout->max_count + 1u) * layout->element_size;
        if (size <= 0xFFFF)
            ck_assert(!soh_tlv_size_valid(layout, (UINT16)size));
    }
    fewest = layout->min_count > 0 ? layout->min_count : 1;
    if (fewest <= layout->max_count) {
        set_element_count(layout, &value, fewest);
        ck_assert_int_eq(soh_check_value(layout, &value), S_OK);
        set_element_buffer(layout, &value, NULL);
        assert_attribute_refused(type, layout, &value, E_POINTER);
    }
}
END_TEST

/* ---- the round trip of the type-values, through the message codec ---- */

static NapSoHMessageSystemAttribute type_values[MAX_VALUES_PER_MESSAGE];

/* A format-1 message whose system entry holds the count type-values. */
static NapSoHMessage message_of(UINT16 count)
{
    NapSoHMessage message;

    memset(&message, 0, sizeof(message));
    message.format = NAP_SOH_MESSAGE_FORMAT_1;
    message.hasSystemEntry = TRUE;
    message.systemAttributeCount = count;
    message.systemAttributes = type_values;
    return message;
}

static HRESULT encode_status(UINT16 count)
{
    NapSoHMessage message = message_of(count);
    NetworkSoH *network = NULL;
    HRESULT hr = NapSoHMessageEncode(&message, 0, &network);

    FreeNetworkSoH(network);
    return hr;
}

/* Fills type_values[index] with a random value of type with count elements. */
static void random_type_value(unsigned type, int index, UINT16 count)
{
    const struct soh_layout *layout = soh_type_value_layout(type);

    random_layout_value(layout, &type_values[index], sizeof(type_values[index]), count,
                        elements[index].bytes);
    type_values[index].type = (NapSoHMessageSystemAttributeType)type;
}

/* What one encode -> decode -> encode found; asserted after the heap count. */
struct message_round_trip {
    HRESULT encoded;
    HRESULT decoded;
    HRESULT reencoded;
    UINT16 size;
    BYTE bytes[maxNetworkSoHSize];
    BOOL has_system_entry;
    UINT16 attribute_count;
    /* The index of the first decoded type-value that differs; count when none does. */
    UINT16 first_different;
    int same_bytes;
};

static struct message_round_trip result;

/*
 * The message of count type-values of layout encoded, decoded and encoded
 * again, with no assertion between the heap counts (Check's bookkeeping of
 * an assertion allocates).
 */
static void run_message_round_trip(const struct soh_layout *layout, UINT16 count,
                                   struct message_round_trip *r)
{
    NapSoHMessage message = message_of(count);
    NetworkSoH *first = NULL;
    NetworkSoH *second = NULL;
    NapSoHMessage *decoded = NULL;
    UINT16 i;

    memset(r, 0, sizeof(*r));
    r->encoded = NapSoHMessageEncode(&message, 0, &first);
    r->decoded = r->encoded == S_OK ? NapSoHMessageDecode(first, 0, &decoded, NULL) : E_FAIL;
    r->reencoded = r->decoded == S_OK ? NapSoHMessageEncode(decoded, 0, &second) : E_FAIL;
    if (r->encoded == S_OK && first->size <= sizeof(r->bytes)) {
        r->size = first->size;
        memcpy(r->bytes, first->data, first->size);
    }
    if (r->decoded == S_OK) {
        r->has_system_entry = decoded->hasSystemEntry;
        r->attribute_count = decoded->systemAttributeCount;
        for (i = 0; i < count && i < decoded->systemAttributeCount; i++) {
            const NapSoHMessageSystemAttribute *a = &decoded->systemAttributes[i];

            /* An empty value has no buffer. */
            if (a->type != type_values[i].type || !same_layout_value(layout, a, &type_values[i]) ||
                (layout->element_kind != SOH_ELEMENTS_NONE &&
                 soh_element_count(layout, a) == 0 && soh_element_buffer(layout, a) != NULL))
                break;
        }
        r->first_different = i;
    }
    if (r->reencoded == S_OK)
        r->same_bytes = first->size == second->size &&
                        memcmp(first->data, second->data, first->size) == 0;
    FreeNetworkSoH(first);
    FreeNetworkSoH(second);
    NapSoHMessageFree(decoded);
}

/*
 * The type-values, encoded: where each lies and its wire form; decoded:
 * the same fields and elements; encoded again: the same bytes.
 */
static void check_type_values_round_trip(const struct soh_layout *layout, UINT16 count,
                                         size_t size)
{
    struct message_round_trip *r = &result;
    long before = live_heap_blocks();
    long after;
    size_t pos = TYPE_VALUES_START;
    UINT16 i;

    run_message_round_trip(layout, count, r);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
    ck_assert_int_eq(r->encoded, S_OK);
    ck_assert_uint_eq(r->size, size);
    for (i = 0; i < count; i++) {
        UINT16 elements_count = soh_element_count(layout, &type_values[i]);

        ck_assert_uint_eq(r->bytes[pos], type_values[i].type);
        check_wire(layout, &type_values[i], elements_count, r->bytes + pos + 1);
        pos += 1 + expected_wire_size(layout, elements_count);
    }
    ck_assert_uint_eq(pos, size);
    ck_assert_int_eq(r->decoded, S_OK);
    ck_assert(r->has_system_entry);
    ck_assert_uint_eq(r->attribute_count, count);
    ck_assert_msg(r->first_different == count, "%s %u decoded differs", row_name(layout),
                  (unsigned)r->first_different);
    ck_assert_int_eq(r->reencoded, S_OK);
    ck_assert(r->same_bytes);
}

/*
 * Messages of a few type-values of row _i, each of a count anywhere the
 * row allows within what room the message has left, both ends included:
 * the fewest elements, and the most the row or a full message allows.
 */
START_TEST(type_value_round_trip)
{
    const struct soh_layout *layout = soh_type_value_layout((unsigned)_i);
    BOOL has_elements = layout->element_kind != SOH_ELEMENTS_NONE;
    unsigned values = 0;
    unsigned fewest_seen = 0;
    unsigned most_seen = 0;
    int n;

    test_random_seed(SEED + 0x20000 + (uint64_t)_i);
    for (n = 0; n < MESSAGES_PER_ROW; n++) {
        unsigned wanted = 1 + test_random_below(MAX_VALUES_PER_MESSAGE);
        size_t size = TYPE_VALUES_START;
        UINT16 count = 0;

        while (count < wanted) {
            long most;
            UINT16 elements_count;

            /* One byte of the room goes to the type. */
            if (size + 1 > maxNetworkSoHSize)
                break;
            most = most_elements_within(layout, maxNetworkSoHSize - size - 1);
            if (most < layout->min_count)
                break;
            elements_count = has_elements ? (UINT16)random_count(layout->min_count, (unsigned)most)
                                           : 0;
            fewest_seen += elements_count == layout->min_count;
            most_seen += elements_count == most;
            random_type_value((unsigned)_i, count, elements_count);
            size += 1 + expected_wire_size(layout, elements_count);
            count++;
        }
        ck_assert_uint_gt(count, 0);
        check_type_values_round_trip(layout, count, size);
        values += count;
    }
    if (has_elements) {
        ck_assert_uint_gt(fewest_seen, 0);
        ck_assert_uint_gt(most_seen, 0);
        printf("# %s (type-value %d): %u values in %d messages, %u with %u %s, %u with the "
               "most that fit\n",
               row_name(layout), _i, values, MESSAGES_PER_ROW, fewest_seen,
               (unsigned)layout->min_count, layout->elements_name, most_seen);
    } else {
        printf("# %s (type-value %d): %u values in %d messages\n", row_name(layout), _i, values,
               MESSAGES_PER_ROW);
    }
    fflush(stdout);
}
END_TEST

/*
 * The encoder refuses a count outside the row's range (E_INVALIDARG), a
 * NULL buffer behind elements (E_POINTER), and elements that would not
 * fit a message, whose limit the row's range may exceed (E_INVALIDARG).
 */
START_TEST(type_value_counts_out_of_range)
{
    const struct soh_layout *layout = soh_type_value_layout((unsigned)_i);
    long fit = most_elements_within(layout, maxNetworkSoHSize - TYPE_VALUES_START - 1);
    UINT16 fewest;

    test_random_seed(SEED + 0x30000 + (uint64_t)_i);
    ck_assert_int_ge(fit, layout->min_count);
    random_type_value((unsigned)_i, 0, layout->min_count);
    ck_assert_int_eq(encode_status(1), S_OK);
    if (layout->element_kind == SOH_ELEMENTS_NONE)
        return;
    set_element_buffer(layout, &type_values[0], elements[0].bytes);
    if (layout->min_count > 0) {
        set_element_count(layout, &type_values[0], (UINT16)(layout->min_count - 1));
        ck_assert_int_eq(encode_status(1), E_INVALIDARG);
    }
    if (layout->max_count < 0xFFFF) {
        set_element_count(layout, &type_values[0], (UINT16)(layout->max_count + 1));
        ck_assert_int_eq(encode_status(1), E_INVALIDARG);
    }
    fewest = layout->min_count > 0 ? layout->min_count : 1;
    if (fewest <= layout->max_count) {
        set_element_count(layout, &type_values[0], fewest);
        set_element_buffer(layout, &type_values[0], NULL);
        ck_assert_int_eq(encode_status(1), E_POINTER);
    }
    /* The most that fit a message encode; one more does not. */
    random_type_value((unsigned)_i, 0, (UINT16)fit);
    set_element_buffer(layout, &type_values[0], elements[0].bytes);
    ck_assert_int_eq(encode_status(1), S_OK);
    if (fit < layout->max_count) {
        set_element_count(layout, &type_values[0], (UINT16)(fit + 1));
        ck_assert_int_eq(encode_status(1), E_INVALIDARG);
    }
}
END_TEST

static Suite *sohtypes_suite(void)
{
    Suite *suite = suite_create("sohtypes");
    TCase *rows = add_test_case(suite, "rows");
    TCase *attributes = add_test_case(suite, "attribute types");
    TCase *type_values_case = add_test_case(suite, "type-values");

    tcase_add_test(rows, attribute_rows_are_dense);
    tcase_add_test(rows, unknown_types_are_octet_strings);
    tcase_add_test(rows, type_value_rows_are_dense);
    tcase_add_test(rows, names_are_unique);
    tcase_add_loop_test(rows, attribute_row_is_consistent, sohAttributeTypeSystemHealthId,
                        SOH_ATTRIBUTE_TYPE_ROWS + 1);
    tcase_add_loop_test(rows, type_value_row_is_consistent, 1, SOH_TYPE_VALUE_ROWS);

    tcase_add_loop_test(attributes, attribute_round_trip, 0, GENERATED_TYPE_COUNT + 1);
    tcase_add_loop_test(attributes, attribute_counts_out_of_range, 0, GENERATED_TYPE_COUNT + 1);

    tcase_add_loop_test(type_values_case, type_value_round_trip, 1, SOH_TYPE_VALUE_ROWS);
    tcase_add_loop_test(type_values_case, type_value_counts_out_of_range, 1,
                        SOH_TYPE_VALUE_ROWS);
    return suite;
}

int main(void)
{
    return run_suite(sohtypes_suite());
}
