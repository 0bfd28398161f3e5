/*
 * sohmessage.c - the SoH wire message: NapSoHMessageEncode writes a whole
 * SoH (or SoHR) message, NapSoHMessageDecode reads one back, and
 * NapSoHMessageFree releases what the decoder built.
 *
 * The encoder runs its writers twice: once without a buffer to measure the
 * message (so the limit is checked before anything is allocated), then
 * into the buffer.  The decoder walks the TLVs once without allocating, so
 * that their framing is known good (or the offset of the first wrong byte
 * known) before it allocates the arrays and copies; every read is bounded
 * by the bytes actually present, whatever a length field inside says.
 * Where it finds a fault it also says, in words, what is wrong there
 * (NapSoHMessageDecodeEx), since an offset alone leaves the reader to redo
 * the walk by hand.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "napmicrosoftvendorids.h"
#include "naputil.h"
#include "sohattr.h"
#include "taskmem.h"

#define HEADER_SIZE 12
#define TLV_HEADER_SIZE 4
#define MODE_SUB_HEADER_LENGTH 30
#define MODE_SUB_HEADER_SIZE (TLV_HEADER_SIZE + MODE_SUB_HEADER_LENGTH)
#define CORRELATION_ID_SIZE 24
/* The M and R flags share the 16-bit type field with the 14-bit type. */
#define TLV_TYPE_MASK 0x3FFF
/* The attribute types of Microsoft's SoHAttributeType enumeration that the library understands. */
#define LAST_KNOWN_TLV_TYPE sohAttributeTypeExtendedIsolationState

#define MACHINE_INVENTORY_SIZE 18
#define QUARANTINE_STATE_FIXED_SIZE 12
#define MACHINE_INVENTORY_EX_SIZE 5
#define ID_SIZE 4

/* ---- writing ---- */

/* A writer without a buffer only counts, so the same code measures and writes. */
struct writer {
    BYTE *out;
    size_t used;
};

static void put_bytes(struct writer *w, const void *bytes, size_t size)
{
    if (w->out != NULL && size > 0)
        memcpy(w->out + w->used, bytes, size);
    w->used += size;
}

static void put_u8(struct writer *w, BYTE v)
{
    put_bytes(w, &v, 1);
}

static void put_be16(struct writer *w, UINT16 v)
{
    BYTE bytes[2] = { (BYTE)(v >> 8), (BYTE)v };

    put_bytes(w, bytes, sizeof(bytes));
}

static void put_be32(struct writer *w, UINT32 v)
{
    BYTE bytes[4] = { (BYTE)(v >> 24), (BYTE)(v >> 16), (BYTE)(v >> 8), (BYTE)v };

    put_bytes(w, bytes, sizeof(bytes));
}

/* A FILETIME is one 64-bit big-endian number: the high half first. */
static void put_filetime(struct writer *w, FILETIME time)
{
    put_be32(w, time.dwHighDateTime);
    put_be32(w, time.dwLowDateTime);
}

/* A GUID field by field, big-endian; never the host struct's bytes. */
static void put_correlation_id(struct writer *w, const CorrelationId *id)
{
    put_be32(w, id->connId.Data1);
    put_be16(w, id->connId.Data2);
    put_be16(w, id->connId.Data3);
    put_bytes(w, id->connId.Data4, sizeof(id->connId.Data4));
    put_filetime(w, id->timeStamp);
}

static void put_tlv_header(struct writer *w, UINT16 type, size_t length)
{
    put_be16(w, type);
    put_be16(w, (UINT16)length);
}

/* Overwrites 16 bits already written at offset at: a length known only afterwards. */
static void patch_be16(struct writer *w, size_t at, size_t v)
{
    if (w->out != NULL) {
        w->out[at] = (BYTE)(v >> 8);
        w->out[at + 1] = (BYTE)v;
    }
}

/* Starts a TLV whose length end_tlv fills in; returns where it starts. */
static size_t begin_tlv(struct writer *w, UINT16 type)
{
    size_t start = w->used;

    put_tlv_header(w, type, 0);
    return start;
}

static void end_tlv(struct writer *w, size_t start)
{
    patch_be16(w, start + 2, w->used - start - TLV_HEADER_SIZE);
}

static void put_id_list(struct writer *w, const NapSoHMessageIdList *list)
{
    UINT16 i;

    put_be16(w, (UINT16)(list->count * ID_SIZE));
    for (i = 0; i < list->count; i++)
        put_be32(w, list->ids[i]);
}

static void put_machine_inventory(struct writer *w, const NapSoHMessageMachineInventory *inv)
{
    put_be32(w, inv->osMajorVersion);
    put_be32(w, inv->osMinorVersion);
    put_be32(w, inv->osBuildNumber);
    put_be16(w, inv->servicePackMajor);
    put_be16(w, inv->servicePackMinor);
    put_be16(w, inv->processorArchitecture);
}

