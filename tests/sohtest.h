/*
 * sohtest.h - helpers shared by the tests of the SoH classes: creating the
 * objects, comparing SoHs and attribute values member by member (never
 * through the library's own encoder), writing an SoH out as the TLV bytes
 * of the wire format (TCG's IF-TNCCS-SOH), and generating and comparing
 * values from the table of types (lib/sohtypes.h), so that the generated
 * tests cover a new row without being told of it.
 */
#ifndef NAPUTIL_SOHTEST_H
#define NAPUTIL_SOHTEST_H

#include <stddef.h>

#include "naputil.h"
#include "sohtypes.h"

/* A new object, or the test aborts. */
INapSoHConstructor *new_constructor(void);
INapSoHProcessor *new_processor(void);

/* A constructor after Initialize(id, isRequest), or the test aborts. */
INapSoHConstructor *initialized_constructor(SystemHealthEntityId id, BOOL isRequest);

/* Whether the two SoHs hold the same attributes: types, sizes and bytes. */
int same_soh(const SoH *a, const SoH *b);

/* Whether two values of type are equal, member by member, buffers included. */
int same_value(UINT32 type, const SoHAttributeValue *a, const SoHAttributeValue *b);

/*
 * Writes the attributes of soh as consecutive TLVs (type, length, value, the
 * first two big-endian) to out, which has room for capacity bytes; returns
 * the number of bytes, or 0 if they do not fit.
 */
size_t soh_tlv_bytes(const SoH *soh, unsigned char *out, size_t capacity);

/* ---- values generated from the table ---- */

/*
 * The attribute types the generated SoHs draw from: every type with a row
 * after the System-Health-ID (which only Initialize adds), then three
 * without one - the first past the rows, one further on and the largest.
 */
#define GENERATED_TYPE_COUNT (SOH_ATTRIBUTE_TYPE_ROWS - sohAttributeTypeSystemHealthId - 1 + 3)
UINT16 generated_type(unsigned index);

/*
 * A random count in min..max that hits both ends often: each end an
 * eighth of the time, anywhere in the range an eighth, and otherwise a
 * count near min (which keeps the runs fast under valgrind and qemu).
 */
unsigned random_count(unsigned min, unsigned max);

/* size random bytes at out. */
void random_fill(void *out, size_t size);

/* The size of the C member that holds a field of kind. */
size_t field_member_size(enum soh_field_kind kind);

/*
 * The most elements a value of layout may have, by its row, with a wire
 * form (fields, length and elements) of at most room bytes; -1 when not
 * even its fields fit.  It may be below layout->min_count.
 */
long most_elements_within(const struct soh_layout *layout, size_t room);

/*
 * Fills value, a C structure of value_size bytes that layout describes
 * (an SoHAttributeValue or a NapSoHMessageSystemAttribute), with random
 * bytes - its fields, and every member the row does not use - and then
 * gives it count random elements in storage, which has room for them and
 * is aligned for 32-bit integers.  An empty value's buffer is NULL or, at
 * random, not, as both are valid.  A type-value's type is the caller's.
 */
void random_layout_value(const struct soh_layout *layout, void *value, size_t value_size,
                         UINT16 count, void *storage);

/* Sets the element count of value, a C structure of layout with elements. */
void set_element_count(const struct soh_layout *layout, void *value, UINT16 count);

/* Sets the element buffer of value, a C structure of layout with elements. */
void set_element_buffer(const struct soh_layout *layout, void *value, void *buffer);

/*
 * Whether a and b, C structures of layout, hold the same fields (compared
 * by kind, member by member) and the same elements (the same count, and
 * the same bytes in both buffers when it is not 0).
 */
int same_layout_value(const struct soh_layout *layout, const void *a, const void *b);

#endif /* NAPUTIL_SOHTEST_H */
