/*
 * sohtypes.c - the rows: every SoH attribute type (TCG's IF-TNCCS-SOH,
 * section 3.5; Microsoft's SoHAttributeType) and every Microsoft
 * type-value of the system entry (IF-TNCCS-SOH section 3.8), and the
 * reading and writing that works from them.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "byteorder.h"
#include "sohtypes.h"

/* An SoHAttributeValue member, and a NapSoHMessageSystemAttribute's value member. */
#define VALUE(member) ((unsigned char)offsetof(SoHAttributeValue, member))
#define TYPE_VALUE(member) ((unsigned char)offsetof(NapSoHMessageSystemAttribute, value.member))

#define NO_ELEMENTS SOH_ELEMENTS_NONE, 0, 0, 0, 0, NULL, 0, 0

/* Octets filling the TLV, in octetStringVal: every type without a layout of its own. */
#define OCTET_STRING                                                                       \
    SOH_ELEMENTS_RAW, 1, 0, VALUE(octetStringVal.size), VALUE(octetStringVal.data), "data", \
        0, maxSoHAttributeSize

#define RESULT_CODES                                                                        \
    SOH_ELEMENTS_BE32, 4, 0, VALUE(codesVal.count), VALUE(codesVal.results), "results", 0, \
        maxDwordCountPerSoHAttribute

const struct soh_layout soh_attribute_types[SOH_ATTRIBUTE_TYPE_ROWS] = {
    [sohAttributeTypeSystemHealthId] = {"System-Health-ID", 1,
                                        {{"idVal", SOH_FIELD_BE32, VALUE(idVal)}}, 4, NO_ELEMENTS},
    [sohAttributeTypeIpv4FixupServers] = {"IPv4-Fixup-Servers", 0, {{NULL, 0, 0}}, 0,
                                          SOH_ELEMENTS_RAW, sizeof(Ipv4Address), 0,
                                          VALUE(v4AddressesVal.count),
                                          VALUE(v4AddressesVal.addresses), "addresses", 1,
                                          maxIpv4CountPerSoHAttribute},
    [sohAttributeTypeComplianceResultCodes] = {"Compliance-Result-Codes", 0, {{NULL, 0, 0}}, 0,
                                               RESULT_CODES},
    [sohAttributeTypeTimeOfLastUpdate] = {"Time-Of-Last-Update", 1,
                                          {{"dateTimeVal", SOH_FIELD_FILETIME,
                                            VALUE(dateTimeVal)}}, 8,
                                          NO_ELEMENTS},
    [sohAttributeTypeClientId] = {"Client-Id", 0, {{NULL, 0, 0}}, 0, OCTET_STRING},
    [sohAttributeTypeVendorSpecific] = {"Vendor-Specific", 1,
                                        {{"vendorId", SOH_FIELD_BE32,
                                          VALUE(vendorSpecificVal.vendorId)}}, 4,
                                        SOH_ELEMENTS_RAW, 1, 0, VALUE(vendorSpecificVal.size),
                                        VALUE(vendorSpecificVal.vendorSpecificData),
                                        "vendorSpecificData", 0, maxSoHAttributeSize - 4},
    [sohAttributeTypeHealthClass] = {"Health-Class", 1,
                                     {{"uint8Val", SOH_FIELD_UINT8, VALUE(uint8Val)}}, 1,
                                     NO_ELEMENTS},
    [sohAttributeTypeSoftwareVersion] = {"Software-Version", 0, {{NULL, 0, 0}}, 0, OCTET_STRING},
    [sohAttributeTypeProductName] = {"Product-Name", 0, {{NULL, 0, 0}}, 0, OCTET_STRING},
    [sohAttributeTypeHealthClassStatus] = {"Health-Class-Status", 0, {{NULL, 0, 0}}, 0,
                                           OCTET_STRING},
    [sohAttributeTypeSoHGenerationTime] = {"SoH-Generation-Time", 1,
                                           {{"dateTimeVal", SOH_FIELD_FILETIME,
                                             VALUE(dateTimeVal)}}, 8,
                                           NO_ELEMENTS},
    [sohAttributeTypeErrorCodes] = {"Error-Codes", 0, {{NULL, 0, 0}}, 0, RESULT_CODES},
    [sohAttributeTypeFailureCategory] = {"Failure-Category", 1,
                                         {{"uint8Val", SOH_FIELD_UINT8, VALUE(uint8Val)}}, 1,
                                         NO_ELEMENTS},
    [sohAttributeTypeIpv6FixupServers] = {"IPv6-Fixup-Servers", 0, {{NULL, 0, 0}}, 0,
                                          SOH_ELEMENTS_RAW, sizeof(Ipv6Address), 0,
                                          VALUE(v6AddressesVal.count),
                                          VALUE(v6AddressesVal.addresses), "addresses", 1,
                                          maxIpv6CountPerSoHAttribute},
    [sohAttributeTypeExtendedIsolationState] = {"Extended-Isolation-State", 1,
                                                {{"uint8Val", SOH_FIELD_UINT8,
                                                  VALUE(uint8Val)}}, 1,
                                                NO_ELEMENTS},
};