/* A 16-bit size, then the bytes. */
static void put_counted(struct writer *w, UINT16 size, const BYTE *bytes)
{
    put_be16(w, size);
    put_bytes(w, bytes, size);
}

static void put_quarantine_state(struct writer *w, const NapSoHMessageQuarantineState *state)
{
    put_be16(w, state->flags);
    put_filetime(w, state->probationTime);
    put_counted(w, state->urlSize, state->url);
}

/* One Microsoft type-value attribute: the type byte, then its layout. */
static void put_system_attribute(struct writer *w, const NapSoHMessageSystemAttribute *a)
{
    put_u8(w, (BYTE)a->type);
    switch (a->type) {
    case napSoHMessageMachineInventory:
        put_machine_inventory(w, &a->value.machineInventory);
        break;
    case napSoHMessageQuarantineState:
        put_quarantine_state(w, &a->value.quarantineState);
        break;
    case napSoHMessagePacketInfo:
        put_u8(w, a->value.packetInfo);
        break;
    case napSoHMessageSystemGeneratedIds:
    case napSoHMessageInstalledShvs:
        put_id_list(w, &a->value.idList);
        break;
    case napSoHMessageMachineName:
        put_counted(w, a->value.machineName.size, a->value.machineName.bytes);
        break;
    case napSoHMessageCorrelationId:
        put_correlation_id(w, &a->value.correlationId);
        break;
    case napSoHMessageMachineInventoryEx:
        put_be32(w, a->value.machineInventoryEx.reserved);
        put_u8(w, a->value.machineInventoryEx.productType);
        break;
    }
}

static void put_attributes(struct writer *w, const SoHAttribute *attributes, UINT16 count)
{
    UINT16 i;

    for (i = 0; i < count; i++) {
        put_tlv_header(w, attributes[i].type, attributes[i].size);
        put_bytes(w, attributes[i].value, attributes[i].size);
    }
}

/* The SSoH: its System-Health-ID, the Microsoft attribute, then any other TLVs. */
static void put_system_entry(struct writer *w, const NapSoHMessage *message)
{
    size_t microsoft;
    UINT16 i;

    put_tlv_header(w, sohAttributeTypeSystemHealthId, SYSTEM_HEALTH_ID_SIZE);
    put_be32(w, NapSystemId);
    microsoft = begin_tlv(w, sohAttributeTypeVendorSpecific);
    put_be32(w, MicrosoftVendorId);
    for (i = 0; i < message->systemAttributeCount; i++)
        put_system_attribute(w, &message->systemAttributes[i]);
    end_tlv(w, microsoft);
    if (message->systemExtras != NULL)
        put_attributes(w, message->systemExtras->attributes, message->systemExtras->count);
}

static void put_mode_sub_header(struct writer *w, const NapSoHMessage *message)
{
    put_tlv_header(w, sohAttributeTypeVendorSpecific, MODE_SUB_HEADER_LENGTH);
    put_be32(w, MicrosoftVendorId);
    put_correlation_id(w, &message->correlationId);
    put_u8(w, message->intent);
    put_u8(w, message->contentType);
}

static UINT16 encoded_format(const NapSoHMessage *message)
{
    return message->format == NAP_SOH_MESSAGE_FORMAT_1 ? NAP_SOH_MESSAGE_FORMAT_1
                                                       : NAP_SOH_MESSAGE_FORMAT_2;
}

static BOOL message_is_empty(const NapSoHMessage *message)
{
    return !message->hasSystemEntry && message->entryCount == 0;
}

/* Everything after the 12-byte header. */
static void put_body(struct writer *w, const NapSoHMessage *message)
{
    UINT16 i;

    if (message_is_empty(message))
        return;
    if (encoded_format(message) == NAP_SOH_MESSAGE_FORMAT_2)
        put_mode_sub_header(w, message);
    if (message->hasSystemEntry)
        put_system_entry(w, message);
    for (i = 0; i < message->entryCount; i++)
        put_attributes(w, message->entries[i]->attributes, message->entries[i]->count);
}

/* The 12-byte header, whose two lengths are known once the body is written, then the body. */
static void put_message(struct writer *w, const NapSoHMessage *message)
{
    size_t start = begin_tlv(w, sohAttributeTypeVendorSpecific);

    put_be32(w, MicrosoftVendorId);
    put_be16(w, encoded_format(message));
    put_be16(w, 0);
    put_body(w, message);
    patch_be16(w, start + HEADER_SIZE - 2, w->used - start - HEADER_SIZE);
    end_tlv(w, start);
}

/* ---- checking what the caller asks to encode ---- */

static HRESULT check_buffer(UINT16 size, const void *buffer)
{
    return size > 0 && buffer == NULL ? E_POINTER : S_OK;
}

