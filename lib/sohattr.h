/*
 * sohattr.h - the SoH classes' view of attributes, shared with the wire
 * codec (internal): the SoHAttributeValue of an attribute type to and from
 * its TLV value bytes (by sohtypes.h's rows), and the rules that make an
 * API SoH structure a valid SoHRequest or SoHResponse, with its deep copy.
 *
 * The functions here never write outside the buffers they are given.
 */
#ifndef NAPUTIL_SOHATTR_H
#define NAPUTIL_SOHATTR_H

#include <string.h>

#include "naputil.h"
#include "sohtypes.h"

/* The M (mandatory) flag as it would appear in SoHAttribute.type. */
#define SOH_ATTRIBUTE_MANDATORY_FLAG 0x8000
/* A System-Health-ID value, and the vendor ID that starts a Vendor-Specific value. */
#define SYSTEM_HEALTH_ID_SIZE 4
#define VENDOR_ID_SIZE 4

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

/*
 * A new SoHAttributeValue decoded from size wire bytes that
 * soh_tlv_size_valid accepts for the type's row; every buffer in it is its
 * own block, so FreeSoHAttributeValue(type, *value) releases it.  S_OK or
 * E_OUTOFMEMORY (and *value NULL).
 */
HRESULT sohattr_decode(UINT16 type, const BYTE *bytes, UINT16 size, SoHAttributeValue **value);

/* What is wrong with an SoH, for a decoder that has to say so. */
enum soh_fault {
    SOH_FAULT_NONE,
    /* An attribute that is not allowed where it is, or whose size does not fit its type. */
    SOH_FAULT_ATTRIBUTE,
    SOH_FAULT_TOO_MANY,
    /* An SoHResponse without Compliance-Result-Codes or Failure-Category. */
    SOH_FAULT_NO_RESULT,
    /* An SoHResponse with two sets of fixup servers of one address family. */
    SOH_FAULT_TWO_FIXUP_SETS
};

/*
 * The rules of an SoH, applied one attribute at a time, so that the
 * decoder checks an entry as it reads it: start, add each attribute in
 * order, end.  soh_validate is the same rules over a whole SoH.
 */
struct soh_rules {
    BOOL is_request;
    UINT16 count;
    /* Compliance-Result-Codes and Failure-Category attributes seen (responses only). */
    UINT16 results;
    UINT16 ipv4_fixups;
    UINT16 ipv6_fixups;
};

/*
 * The decoder applies these to every TLV, so they are inline: a call per
 * TLV and per check was a third of its cost.
 */
static inline void soh_rules_start(struct soh_rules *rules, BOOL isRequest)
{
    memset(rules, 0, sizeof(*rules));
    rules->is_request = isRequest;
}

/*
 * The next attribute, of type and size: at most maxSoHAttributeCount of
 * them, each of a size that fits its type.  Where the System-Health-ID
 * stands and the M flag are the caller's to check: a decoder gets them
 * right by how it walks the message.
 */
static inline enum soh_fault soh_rules_add(struct soh_rules *rules, UINT16 type, UINT16 size)
{
    if (rules->count == maxSoHAttributeCount)
        return SOH_FAULT_TOO_MANY;
    if (!soh_tlv_size_valid(soh_attribute_layout(type), size))
        return SOH_FAULT_ATTRIBUTE;
    rules->count++;
    if (rules->is_request)
        return SOH_FAULT_NONE;
    if (type == sohAttributeTypeComplianceResultCodes || type == sohAttributeTypeFailureCategory)
        rules->results++;
    else if (type == sohAttributeTypeIpv4FixupServers)
        rules->ipv4_fixups++;
    else if (type == sohAttributeTypeIpv6FixupServers)
        rules->ipv6_fixups++;
    return SOH_FAULT_NONE;
}

enum soh_fault soh_rules_end(const struct soh_rules *rules);

/*
 * Whether soh is a valid SoHRequest (isRequest) or SoHResponse: S_OK or
 * NAP_E_INVALID_PACKET.
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

#endif /* NAPUTIL_SOHATTR_H */