const struct soh_layout soh_unknown_attribute_type = {"unknown", 0, {{NULL, 0, 0}}, 0,
                                                         OCTET_STRING};

/* The 16-bit length before the IDs counts bytes, so it holds at most 0xFFFF / 4 of them. */
#define ID_LIST                                                                      \
    SOH_ELEMENTS_BE32, 4, 1, TYPE_VALUE(idList.count), TYPE_VALUE(idList.ids), "ids", 0, \
        0xFFFF / 4

const struct soh_layout soh_type_values[SOH_TYPE_VALUE_ROWS] = {
    [napSoHMessageMachineInventory] = {"MS-Machine-Inventory", 6,
                                       {{"osMajorVersion", SOH_FIELD_BE32,
                                         TYPE_VALUE(machineInventory.osMajorVersion)},
                                        {"osMinorVersion", SOH_FIELD_BE32,
                                         TYPE_VALUE(machineInventory.osMinorVersion)},
                                        {"osBuildNumber", SOH_FIELD_BE32,
                                         TYPE_VALUE(machineInventory.osBuildNumber)},
                                        {"servicePackMajor", SOH_FIELD_BE16,
                                         TYPE_VALUE(machineInventory.servicePackMajor)},
                                        {"servicePackMinor", SOH_FIELD_BE16,
                                         TYPE_VALUE(machineInventory.servicePackMinor)},
                                        {"processorArchitecture", SOH_FIELD_BE16,
                                         TYPE_VALUE(machineInventory.processorArchitecture)}}, 18,
                                       NO_ELEMENTS},
    [napSoHMessageQuarantineState] = {"MS-Quarantine-State", 2,
                                      {{"flags", SOH_FIELD_BE16,
                                        TYPE_VALUE(quarantineState.flags)},
                                       {"probationTime", SOH_FIELD_FILETIME,
                                        TYPE_VALUE(quarantineState.probationTime)}}, 10,
                                      SOH_ELEMENTS_RAW, 1, 1,
                                      TYPE_VALUE(quarantineState.urlSize),
                                      TYPE_VALUE(quarantineState.url), "url", 0, 0xFFFF},
    [napSoHMessagePacketInfo] = {"MS-Packet-Info", 1,
                                 {{"value", SOH_FIELD_UINT8, TYPE_VALUE(packetInfo)}}, 1,
                                 NO_ELEMENTS},
    [napSoHMessageSystemGeneratedIds] = {"MS-SystemGenerated-Ids", 0, {{NULL, 0, 0}}, 0, ID_LIST},
    [napSoHMessageMachineName] = {"MS-MachineName", 0, {{NULL, 0, 0}}, 0, SOH_ELEMENTS_RAW, 1, 1,
                                  TYPE_VALUE(machineName.size), TYPE_VALUE(machineName.bytes),
                                  "machineName", 0, 0xFFFF},
    [napSoHMessageCorrelationId] = {"MS-CorrelationId", 1,
                                    {{"correlationId", SOH_FIELD_CORRELATION_ID,
                                      TYPE_VALUE(correlationId)}}, 24,
                                    NO_ELEMENTS},
    [napSoHMessageInstalledShvs] = {"MS-Installed-Shvs", 0, {{NULL, 0, 0}}, 0, ID_LIST},
    [napSoHMessageMachineInventoryEx] = {"MS-Machine-Inventory-Ex", 2,
                                         {{"reserved", SOH_FIELD_BE32,
                                           TYPE_VALUE(machineInventoryEx.reserved)},
                                          {"productType", SOH_FIELD_UINT8,
                                           TYPE_VALUE(machineInventoryEx.productType)}}, 5,
                                         NO_ELEMENTS},
};

size_t soh_field_size(enum soh_field_kind kind)
{
    static const unsigned char sizes[] = {
        [SOH_FIELD_UINT8] = 1, [SOH_FIELD_BE16] = 2, [SOH_FIELD_BE32] = 4,
        [SOH_FIELD_FILETIME] = 8, [SOH_FIELD_CORRELATION_ID] = CORRELATION_ID_SIZE};

    return sizes[kind];
}