static HRESULT check_system_attribute(const NapSoHMessageSystemAttribute *a)
{
    switch (a->type) {
    case napSoHMessageMachineInventory:
    case napSoHMessagePacketInfo:
    case napSoHMessageCorrelationId:
    case napSoHMessageMachineInventoryEx:
        return S_OK;
    case napSoHMessageQuarantineState:
        return check_buffer(a->value.quarantineState.urlSize, a->value.quarantineState.url);
    case napSoHMessageSystemGeneratedIds:
    case napSoHMessageInstalledShvs:
        return check_buffer(a->value.idList.count, a->value.idList.ids);
    case napSoHMessageMachineName:
        return check_buffer(a->value.machineName.size, a->value.machineName.bytes);
    }
    return E_INVALIDARG;
}

/* The SSoH's other TLVs: any type but a System-Health-ID, which would start an entry. */
static HRESULT check_system_extras(const SoH *extras)
{
    UINT16 i;

    if (extras == NULL)
        return S_OK;
    if (check_buffer(extras->count, extras->attributes) != S_OK)
        return E_POINTER;
    for (i = 0; i < extras->count; i++) {
        const SoHAttribute *a = &extras->attributes[i];

        if (a->type == sohAttributeTypeSystemHealthId || a->type > TLV_TYPE_MASK)
            return E_INVALIDARG;
        if (check_buffer(a->size, a->value) != S_OK)
            return E_POINTER;
    }
    return S_OK;
}

static HRESULT check_system_entry(const NapSoHMessage *message)
{
    HRESULT hr;
    UINT16 i;

    if (!message->hasSystemEntry)
        return message->systemAttributeCount == 0 && message->systemExtras == NULL ? S_OK
                                                                                   : E_INVALIDARG;
    if (check_buffer(message->systemAttributeCount, message->systemAttributes) != S_OK)
        return E_POINTER;
    for (i = 0; i < message->systemAttributeCount; i++) {
        hr = check_system_attribute(&message->systemAttributes[i]);
        if (FAILED(hr))
            return hr;
    }
    return check_system_extras(message->systemExtras);
}

/*
 * Each entry must be a valid SoH of the message's direction; without an
 * SSoH, the first entry may not look like one to the decoder.
 */
static HRESULT check_entries(const NapSoHMessage *message)
{
    UINT16 i;

    if (check_buffer(message->entryCount, message->entries) != S_OK)
        return E_POINTER;
    for (i = 0; i < message->entryCount; i++) {
        if (message->entries[i] == NULL)
            return E_POINTER;
        if (soh_validate(message->entries[i], !message->isResponse) != S_OK)
            return E_INVALIDARG;
    }
    if (!message->hasSystemEntry && message->entryCount > 0 &&
        soh_system_health_id(message->entries[0]) == NapSystemId)
        return E_INVALIDARG;
    return S_OK;
}

static HRESULT check_message(const NapSoHMessage *message)
{
    HRESULT hr;

    if (message->format > NAP_SOH_MESSAGE_FORMAT_2)
        return E_INVALIDARG;
    hr = check_system_entry(message);
    if (FAILED(hr))
        return hr;
    return check_entries(message);
}

static size_t size_limit(UINT16 maxSize)
{
    return maxSize == 0 || maxSize > maxNetworkSoHSize ? maxNetworkSoHSize : maxSize;
}

HRESULT WINAPI NapSoHMessageEncode(const NapSoHMessage *message, UINT16 maxSize,
                                   NetworkSoH **networkSoh)
{
    struct writer measure = { NULL, 0 };
    struct writer w;
    NetworkSoH *result;
    HRESULT hr;

    if (networkSoh == NULL)
        return E_POINTER;
    *networkSoh = NULL;
    if (message == NULL)
        return E_POINTER;
    hr = check_message(message);
    if (FAILED(hr))
        return hr;
    put_message(&measure, message);
    if (measure.used > size_limit(maxSize))
        return E_INVALIDARG;

    result = taskmem_zalloc(sizeof(*result));
    if (result == NULL)
        return E_OUTOFMEMORY;
    result->data = taskmem_alloc(measure.used);
    if (result->data == NULL) {
        taskmem_free(result);
        return E_OUTOFMEMORY;
    }
    w.out = result->data;
    w.used = 0;
    put_message(&w, message);
    result->size = (UINT16)w.used;
    *networkSoh = result;
    return S_OK;
}

/* ---- reading ---- */

/*
 * The bytes of the message, where the first fault was found and the
 * caller's buffer for what is wrong there (NULL when it wants none).
 * Every reader is given the end of its own range, which never lies beyond
 * size.
 */
struct decoder {
    const BYTE *data;
    UINT16 size;
    UINT16 error_offset;
    char *reason;
    size_t reason_size;
};

static CorrelationId get_correlation_id(const BYTE *in)
{
    CorrelationId id;

    id.connId.Data1 = get_be32(in);
    id.connId.Data2 = get_be16(in + 4);
    id.connId.Data3 = get_be16(in + 6);
    memcpy(id.connId.Data4, in + 8, sizeof(id.connId.Data4));
    id.timeStamp = get_filetime(in + 16);
    return id;
}

