/*
 * sohtest.h - helpers shared by the tests of the SoH classes: creating the
 * objects, comparing SoHs and attribute values member by member (never
 * through the library's own encoder), and writing an SoH out as the TLV
 * bytes of the wire format (TCG's IF-TNCCS-SOH).
 */
#ifndef NAPUTIL_SOHTEST_H
#define NAPUTIL_SOHTEST_H

#include <stddef.h>

#include "naputil.h"

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

#endif /* NAPUTIL_SOHTEST_H */