/* The members of a C structure, by the offsets in a row. */
static void *member(const void *value, unsigned offset)
{
    return (BYTE *)(uintptr_t)value + offset;
}

HRESULT soh_check_value(const struct soh_layout *layout, const void *value)
{
    UINT16 count = soh_element_count(layout, value);

    if (count < layout->min_count || count > layout->max_count)
        return E_INVALIDARG;
    return count > 0 && soh_element_buffer(layout, value) == NULL ? E_POINTER : S_OK;
}

size_t soh_wire_size(const struct soh_layout *layout, const void *value)
{
    size_t size = layout->fixed_size;

    if (layout->length_prefixed)
        size += 2;
    return size + (size_t)soh_element_count(layout, value) * layout->element_size;
}

static void write_field(const struct soh_field *field, const void *value, BYTE *out)
{
    const void *in = member(value, field->offset);

    switch (field->kind) {
    case SOH_FIELD_UINT8:
        out[0] = *(const BYTE *)in;
        break;
    case SOH_FIELD_BE16:
        put_be16(out, *(const UINT16 *)in);
        break;
    case SOH_FIELD_BE32:
        put_be32(out, *(const UINT32 *)in);
        break;
    case SOH_FIELD_FILETIME:
        put_filetime(out, *(const FILETIME *)in);
        break;
    case SOH_FIELD_CORRELATION_ID:
        put_correlation_id(out, in);
        break;
    }
}

static void write_elements(const struct soh_layout *layout, const void *value, BYTE *out)
{
    UINT16 count = soh_element_count(layout, value);
    const BYTE *buffer = soh_element_buffer(layout, value);
    size_t size = (size_t)count * layout->element_size;
    UINT16 i;

    if (layout->length_prefixed) {
        put_be16(out, (UINT16)size);
        out += 2;
    }
    if (layout->element_kind == SOH_ELEMENTS_RAW) {
        if (size > 0)
            memcpy(out, buffer, size);
    } else {
        for (i = 0; i < count; i++)
            put_be32(out + 4 * i, ((const UINT32 *)(const void *)buffer)[i]);
    }
}

void soh_write(const struct soh_layout *layout, const void *value, BYTE *out)
{
    unsigned i;

    for (i = 0; i < layout->field_count; i++) {
        write_field(&layout->fields[i], value, out);
        out += soh_field_size(layout->fields[i].kind);
    }
    if (layout->element_kind != SOH_ELEMENTS_NONE)
        write_elements(layout, value, out);
}

/*
 * Reads one field at in into its member of value; returns where the next
 * field starts.
 */
static const BYTE *read_field(const struct soh_field *field, const BYTE *in, void *value)
{
    void *out = member(value, field->offset);

    switch (field->kind) {
    case SOH_FIELD_UINT8:
        *(BYTE *)out = in[0];
        return in + 1;
    case SOH_FIELD_BE16:
        *(UINT16 *)out = get_be16(in);
        return in + 2;
    case SOH_FIELD_BE32:
        *(UINT32 *)out = get_be32(in);
        return in + 4;
    case SOH_FIELD_FILETIME:
        *(FILETIME *)out = get_filetime(in);
        return in + 8;
    default:
        *(CorrelationId *)out = get_correlation_id(in);
        return in + CORRELATION_ID_SIZE;
    }
}

static void *read_elements(const struct soh_layout *layout, const BYTE *in, UINT16 count,
                           void *storage)
{
    UINT32 *integers = storage;
    UINT16 i;

    if (count == 0)
        return NULL;
    if (layout->element_kind == SOH_ELEMENTS_BE32) {
        for (i = 0; i < count; i++)
            integers[i] = get_be32(in + 4 * i);
        return storage;
    }
    if (storage == NULL)
        return (void *)(uintptr_t)in;
    memcpy(storage, in, (size_t)count * layout->element_size);
    return storage;
}

void soh_read(const struct soh_layout *layout, const BYTE *in, UINT16 count, void *storage,
              void *value)
{
    unsigned i;

    for (i = 0; i < layout->field_count; i++)
        in = read_field(&layout->fields[i], in, value);
    if (layout->element_kind == SOH_ELEMENTS_NONE)
        return;
    if (layout->length_prefixed)
        in += 2;
    *(UINT16 *)member(value, layout->count_offset) = count;
    *(void **)member(value, layout->buffer_offset) = read_elements(layout, in, count, storage);
}