/* Records the first fault and what is wrong there; always NAP_E_INVALID_PACKET. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static HRESULT invalid_at(struct decoder *d, size_t offset, const char *format, ...)
{
    va_list args;

    d->error_offset = (UINT16)offset;
    if (d->reason != NULL && d->reason_size > 0) {
        va_start(args, format);
        vsnprintf(d->reason, d->reason_size, format, args);
        va_end(args);
    }
    return NAP_E_INVALID_PACKET;
}

/* The bytes from pos to end, none when pos lies past end. */
static size_t bytes_left(size_t pos, size_t end)
{
    return pos > end ? 0 : end - pos;
}

/* The name of a Microsoft type-value, as TCG's IF-TNCCS-SOH (section 3.8) gives it. */
static const char *system_attribute_name(BYTE type)
{
    static const char *const names[] = {
        "MS-Machine-Inventory", "MS-Quarantine-State", "MS-Packet-Info",
        "MS-SystemGenerated-Ids", "MS-MachineName", "MS-CorrelationId", "MS-Installed-Shvs",
        "MS-Machine-Inventory-Ex"};

    return type >= 1 && type <= 8 ? names[type - 1] : "unknown";
}

/* One TLV as found in the message, with M and R masked off its type. */
struct tlv {
    UINT16 offset;
    UINT16 type;
    UINT16 length;
    const BYTE *value;
};

/*
 * The TLV at pos: its header and value must lie before the end, and an M
 * flag is allowed only on a type the library understands.
 */
static HRESULT read_tlv(struct decoder *d, size_t pos, struct tlv *tlv)
{
    UINT16 raw_type;

    if (bytes_left(pos, d->size) < TLV_HEADER_SIZE)
        return invalid_at(d, d->size, "the message ends inside a TLV header (%zu of 4 bytes)",
                          bytes_left(pos, d->size));
    raw_type = get_be16(d->data + pos);
    tlv->offset = (UINT16)pos;
    tlv->type = raw_type & TLV_TYPE_MASK;
    tlv->length = get_be16(d->data + pos + 2);
    tlv->value = d->data + pos + TLV_HEADER_SIZE;
    if ((raw_type & SOH_ATTRIBUTE_MANDATORY_FLAG) &&
        (tlv->type < sohAttributeTypeSystemHealthId || tlv->type > LAST_KNOWN_TLV_TYPE))
        return invalid_at(d, pos, "mandatory (M) flag on unknown TLV type %u",
                          (unsigned)tlv->type);
    if (tlv->length > d->size - pos - TLV_HEADER_SIZE)
        return invalid_at(d, pos + 2,
                          "TLV length 0x%04x runs past the end of the message (0x%04zx left)",
                          (unsigned)tlv->length, (size_t)(d->size - pos - TLV_HEADER_SIZE));
    if (tlv->type == sohAttributeTypeSystemHealthId && tlv->length != SYSTEM_HEALTH_ID_SIZE)
        return invalid_at(d, pos + 2, "System-Health-ID length %u, not 4",
                          (unsigned)tlv->length);
    return S_OK;
}

static size_t tlv_end(const struct tlv *tlv)
{
    return (size_t)tlv->offset + TLV_HEADER_SIZE + tlv->length;
}

/* ---- Microsoft type-value attributes ---- */

/* A fixed-size layout of size bytes after the type byte at pos. */
static HRESULT fixed_size(struct decoder *d, size_t pos, size_t end, size_t size, size_t *next)
{
    if (bytes_left(pos + 1, end) < size)
        return invalid_at(d, end,
                          "%s (Microsoft type-value %u) needs %zu bytes, %zu left in the "
                          "Microsoft attribute",
                          system_attribute_name(d->data[pos]), d->data[pos], size,
                          bytes_left(pos + 1, end));
    *next = pos + 1 + size;
    return S_OK;
}

/* A layout of fixed bytes, then a 16-bit length and that many bytes. */
static HRESULT counted_size(struct decoder *d, size_t pos, size_t end, size_t fixed,
                            UINT16 multiple, size_t *next)
{
    const char *name = system_attribute_name(d->data[pos]);
    size_t length_pos = pos + 1 + fixed;
    UINT16 length;

    if (bytes_left(pos + 1, end) < fixed + 2)
        return invalid_at(d, end,
                          "%s (Microsoft type-value %u) needs %zu bytes up to its length, "
                          "%zu left in the Microsoft attribute",
                          name, d->data[pos], fixed + 2, bytes_left(pos + 1, end));
    length = get_be16(d->data + length_pos);
    if (length % multiple != 0)
        return invalid_at(d, length_pos, "%s length %u is not a multiple of %u", name,
                          (unsigned)length, (unsigned)multiple);
    if (length > end - length_pos - 2)
        return invalid_at(d, length_pos,
                          "%s length 0x%04x runs past the end of the Microsoft attribute "
                          "(0x%04zx left)",
                          name, (unsigned)length, end - length_pos - 2);
    *next = length_pos + 2 + length;
    return S_OK;
}

