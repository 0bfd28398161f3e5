/*
 * sohtypes.h - the one description of every SoH attribute type and every
 * Microsoft type-value (internal): its number, its name, and its layout,
 * both on the wire and in the C structure that holds it decoded.
 *
 * A layout is a few fixed-size fields followed, for some types, by
 * elements: octets, addresses or 32-bit integers, whose count and buffer
 * are two members of the C structure.  The codec, the freeing of attribute
 * values, the SoH classes' validation, napsoh's printing and the tests all
 * work from these rows and from the functions below, so adding a type is
 * one row.  Byte order is byteorder.h's business.
 */
#ifndef NAPUTIL_SOHTYPES_H
#define NAPUTIL_SOHTYPES_H

#include <stddef.h>

#include "napprotocol.h"
#include "napsohmessage.h"

/* How one fixed-size field travels; its wire size is soh_field_size(). */
enum soh_field_kind {
    SOH_FIELD_UINT8,
    SOH_FIELD_BE16,
    SOH_FIELD_BE32,
    /* One 64-bit big-endian number, high half first. */
    SOH_FIELD_FILETIME,
    /* A GUID field by field, then a FILETIME: 24 bytes. */
    SOH_FIELD_CORRELATION_ID
};

/* How the elements after the fields travel, if there are any. */
enum soh_element_kind {
    SOH_ELEMENTS_NONE,
    /* Copied as they are: octets and addresses. */
    SOH_ELEMENTS_RAW,
    /* Big-endian 32-bit integers, held in host order in the C structure. */
    SOH_ELEMENTS_BE32
};

/* One fixed-size field: its C member's name, how it travels, where it is held. */
struct soh_field {
    const char *name;
    unsigned char kind;
    unsigned char offset;
};

#define SOH_MAX_FIELDS 6

struct soh_layout {
    /* The name IF-TNCCS-SOH gives the type. */
    const char *name;
    unsigned char field_count;
    struct soh_field fields[SOH_MAX_FIELDS];
    /* The wire size of the fields together (the sum of their soh_field_size). */
    unsigned char fixed_size;
    /* The elements: enum soh_element_kind, and the wire size of one. */
    unsigned char element_kind;
    unsigned char element_size;
    /*
     * Whether a 16-bit length in bytes precedes the elements on the wire
     * (the type-values); otherwise they fill the rest of the TLV.
     */
    unsigned char length_prefixed;
    /* The C members holding the elements: a UINT16 count and a buffer pointer. */
    unsigned char count_offset;
    unsigned char buffer_offset;
    /* The C name of the elements, as napsoh's JSON output names them. */
    const char *elements_name;
    /* How many elements a value may have. */
    UINT16 min_count;
    UINT16 max_count;
};

/*
 * The largest TLV type, and the mask that takes the type out of the wire
 * field: its top two bits are the M and R flags.
 */
#define SOH_MAX_ATTRIBUTE_TYPE 0x3FFF

/*
 * Row t of soh_attribute_types describes attribute type t.  Types 0 and 1
 * are reserved; every type from the System-Health-ID on has a row.
 */
#define SOH_ATTRIBUTE_TYPE_ROWS (sohAttributeTypeExtendedIsolationState + 1)

extern const struct soh_layout soh_attribute_types[SOH_ATTRIBUTE_TYPE_ROWS];
extern const struct soh_layout soh_unknown_attribute_type;

/*
 * The functions the decoder calls for every TLV are inline: a call per
 * TLV and per check was a third of its cost.
 */

/* Whether the type has a row of its own, that is, whether the library understands it. */
static inline BOOL soh_attribute_type_known(UINT16 type)
{
    return type >= sohAttributeTypeSystemHealthId && type < SOH_ATTRIBUTE_TYPE_ROWS;
}

/*
 * The layout of an SoH attribute type, in an SoHAttributeValue.  Any type
 * without a row of its own, known or not, is an octet string; the type's
 * M and R flags must be masked off first.
 */
static inline const struct soh_layout *soh_attribute_layout(UINT16 type)
{
    return soh_attribute_type_known(type) ? &soh_attribute_types[type]
                                          : &soh_unknown_attribute_type;
}

/*
 * Whether size bytes can be a TLV value of layout, which fills the whole
 * TLV (not length_prefixed).
 */
static inline BOOL soh_tlv_size_valid(const struct soh_layout *layout, UINT16 size)
{
    size_t count;

    if (size > maxSoHAttributeSize || size < layout->fixed_size)
        return FALSE;
    if (layout->element_kind == SOH_ELEMENTS_NONE)
        return size == layout->fixed_size;
    if ((size - layout->fixed_size) % layout->element_size != 0)
        return FALSE;
    count = (size - layout->fixed_size) / layout->element_size;
    return count >= layout->min_count && count <= layout->max_count;
}

/*
 * Row t of soh_type_values describes Microsoft type-value t; every value
 * from 1 on has a row.
 */
#define SOH_TYPE_VALUE_ROWS (napSoHMessageMachineInventoryEx + 1)

extern const struct soh_layout soh_type_values[SOH_TYPE_VALUE_ROWS];

/*
 * The layout of a Microsoft type-value, in a NapSoHMessageSystemAttribute,
 * or NULL for a value without a row: type-values carry no length, so an
 * unknown one cannot be skipped.
 */
static inline const struct soh_layout *soh_type_value_layout(unsigned type)
{
    return type >= 1 && type < SOH_TYPE_VALUE_ROWS ? &soh_type_values[type] : NULL;
}

/* The wire size of one field. */
size_t soh_field_size(enum soh_field_kind kind);

/* The element count held in value, a C structure of layout. */
static inline UINT16 soh_element_count(const struct soh_layout *layout, const void *value)
{
    if (layout->element_kind == SOH_ELEMENTS_NONE)
        return 0;
    return *(const UINT16 *)(const void *)((const BYTE *)value + layout->count_offset);
}

/*
 * The element buffer held in value; NULL for a layout without elements.
 * Inline, as FreeSoHAttributeValue's whole work is to find it.
 */
static inline void *soh_element_buffer(const struct soh_layout *layout, const void *value)
{
    if (layout->element_kind == SOH_ELEMENTS_NONE)
        return NULL;
    return *(void *const *)(const void *)((const BYTE *)value + layout->buffer_offset);
}

/*
 * Whether value may be written: S_OK, E_INVALIDARG for a count out of the
 * layout's range, E_POINTER for a NULL buffer behind a non-zero count.
 */
HRESULT soh_check_value(const struct soh_layout *layout, const void *value);

/* The wire size of value, which soh_check_value accepted. */
size_t soh_wire_size(const struct soh_layout *layout, const void *value);

/* Writes the soh_wire_size bytes of value to out. */
void soh_write(const struct soh_layout *layout, const void *value, BYTE *out);

/*
 * Reads the fields at in into value, then count elements, which follow the
 * fields (and their length, if prefixed).  Raw elements are referred to
 * where they lie when storage is NULL, and copied into storage otherwise;
 * 32-bit elements are always converted into storage, which then holds room
 * for count of them.  With no elements the buffer is NULL.
 */
void soh_read(const struct soh_layout *layout, const BYTE *in, UINT16 count, void *storage,
              void *value);

#endif /* NAPUTIL_SOHTYPES_H */
