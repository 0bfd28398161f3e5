/*
 * sohattr.c - the SoH data model: one attribute value to and from its wire
 * bytes, the validity rules of a whole API SoH, and its deep copy.
 *
 * What each attribute type looks like is sohtypes.c's table; this file
 * applies it to the SoH classes' attribute values and holds the rules
 * that a whole SoH obeys.
 */
#include "config.h"

#include <string.h>

#include "byteorder.h"
#include "sohattr.h"
#include "taskmem.h"

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
    return soh_check_value(soh_attribute_layout((UINT16)type), value);
}

UINT16 sohattr_encoded_size(UINT16 type, const SoHAttributeValue *value)
{
    return (UINT16)soh_wire_size(soh_attribute_layout(type), value);
}

void sohattr_encode(UINT16 type, const SoHAttributeValue *value, BYTE *out)
{
    soh_write(soh_attribute_layout(type), value, out);
}

/*
 * The value and its elements are separate blocks, as FreeSoHAttributeValue
 * expects of a value that GetAttribute hands out.
 */
HRESULT sohattr_decode(UINT16 type, const BYTE *bytes, UINT16 size, SoHAttributeValue **value)
{
    const struct soh_layout *layout = soh_attribute_layout(type);
    size_t element_bytes = size - layout->fixed_size;
    SoHAttributeValue *decoded = taskmem_zalloc(sizeof(*decoded));
    void *storage = NULL;
    UINT16 count = 0;

    *value = NULL;
    if (decoded == NULL)
        return E_OUTOFMEMORY;
    if (layout->element_kind != SOH_ELEMENTS_NONE && element_bytes > 0) {
        count = (UINT16)(element_bytes / layout->element_size);
        storage = taskmem_alloc(element_bytes);
        if (storage == NULL) {
            taskmem_free(decoded);
            return E_OUTOFMEMORY;
        }
    }
    soh_read(layout, bytes, count, storage, decoded);
    *value = decoded;
    return S_OK;
}

/*
 * A response must say how the client fared: Compliance-Result-Codes, or a
 * Failure-Category when the validator could not tell.  It may name at most
 * one set of fixup servers of each address family.
 */
enum soh_fault soh_rules_end(const struct soh_rules *rules)
{
    if (rules->count == 0)
        return SOH_FAULT_ATTRIBUTE;
    if (rules->is_request)
        return SOH_FAULT_NONE;
    if (rules->results == 0)
        return SOH_FAULT_NO_RESULT;
    if (rules->ipv4_fixups > 1 || rules->ipv6_fixups > 1)
        return SOH_FAULT_TWO_FIXUP_SETS;
    return SOH_FAULT_NONE;
}

/*
 * Besides the rules: a value buffer behind any non-zero size, no M flag
 * (the library understands no flagged type), and the System-Health-ID
 * first and only there.
 */
static BOOL attribute_in_place(const SoHAttribute *attribute, UINT16 index)
{
    BOOL is_id = attribute->type == sohAttributeTypeSystemHealthId;

    if (attribute->size > 0 && attribute->value == NULL)
        return FALSE;
    if (attribute->type & SOH_ATTRIBUTE_MANDATORY_FLAG)
        return FALSE;
    return is_id == (index == 0);
}

HRESULT soh_validate(const SoH *soh, BOOL isRequest)
{
    struct soh_rules rules;
    UINT16 i;

    if (soh == NULL || soh->attributes == NULL)
        return NAP_E_INVALID_PACKET;
    soh_rules_start(&rules, isRequest);
    for (i = 0; i < soh->count; i++) {
        const SoHAttribute *a = &soh->attributes[i];

        if (!attribute_in_place(a, i) || soh_rules_add(&rules, a->type, a->size) != SOH_FAULT_NONE)
            return NAP_E_INVALID_PACKET;
    }
    return soh_rules_end(&rules) == SOH_FAULT_NONE ? S_OK : NAP_E_INVALID_PACKET;
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