/*
 * The extent of the type-value attribute at pos: *next is where the next
 * one starts.  There is no length byte, so an unknown type ends the walk.
 */
static HRESULT system_attribute_extent(struct decoder *d, size_t pos, size_t end, size_t *next)
{
    switch (d->data[pos]) {
    case napSoHMessageMachineInventory:
        return fixed_size(d, pos, end, MACHINE_INVENTORY_SIZE, next);
    case napSoHMessageQuarantineState:
        return counted_size(d, pos, end, QUARANTINE_STATE_FIXED_SIZE - 2, 1, next);
    case napSoHMessagePacketInfo:
        return fixed_size(d, pos, end, 1, next);
    case napSoHMessageSystemGeneratedIds:
    case napSoHMessageInstalledShvs:
        return counted_size(d, pos, end, 0, ID_SIZE, next);
    case napSoHMessageMachineName:
        return counted_size(d, pos, end, 0, 1, next);
    case napSoHMessageCorrelationId:
        return fixed_size(d, pos, end, CORRELATION_ID_SIZE, next);
    case napSoHMessageMachineInventoryEx:
        return fixed_size(d, pos, end, MACHINE_INVENTORY_EX_SIZE, next);
    default:
        return invalid_at(d, pos, "unknown Microsoft type-value %u", d->data[pos]);
    }
}

/* The number of type-value attributes from pos to end, all well-formed. */
static HRESULT count_system_attributes(struct decoder *d, size_t pos, size_t end, UINT16 *count)
{
    size_t next;

    *count = 0;
    while (pos < end) {
        if (system_attribute_extent(d, pos, end, &next) != S_OK)
            return NAP_E_INVALID_PACKET;
        pos = next;
        (*count)++;
    }
    return S_OK;
}

static HRESULT get_id_list(const BYTE *in, NapSoHMessageIdList *list)
{
    UINT16 i;

    list->count = get_be16(in) / ID_SIZE;
    list->ids = NULL;
    if (list->count == 0)
        return S_OK;
    list->ids = taskmem_alloc(list->count * sizeof(*list->ids));
    if (list->ids == NULL) {
        list->count = 0;
        return E_OUTOFMEMORY;
    }
    for (i = 0; i < list->count; i++)
        list->ids[i] = get_be32(in + 2 + i * ID_SIZE);
    return S_OK;
}

static void get_machine_inventory(const BYTE *in, NapSoHMessageMachineInventory *inv)
{
    inv->osMajorVersion = get_be32(in);
    inv->osMinorVersion = get_be32(in + 4);
    inv->osBuildNumber = get_be32(in + 8);
    inv->servicePackMajor = get_be16(in + 12);
    inv->servicePackMinor = get_be16(in + 14);
    inv->processorArchitecture = get_be16(in + 16);
}

/* A 16-bit size, then that many bytes, which get a block of their own. */
static HRESULT get_counted(const BYTE *in, UINT16 *size, BYTE **bytes)
{
    void *copy;
    HRESULT hr;

    *size = get_be16(in);
    hr = taskmem_duplicate(in + 2, *size, &copy);
    *bytes = copy;
    if (FAILED(hr))
        *size = 0;
    return hr;
}

static HRESULT get_quarantine_state(const BYTE *in, NapSoHMessageQuarantineState *state)
{
    state->flags = get_be16(in);
    state->probationTime = get_filetime(in + 2);
    return get_counted(in + 10, &state->urlSize, &state->url);
}

/*
 * Decodes one type-value attribute that system_attribute_extent accepted.
 * On failure, *a owns no block.
 */
static HRESULT get_system_attribute(const BYTE *in, NapSoHMessageSystemAttribute *a)
{
    a->type = (NapSoHMessageSystemAttributeType)in[0];
    in++;
    switch (a->type) {
    case napSoHMessageMachineInventory:
        get_machine_inventory(in, &a->value.machineInventory);
        return S_OK;
    case napSoHMessageQuarantineState:
        return get_quarantine_state(in, &a->value.quarantineState);
    case napSoHMessagePacketInfo:
        a->value.packetInfo = in[0];
        return S_OK;
    case napSoHMessageSystemGeneratedIds:
    case napSoHMessageInstalledShvs:
        return get_id_list(in, &a->value.idList);
    case napSoHMessageMachineName:
        return get_counted(in, &a->value.machineName.size, &a->value.machineName.bytes);
    case napSoHMessageCorrelationId:
        a->value.correlationId = get_correlation_id(in);
        return S_OK;
    case napSoHMessageMachineInventoryEx:
        a->value.machineInventoryEx.reserved = get_be32(in);
        a->value.machineInventoryEx.productType = in[4];
        return S_OK;
    }
    return S_OK;
}

static void free_system_attribute(NapSoHMessageSystemAttribute *a)
{
    switch (a->type) {
    case napSoHMessageQuarantineState:
        taskmem_free(a->value.quarantineState.url);
        break;
    case napSoHMessageSystemGeneratedIds:
    case napSoHMessageInstalledShvs:
        taskmem_free(a->value.idList.ids);
        break;
    case napSoHMessageMachineName:
        taskmem_free(a->value.machineName.bytes);
        break;
    default:
        break;
    }
}

/*
 * Decodes the type-value attributes of the Microsoft TLV's value, from pos
 * to end, into the message.  systemAttributeCount grows with each decoded
 * attribute, so NapSoHMessageFree undoes a partial decode.
 */
static HRESULT decode_system_attributes(struct decoder *d, size_t pos, size_t end,
                                        NapSoHMessage *message)
{
    UINT16 count;
    size_t next;

    if (count_system_attributes(d, pos, end, &count) != S_OK)
        return NAP_E_INVALID_PACKET;
    if (count == 0)
        return S_OK;
    message->systemAttributes = taskmem_zalloc(count * sizeof(*message->systemAttributes));
    if (message->systemAttributes == NULL)
        return E_OUTOFMEMORY;
    while (pos < end) {
        /* count_system_attributes has checked every extent already. */
        system_attribute_extent(d, pos, end, &next);
        if (FAILED(get_system_attribute(d->data + pos,
                                        &message->systemAttributes[message->systemAttributeCount])))
            return E_OUTOFMEMORY;
        message->systemAttributeCount++;
        pos = next;
    }
    return S_OK;
}

/* ---- entries ---- */

/* The TLVs of one entry: from its System-Health-ID to the next one or the end. */
struct entry {
    UINT16 count;
    SoHAttribute attributes[maxSoHAttributeCount];
};

/*
 * Reads the entry starting at *pos (a System-Health-ID TLV, which the walk
 * of count_entries checked) into entry, and moves *pos past it.  The
 * attribute values point into the message, which is only read.
 */
static HRESULT read_entry(struct decoder *d, size_t *pos, struct entry *entry)
{
    struct tlv tlv;

    entry->count = 0;
    do {
        read_tlv(d, *pos, &tlv);
        if (entry->count == maxSoHAttributeCount)
            return invalid_at(d, *pos, "more than %u TLVs in one entry",
                              (unsigned)maxSoHAttributeCount);
        entry->attributes[entry->count].type = tlv.type;
        entry->attributes[entry->count].size = tlv.length;
        /* SoHAttribute has no const member; the decoder only reads through it. */
        entry->attributes[entry->count].value = (BYTE *)(uintptr_t)tlv.value;
        entry->count++;
        *pos = tlv_end(&tlv);
    } while (*pos < d->size &&
             (get_be16(d->data + *pos) & TLV_TYPE_MASK) != sohAttributeTypeSystemHealthId);
    return S_OK;
}

/* Whether the attribute is the SSoH's Microsoft type-value TLV. */
static BOOL is_microsoft_attribute(const SoHAttribute *a)
{
    return a->type == sohAttributeTypeVendorSpecific && a->size >= VENDOR_ID_SIZE &&
           get_be32(a->value) == MicrosoftVendorId;
}

/*
 * The SSoH: the first Microsoft TLV gives the type-value attributes; every
 * other TLV after the System-Health-ID is kept raw in systemExtras.
 */
static HRESULT decode_system_entry(struct decoder *d, const struct entry *entry,
                                   NapSoHMessage *message)
{
    SoHAttribute extras[maxSoHAttributeCount];
    UINT16 extra_count = 0;
    BOOL decoded = FALSE;
    HRESULT hr;
    UINT16 i;

    message->hasSystemEntry = TRUE;
    for (i = 1; i < entry->count; i++) {
        const SoHAttribute *a = &entry->attributes[i];

        if (!decoded && is_microsoft_attribute(a)) {
            size_t start = (size_t)(a->value - d->data);

            hr = decode_system_attributes(d, start + VENDOR_ID_SIZE, start + a->size, message);
            if (FAILED(hr))
                return hr;
            decoded = TRUE;
        } else {
            extras[extra_count++] = *a;
        }
    }
    if (extra_count == 0)
        return S_OK;
    return soh_copy(extras, extra_count, &message->systemExtras);
}

/*
 * Says why soh_validate refused the entry at start.  soh_validate is the
 * judge; this only names what it objects to.  The walk has already made
 * the first TLV the only System-Health-ID, taken the M flags off, and kept
 * to maxSoHAttributeCount, so a size that does not fit its type, or (in an
 * SoHR) the rules on what a response holds, is what remains: when no size
 * is wrong, the entry is an SoHR's.
 */
static HRESULT invalid_entry(struct decoder *d, const struct entry *entry, size_t start)
{
    UINT16 i;

    for (i = 0; i < entry->count; i++) {
        const SoHAttribute *a = &entry->attributes[i];

        if (!sohattr_wire_size_valid(a->type, a->size))
            return invalid_at(d, start,
                              "report entry: TLV type %u at offset %zu has %u bytes, a size "
                              "its type does not allow",
                              (unsigned)a->type,
                              (size_t)(a->value - d->data) - TLV_HEADER_SIZE, (unsigned)a->size);
    }
    if (soh_count_of_type(entry->attributes, entry->count,
                          sohAttributeTypeComplianceResultCodes) == 0 &&
        soh_count_of_type(entry->attributes, entry->count, sohAttributeTypeFailureCategory) == 0)
        return invalid_at(d, start,
                          "report entry of an SoHR without Compliance-Result-Codes or "
                          "Failure-Category");
    return invalid_at(d, start,
                      "report entry of an SoHR with more than one set of fixup servers "
                      "of one address family");
}

/* A report entry: a valid SoH of the message's direction, copied. */
static HRESULT decode_report_entry(struct decoder *d, struct entry *entry, size_t start,
                                   NapSoHMessage *message)
{
    SoH view;
    HRESULT hr;

    view.count = entry->count;
    view.attributes = entry->attributes;
    if (soh_validate(&view, !message->isResponse) != S_OK)
        return invalid_entry(d, entry, start);
    hr = soh_copy(entry->attributes, entry->count, &message->entries[message->entryCount]);
    if (FAILED(hr))
        return hr;
    message->entryCount++;
    return S_OK;
}

/*
 * Walks the TLVs from pos to the end without keeping them: each must be
 * well-formed, and the first a System-Health-ID.  *count is the number of
 * entries (System-Health-IDs).
 */
static HRESULT count_entries(struct decoder *d, size_t pos, UINT16 *count)
{
    struct tlv tlv;

    *count = 0;
    while (pos < d->size) {
        if (read_tlv(d, pos, &tlv) != S_OK)
            return NAP_E_INVALID_PACKET;
        if (tlv.type == sohAttributeTypeSystemHealthId)
            (*count)++;
        else if (*count == 0)
            return invalid_at(d, pos,
                              "the first TLV is type %u, not a System-Health-ID (2) "
                              "starting an entry",
                              (unsigned)tlv.type);
        pos = tlv_end(&tlv);
    }
    return S_OK;
}

static HRESULT decode_entries(struct decoder *d, size_t pos, NapSoHMessage *message)
{
    size_t first = pos;
    struct entry entry;
    UINT16 count;
    HRESULT hr;

    if (count_entries(d, pos, &count) != S_OK)
        return NAP_E_INVALID_PACKET;
    if (count == 0)
        return S_OK;
    /* count includes the SSoH, if any: one slot may stay unused. */
    message->entries = taskmem_zalloc(count * sizeof(*message->entries));
    if (message->entries == NULL)
        return E_OUTOFMEMORY;
    while (pos < d->size) {
        size_t start = pos;

        hr = read_entry(d, &pos, &entry);
        if (FAILED(hr))
            return hr;
        /* Only the first entry can be the SSoH, the NAP agent's own (IF-TNCCS-SOH 3.5). */
        if (start == first && get_be32(entry.attributes[0].value) == NapSystemId)
            hr = decode_system_entry(d, &entry, message);
        else
            hr = decode_report_entry(d, &entry, start, message);
        if (FAILED(hr))
            return hr;
    }
    return S_OK;
}

/* ---- the header and mode sub-header ---- */

static HRESULT read_header(struct decoder *d, NapSoHMessage *message)
{
    const BYTE *in = d->data;

    if (d->size < HEADER_SIZE)
        return invalid_at(d, d->size, "the message ends inside its 12-byte header (%u of 12 bytes)",
                          (unsigned)d->size);
    if (get_be16(in) != sohAttributeTypeVendorSpecific)
        return invalid_at(d, 0, "outer type 0x%04x, not 0x0007 (Vendor-Specific)",
                          (unsigned)get_be16(in));
    if (get_be16(in + 2) != d->size - TLV_HEADER_SIZE)
        return invalid_at(d, 2, "outer length 0x%04x, not 0x%04x (the size of what follows)",
                          (unsigned)get_be16(in + 2), (unsigned)(d->size - TLV_HEADER_SIZE));
    if (get_be32(in + 4) != MicrosoftVendorId)
        return invalid_at(d, 4, "vendor 0x%08x, not 0x00000137 (Microsoft)",
                          (unsigned)get_be32(in + 4));
    message->format = get_be16(in + 8);
    if (message->format != NAP_SOH_MESSAGE_FORMAT_1 && message->format != NAP_SOH_MESSAGE_FORMAT_2)
        return invalid_at(d, 8, "unknown format %u (1 or 2)", (unsigned)message->format);
    if (get_be16(in + 10) != d->size - HEADER_SIZE)
        return invalid_at(d, 10, "inner length 0x%04x, not 0x%04x (the size of the body)",
                          (unsigned)get_be16(in + 10), (unsigned)(d->size - HEADER_SIZE));
    return S_OK;
}

/* The 34-byte mode sub-header of format 2 at pos. */
static HRESULT read_mode_sub_header(struct decoder *d, size_t pos, NapSoHMessage *message)
{
    const BYTE *in = d->data + pos;

    if (bytes_left(pos, d->size) < MODE_SUB_HEADER_SIZE)
        return invalid_at(d, d->size,
                          "the message ends inside the mode sub-header of format 2 (%zu of 34 "
                          "bytes)",
                          bytes_left(pos, d->size));
    if (get_be16(in) != sohAttributeTypeVendorSpecific)
        return invalid_at(d, pos, "mode sub-header type 0x%04x, not 0x0007 (Vendor-Specific)",
                          (unsigned)get_be16(in));
    if (get_be16(in + 2) != MODE_SUB_HEADER_LENGTH)
        return invalid_at(d, pos + 2, "mode sub-header length %u, not 30",
                          (unsigned)get_be16(in + 2));
    if (get_be32(in + 4) != MicrosoftVendorId)
        return invalid_at(d, pos + 4, "mode sub-header vendor 0x%08x, not 0x00000137 (Microsoft)",
                          (unsigned)get_be32(in + 4));
    message->correlationId = get_correlation_id(in + 8);
    message->intent = in[32];
    message->contentType = in[33];
    return S_OK;
}

static HRESULT decode_message(struct decoder *d, NapSoHMessage *message)
{
    size_t pos = HEADER_SIZE;

    if (read_header(d, message) != S_OK)
        return NAP_E_INVALID_PACKET;
    if (d->size == HEADER_SIZE)
        return S_OK;
    if (message->format == NAP_SOH_MESSAGE_FORMAT_2) {
        if (read_mode_sub_header(d, pos, message) != S_OK)
            return NAP_E_INVALID_PACKET;
        pos += MODE_SUB_HEADER_SIZE;
    }
    return decode_entries(d, pos, message);
}

HRESULT WINAPI NapSoHMessageDecode(const NetworkSoH *networkSoh, DWORD flags,
                                   NapSoHMessage **message, UINT16 *errorOffset)
{
    return NapSoHMessageDecodeEx(networkSoh, flags, message, errorOffset, NULL, 0);
}

HRESULT WINAPI NapSoHMessageDecodeEx(const NetworkSoH *networkSoh, DWORD flags,
                                     NapSoHMessage **message, UINT16 *errorOffset, char *reason,
                                     SIZE_T reasonSize)
{
    struct decoder d;
    NapSoHMessage *result;
    HRESULT hr;

    /* Empty unless the message is malformed, whatever else fails. */
    if (reason != NULL && reasonSize > 0)
        reason[0] = '\0';
    if (message == NULL)
        return E_POINTER;
    *message = NULL;
    if (networkSoh == NULL || (networkSoh->size > 0 && networkSoh->data == NULL))
        return E_POINTER;
    if (flags & ~(DWORD)NAP_SOH_MESSAGE_RESPONSE)
        return E_INVALIDARG;
    d.data = networkSoh->data;
    d.size = networkSoh->size;
    d.error_offset = 0;
    d.reason = reason;
    d.reason_size = reasonSize;
    if (d.size > maxNetworkSoHSize) {
        hr = invalid_at(&d, maxNetworkSoHSize, "%u bytes, longer than a NetworkSoH's %u",
                        (unsigned)d.size, (unsigned)maxNetworkSoHSize);
    } else {
        result = taskmem_zalloc(sizeof(*result));
        if (result == NULL)
            return E_OUTOFMEMORY;
        result->isResponse = (flags & NAP_SOH_MESSAGE_RESPONSE) != 0;
        hr = decode_message(&d, result);
        if (SUCCEEDED(hr))
            *message = result;
        else
            NapSoHMessageFree(result);
    }
    if (hr == NAP_E_INVALID_PACKET && errorOffset != NULL)
        *errorOffset = d.error_offset;
    return hr;
}

VOID WINAPI NapSoHMessageFree(NapSoHMessage *message)
{
    UINT16 i;

    if (message == NULL)
        return;
    if (message->systemAttributes != NULL) {
        for (i = 0; i < message->systemAttributeCount; i++)
            free_system_attribute(&message->systemAttributes[i]);
    }
    taskmem_free(message->systemAttributes);
    FreeSoH(message->systemExtras);
    if (message->entries != NULL) {
        for (i = 0; i < message->entryCount; i++)
            FreeSoH(message->entries[i]);
    }
    taskmem_free(message->entries);
    taskmem_free(message);
}
