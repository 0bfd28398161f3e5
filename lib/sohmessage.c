/*
 * sohmessage.c - the SoH wire message: NapSoHMessageEncode writes a whole
 * SoH (or SoHR) message, NapSoHMessageDecode reads one back, and
 * NapSoHMessageFree releases what the decoder built.
 *
 * Both directions work from sohtypes.c's rows and allocate as little as a
 * message allows, because malloc and free used to be most of their cost.
 * The encoder adds the message's size up from the layouts, so that the
 * limit is checked before anything is allocated, then writes it once into
 * its block.  The decoder makes one block per message: a first walk
 * checks every byte and counts what the message holds; the second lays the
 * structures out in the block, over a copy of the message kept at its end,
 * to which every octet value points.  Every read is bounded by the bytes
 * present, whatever a length field inside says.  Where it finds a fault
 * the decoder also says, in words, what is wrong (NapSoHMessageDecodeEx),
 * since an offset alone leaves the reader to redo the walk by hand.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "byteorder.h"
#include "napmicrosoftvendorids.h"
#include "naputil.h"
#include "sohattr.h"
#include "sohtypes.h"
#include "taskmem.h"

#define HEADER_SIZE 12
#define TLV_HEADER_SIZE 4
#define MODE_SUB_HEADER_LENGTH 30
#define MODE_SUB_HEADER_SIZE (TLV_HEADER_SIZE + MODE_SUB_HEADER_LENGTH)
/* What opens an SSoH: its System-Health-ID TLV, then the Microsoft TLV's header and vendor. */
#define SYSTEM_ENTRY_OPENING (2 * TLV_HEADER_SIZE + SYSTEM_HEALTH_ID_SIZE + VENDOR_ID_SIZE)

static UINT16 encoded_format(const NapSoHMessage *message)
{
    return message->format == NAP_SOH_MESSAGE_FORMAT_1 ? NAP_SOH_MESSAGE_FORMAT_1
                                                       : NAP_SOH_MESSAGE_FORMAT_2;
}

static BOOL message_is_empty(const NapSoHMessage *message)
{
    return !message->hasSystemEntry && message->entryCount == 0;
}

/* The row of a type-value the caller filled in; NULL for a type without one. */
static const struct soh_layout *type_value_layout(const NapSoHMessageSystemAttribute *a)
{
    return (unsigned)a->type <= 0xFF ? soh_type_value_layout((BYTE)a->type) : NULL;
}

/* ---- checking what the caller asks to encode ---- */

static HRESULT check_buffer(UINT16 size, const void *buffer)
{
    return size > 0 && buffer == NULL ? E_POINTER : S_OK;
}

static HRESULT check_system_attribute(const NapSoHMessageSystemAttribute *a)
{
    const struct soh_layout *layout = type_value_layout(a);

    return layout != NULL ? soh_check_value(layout, a) : E_INVALIDARG;
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

        if (a->type == sohAttributeTypeSystemHealthId || a->type > SOH_MAX_ATTRIBUTE_TYPE)
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

/* ---- the encoded size ---- */

/*
 * Each function adds to size and stops once it exceeds limit, so that no
 * sum can wrap a 32-bit size_t, whatever the counts: each step adds less
 * than 2^18.
 */
static size_t add_attributes_size(size_t size, const SoHAttribute *attributes, UINT16 count,
                                  size_t limit)
{
    UINT16 i;

    for (i = 0; i < count && size <= limit; i++)
        size += TLV_HEADER_SIZE + attributes[i].size;
    return size;
}

static size_t add_system_entry_size(size_t size, const NapSoHMessage *message, size_t limit)
{
    UINT16 i;

    size += SYSTEM_ENTRY_OPENING;
    for (i = 0; i < message->systemAttributeCount && size <= limit; i++) {
        const NapSoHMessageSystemAttribute *a = &message->systemAttributes[i];

        size += 1 + soh_wire_size(type_value_layout(a), a);
    }
    if (message->systemExtras != NULL)
        size = add_attributes_size(size, message->systemExtras->attributes,
                                   message->systemExtras->count, limit);
    return size;
}

/* The size of the encoded message, or some size above limit. */
static size_t message_size(const NapSoHMessage *message, size_t limit)
{
    size_t size = HEADER_SIZE;
    UINT16 i;

    if (message_is_empty(message))
        return size;
    if (encoded_format(message) == NAP_SOH_MESSAGE_FORMAT_2)
        size += MODE_SUB_HEADER_SIZE;
    if (message->hasSystemEntry)
        size = add_system_entry_size(size, message, limit);
    for (i = 0; i < message->entryCount && size <= limit; i++)
        size = add_attributes_size(size, message->entries[i]->attributes,
                                   message->entries[i]->count, limit);
    return size;
}

/* ---- writing: each writer returns where the next byte goes ---- */

static BYTE *put_tlv_header(BYTE *out, UINT16 type, size_t length)
{
    put_be16(out, type);
    put_be16(out + 2, (UINT16)length);
    return out + TLV_HEADER_SIZE;
}

static BYTE *put_attributes(BYTE *out, const SoHAttribute *attributes, UINT16 count)
{
    UINT16 i;

    for (i = 0; i < count; i++) {
        out = put_tlv_header(out, attributes[i].type, attributes[i].size);
        if (attributes[i].size > 0)
            memcpy(out, attributes[i].value, attributes[i].size);
        out += attributes[i].size;
    }
    return out;
}

/* The SSoH: its System-Health-ID, the Microsoft attribute, then any other TLVs. */
static BYTE *put_system_entry(BYTE *out, const NapSoHMessage *message)
{
    BYTE *microsoft;
    UINT16 i;

    out = put_tlv_header(out, sohAttributeTypeSystemHealthId, SYSTEM_HEALTH_ID_SIZE);
    put_be32(out, NapSystemId);
    microsoft = out + SYSTEM_HEALTH_ID_SIZE;
    out = put_tlv_header(microsoft, sohAttributeTypeVendorSpecific, 0);
    put_be32(out, MicrosoftVendorId);
    out += VENDOR_ID_SIZE;
    for (i = 0; i < message->systemAttributeCount; i++) {
        const NapSoHMessageSystemAttribute *a = &message->systemAttributes[i];
        const struct soh_layout *layout = type_value_layout(a);

        *out++ = (BYTE)a->type;
        soh_write(layout, a, out);
        out += soh_wire_size(layout, a);
    }
    /* The Microsoft TLV's length, known now. */
    put_be16(microsoft + 2, (UINT16)(out - microsoft - TLV_HEADER_SIZE));
    if (message->systemExtras != NULL)
        out = put_attributes(out, message->systemExtras->attributes, message->systemExtras->count);
    return out;
}

static BYTE *put_mode_sub_header(BYTE *out, const NapSoHMessage *message)
{
    out = put_tlv_header(out, sohAttributeTypeVendorSpecific, MODE_SUB_HEADER_LENGTH);
    put_be32(out, MicrosoftVendorId);
    put_correlation_id(out + VENDOR_ID_SIZE, &message->correlationId);
    out[VENDOR_ID_SIZE + CORRELATION_ID_SIZE] = message->intent;
    out[VENDOR_ID_SIZE + CORRELATION_ID_SIZE + 1] = message->contentType;
    return out + MODE_SUB_HEADER_LENGTH;
}

/* The whole message, of the size message_size gave, in one pass. */
static void put_message(BYTE *out, const NapSoHMessage *message, size_t size)
{
    UINT16 i;

    out = put_tlv_header(out, sohAttributeTypeVendorSpecific, size - TLV_HEADER_SIZE);
    put_be32(out, MicrosoftVendorId);
    put_be16(out + 4, encoded_format(message));
    put_be16(out + 6, (UINT16)(size - HEADER_SIZE));
    out += HEADER_SIZE - TLV_HEADER_SIZE;
    if (message_is_empty(message))
        return;
    if (encoded_format(message) == NAP_SOH_MESSAGE_FORMAT_2)
        out = put_mode_sub_header(out, message);
    if (message->hasSystemEntry)
        out = put_system_entry(out, message);
    for (i = 0; i < message->entryCount; i++)
        out = put_attributes(out, message->entries[i]->attributes, message->entries[i]->count);
}

static size_t size_limit(UINT16 maxSize)
{
    return maxSize == 0 || maxSize > maxNetworkSoHSize ? maxNetworkSoHSize : maxSize;
}

HRESULT WINAPI NapSoHMessageEncode(const NapSoHMessage *message, UINT16 maxSize,
                                   NetworkSoH **networkSoh)
{
    size_t limit = size_limit(maxSize);
    NetworkSoH *result;
    size_t size;
    HRESULT hr;

    if (networkSoh == NULL)
        return E_POINTER;
    *networkSoh = NULL;
    if (message == NULL)
        return E_POINTER;
    hr = check_message(message);
    if (FAILED(hr))
        return hr;
    size = message_size(message, limit);
    if (size > limit)
        return E_INVALIDARG;

    /* Two blocks, as COM's rules let the caller keep the data and free the rest. */
    result = taskmem_alloc(sizeof(*result));
    if (result == NULL)
        return E_OUTOFMEMORY;
    result->data = taskmem_alloc(size);
    if (result->data == NULL) {
        taskmem_free(result);
        return E_OUTOFMEMORY;
    }
    result->size = (UINT16)size;
    put_message(result->data, message, size);
    *networkSoh = result;
    return S_OK;
}

/* ---- reading, first walk: scanning (checking and counting) ---- */

/*
 * The decoder walks the message twice.  The first walk checks every byte,
 * recording where the first fault is and what is wrong there in the
 * caller's buffer (NULL when it wants none), and counts what the block
 * must hold.  Only then is the block allocated, and the second walk, which
 * has nothing left to check, builds the message in it.  Every reader of
 * the first walk is given the end of its own range, which never lies
 * beyond size.
 */
struct decoder {
    const BYTE *data;
    UINT16 size;
    BOOL is_response;
    UINT16 error_offset;
    char *reason;
    size_t reason_size;
    /* The header's fields. */
    NapSoHMessage header;
    /* What the block holds besides the message and the copy of its bytes. */
    size_t system_attributes;
    size_t entries;
    /* Whether the SSoH has TLVs besides its type-values, kept in systemExtras. */
    BOOL has_extras;
    size_t attributes;
    size_t ids;
};

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
static inline HRESULT read_tlv(struct decoder *d, size_t pos, struct tlv *tlv)
{
    UINT16 raw_type;

    if (bytes_left(pos, d->size) < TLV_HEADER_SIZE)
        return invalid_at(d, d->size, "the message ends inside a TLV header (%zu of 4 bytes)",
                          bytes_left(pos, d->size));
    raw_type = get_be16(d->data + pos);
    tlv->offset = (UINT16)pos;
    tlv->type = raw_type & SOH_MAX_ATTRIBUTE_TYPE;
    tlv->length = get_be16(d->data + pos + 2);
    tlv->value = d->data + pos + TLV_HEADER_SIZE;
    if ((raw_type & SOH_ATTRIBUTE_MANDATORY_FLAG) && !soh_attribute_type_known(tlv->type))
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

static BOOL is_microsoft_tlv(const BYTE *type, UINT16 length)
{
    return (get_be16(type) & SOH_MAX_ATTRIBUTE_TYPE) == sohAttributeTypeVendorSpecific &&
           length >= VENDOR_ID_SIZE && get_be32(type + TLV_HEADER_SIZE) == MicrosoftVendorId;
}

/*
 * The extent of the type-value at pos, whose row is layout: *next is where
 * the next one starts and *count its number of elements.
 */
static HRESULT type_value_extent(struct decoder *d, const struct soh_layout *layout, size_t pos,
                                 size_t end, size_t *next, UINT16 *count)
{
    size_t fixed = layout->fixed_size;
    size_t left = bytes_left(pos + 1, end);
    size_t length_pos = pos + 1 + fixed;
    UINT16 length;

    *count = 0;
    if (!layout->length_prefixed) {
        if (left < fixed)
            return invalid_at(d, end,
                              "%s (Microsoft type-value %u) needs %zu bytes, %zu left in the "
                              "Microsoft attribute",
                              layout->name, d->data[pos], fixed, left);
        *next = length_pos;
        return S_OK;
    }
    if (left < fixed + 2)
        return invalid_at(d, end,
                          "%s (Microsoft type-value %u) needs %zu bytes up to its length, "
                          "%zu left in the Microsoft attribute",
                          layout->name, d->data[pos], fixed + 2, left);
    length = get_be16(d->data + length_pos);
    if (length % layout->element_size != 0)
        return invalid_at(d, length_pos, "%s length %u is not a multiple of %u", layout->name,
                          (unsigned)length, (unsigned)layout->element_size);
    if (length > end - length_pos - 2)
        return invalid_at(d, length_pos,
                          "%s length 0x%04x runs past the end of the Microsoft attribute "
                          "(0x%04zx left)",
                          layout->name, (unsigned)length, end - length_pos - 2);
    *count = (UINT16)(length / layout->element_size);
    *next = length_pos + 2 + length;
    return S_OK;
}

/*
 * The type-values of the Microsoft TLV's value, from pos to end.  They
 * carry no length, so an unknown one ends the walk.
 */
static HRESULT scan_type_values(struct decoder *d, size_t pos, size_t end)
{
    const struct soh_layout *layout;
    size_t next = end;
    UINT16 count;

    while (pos < end) {
        layout = soh_type_value_layout(d->data[pos]);
        if (layout == NULL)
            return invalid_at(d, pos, "unknown Microsoft type-value %u", d->data[pos]);
        if (type_value_extent(d, layout, pos, end, &next, &count) != S_OK)
            return NAP_E_INVALID_PACKET;
        d->system_attributes++;
        if (layout->element_kind == SOH_ELEMENTS_BE32)
            d->ids += count;
        pos = next;
    }
    return S_OK;
}

/* The rules that only a whole entry can break, those of an SoHR's. */
static HRESULT scan_report_entry_end(struct decoder *d, const struct soh_rules *rules,
                                      size_t start)
{
    switch (soh_rules_end(rules)) {
    case SOH_FAULT_NONE:
        return S_OK;
    case SOH_FAULT_NO_RESULT:
        return invalid_at(d, start,
                          "report entry of an SoHR without Compliance-Result-Codes or "
                          "Failure-Category");
    default:
        return invalid_at(d, start,
                          "report entry of an SoHR with more than one set of fixup servers "
                          "of one address family");
    }
}

/*
 * Each entry runs from the System-Health-ID TLV at *pos, already read into
 * *tlv, up to the next System-Health-ID or the end.  On return *pos is
 * where the next entry starts and *tlv its first TLV, if *pos has not
 * reached the end.
 */

/* A report entry, checked against the rules of an SoH as it comes. */
static HRESULT scan_report_entry(struct decoder *d, size_t *pos, struct tlv *tlv)
{
    size_t start = *pos;
    struct soh_rules rules;

    d->entries++;
    soh_rules_start(&rules, !d->is_response);
    do {
        if (rules.count == maxSoHAttributeCount)
            return invalid_at(d, *pos, "more than %u TLVs in one entry",
                              (unsigned)maxSoHAttributeCount);
        /* The walk makes the first TLV the only System-Health-ID; what remains is the size. */
        if (soh_rules_add(&rules, tlv->type, tlv->length) != SOH_FAULT_NONE)
            return invalid_at(d, start,
                              "report entry: TLV type %u at offset %u has %u bytes, a size "
                              "its type does not allow",
                              (unsigned)tlv->type, (unsigned)tlv->offset,
                              (unsigned)tlv->length);
        *pos = tlv_end(tlv);
        if (*pos == d->size)
            break;
        if (read_tlv(d, *pos, tlv) != S_OK)
            return NAP_E_INVALID_PACKET;
    } while (tlv->type != sohAttributeTypeSystemHealthId);
    d->attributes += rules.count;
    return scan_report_entry_end(d, &rules, start);
}

/*
 * The SSoH, the NAP agent's own: the first Microsoft TLV after its
 * System-Health-ID holds the type-values; every other TLV is kept raw in
 * systemExtras.
 */
static HRESULT scan_system_entry(struct decoder *d, size_t *pos, struct tlv *tlv)
{
    BOOL type_values_seen = FALSE;
    UINT16 tlvs = 0;
    size_t extras = 0;

    do {
        if (tlvs == maxSoHAttributeCount)
            return invalid_at(d, *pos, "more than %u TLVs in one entry",
                              (unsigned)maxSoHAttributeCount);
        if (tlvs > 0 && !type_values_seen && is_microsoft_tlv(d->data + *pos, tlv->length)) {
            type_values_seen = TRUE;
            if (scan_type_values(d, *pos + TLV_HEADER_SIZE + VENDOR_ID_SIZE, tlv_end(tlv)) !=
                S_OK)
                return NAP_E_INVALID_PACKET;
        } else if (tlvs > 0) {
            extras++;
        }
        tlvs++;
        *pos = tlv_end(tlv);
        if (*pos == d->size)
            break;
        if (read_tlv(d, *pos, tlv) != S_OK)
            return NAP_E_INVALID_PACKET;
    } while (tlv->type != sohAttributeTypeSystemHealthId);
    d->has_extras = extras > 0;
    d->attributes += extras;
    return S_OK;
}

static HRESULT scan_entries(struct decoder *d, size_t pos)
{
    /* Set, though read_tlv fills it, for compilers that cannot follow its failures. */
    struct tlv tlv = {0, 0, 0, NULL};

    /* A format 2 message may end after its mode sub-header. */
    if (pos == d->size)
        return S_OK;
    if (read_tlv(d, pos, &tlv) != S_OK)
        return NAP_E_INVALID_PACKET;
    if (tlv.type != sohAttributeTypeSystemHealthId)
        return invalid_at(d, pos,
                          "the first TLV is type %u, not a System-Health-ID (2) starting an "
                          "entry",
                          (unsigned)tlv.type);
    /* Only the first entry can be the SSoH (IF-TNCCS-SOH 3.5). */
    if (get_be32(tlv.value) == NapSystemId && scan_system_entry(d, &pos, &tlv) != S_OK)
        return NAP_E_INVALID_PACKET;
    while (pos < d->size)
        if (scan_report_entry(d, &pos, &tlv) != S_OK)
            return NAP_E_INVALID_PACKET;
    return S_OK;
}

/* ---- the header and mode sub-header ---- */

/* ---- the header and mode sub-header ---- */

static HRESULT read_header(struct decoder *d)
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
    d->header.format = get_be16(in + 8);
    if (d->header.format != NAP_SOH_MESSAGE_FORMAT_1 && d->header.format != NAP_SOH_MESSAGE_FORMAT_2)
        return invalid_at(d, 8, "unknown format %u (1 or 2)", (unsigned)d->header.format);
    if (get_be16(in + 10) != d->size - HEADER_SIZE)
        return invalid_at(d, 10, "inner length 0x%04x, not 0x%04x (the size of the body)",
                          (unsigned)get_be16(in + 10), (unsigned)(d->size - HEADER_SIZE));
    return S_OK;
}

/* The 34-byte mode sub-header of format 2 at pos. */
static HRESULT read_mode_sub_header(struct decoder *d, size_t pos)
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
    d->header.correlationId = get_correlation_id(in + 8);
    d->header.intent = in[32];
    d->header.contentType = in[33];
    return S_OK;
}

/* The first walk over the caller's bytes. */
static HRESULT scan_message(struct decoder *d)
{
    size_t pos = HEADER_SIZE;

    if (d->size > maxNetworkSoHSize)
        return invalid_at(d, maxNetworkSoHSize, "%u bytes, longer than a NetworkSoH's %u",
                          (unsigned)d->size, (unsigned)maxNetworkSoHSize);
    if (read_header(d) != S_OK)
        return NAP_E_INVALID_PACKET;
    if (d->size == HEADER_SIZE)
        return S_OK;
    if (d->header.format == NAP_SOH_MESSAGE_FORMAT_2) {
        if (read_mode_sub_header(d, pos) != S_OK)
            return NAP_E_INVALID_PACKET;
        pos += MODE_SUB_HEADER_SIZE;
    }
    return scan_entries(d, pos);
}

/* ---- reading, second walk: building the message in its block ---- */

/*
 * The message being built over the copy of its bytes, and the next free
 * place of each area of the block.  The first walk has checked every
 * length, so this one only follows them.
 */
struct builder {
    const BYTE *data;
    size_t size;
    NapSoHMessage *message;
    SoH *next_soh;
    SoHAttribute *next_attribute;
    SystemHealthEntityId *next_id;
};

static UINT16 type_at(const struct builder *b, size_t pos)
{
    return get_be16(b->data + pos) & SOH_MAX_ATTRIBUTE_TYPE;
}

static size_t end_of_tlv_at(const struct builder *b, size_t pos)
{
    return pos + TLV_HEADER_SIZE + get_be16(b->data + pos + 2);
}

/* A new SoH, its attributes to follow in the attribute area. */
static SoH *start_soh(struct builder *b)
{
    SoH *soh = b->next_soh++;

    soh->count = 0;
    soh->attributes = b->next_attribute;
    return soh;
}

/*
 * The TLV at pos as the next attribute of soh; returns where the next TLV
 * starts.  An empty value is NULL, as in a copied SoH.
 */
static size_t build_attribute(struct builder *b, SoH *soh, size_t pos)
{
    SoHAttribute *a = b->next_attribute++;

    a->type = type_at(b, pos);
    a->size = get_be16(b->data + pos + 2);
    /* SoHAttribute has no const member; the copy in the block is the message's own. */
    a->value = a->size > 0 ? (BYTE *)(uintptr_t)(b->data + pos + TLV_HEADER_SIZE) : NULL;
    soh->count++;
    return pos + TLV_HEADER_SIZE + a->size;
}

/* The elements of a type-value: octets stay in the copy, integers go to the ID area. */
static void build_type_values(struct builder *b, size_t pos, size_t end)
{
    NapSoHMessage *message = b->message;

    while (pos < end) {
        const struct soh_layout *layout = soh_type_value_layout(b->data[pos]);
        NapSoHMessageSystemAttribute *a =
            &message->systemAttributes[message->systemAttributeCount++];
        size_t elements = pos + 1 + layout->fixed_size;
        UINT16 count = 0;

        /* Only the member the type selects is set, as a caller fills one in. */
        a->type = (NapSoHMessageSystemAttributeType)b->data[pos];
        if (layout->length_prefixed) {
            count = (UINT16)(get_be16(b->data + elements) / layout->element_size);
            elements += 2 + (size_t)count * layout->element_size;
        }
        if (layout->element_kind == SOH_ELEMENTS_BE32) {
            soh_read(layout, b->data + pos + 1, count, b->next_id, a);
            b->next_id += count;
        } else {
            soh_read(layout, b->data + pos + 1, count, NULL, a);
        }
        pos = elements;
    }
}

/* The SSoH at pos; returns where the next entry starts. */
static size_t build_system_entry(struct builder *b, size_t pos)
{
    NapSoHMessage *message = b->message;
    BOOL type_values_seen = FALSE;

    message->hasSystemEntry = TRUE;
    pos += TLV_HEADER_SIZE + SYSTEM_HEALTH_ID_SIZE;
    while (pos < b->size && type_at(b, pos) != sohAttributeTypeSystemHealthId) {
        if (!type_values_seen && is_microsoft_tlv(b->data + pos, get_be16(b->data + pos + 2))) {
            type_values_seen = TRUE;
            build_type_values(b, pos + TLV_HEADER_SIZE + VENDOR_ID_SIZE, end_of_tlv_at(b, pos));
            pos = end_of_tlv_at(b, pos);
            continue;
        }
        if (message->systemExtras == NULL)
            message->systemExtras = start_soh(b);
        pos = build_attribute(b, message->systemExtras, pos);
    }
    return pos;
}

/* A report entry at pos; returns where the next entry starts. */
static size_t build_report_entry(struct builder *b, size_t pos)
{
    NapSoHMessage *message = b->message;
    SoH *soh = start_soh(b);
    UINT16 type = sohAttributeTypeSystemHealthId;
    SoHAttribute *a = soh->attributes;

    message->entries[message->entryCount++] = soh;
    for (;;) {
        a->type = type;
        a->size = get_be16(b->data + pos + 2);
        /* SoHAttribute has no const member; the copy in the block is the message's own. */
        a->value = a->size > 0 ? (BYTE *)(uintptr_t)(b->data + pos + TLV_HEADER_SIZE) : NULL;
        pos += TLV_HEADER_SIZE + a->size;
        a++;
        if (pos == b->size)
            break;
        type = type_at(b, pos);
        if (type == sohAttributeTypeSystemHealthId)
            break;
    }
    soh->count = (UINT16)(a - soh->attributes);
    b->next_attribute = a;
    return pos;
}

static void build_entries(struct builder *b, size_t pos)
{
    if (pos < b->size && get_be32(b->data + pos + TLV_HEADER_SIZE) == NapSystemId)
        pos = build_system_entry(b, pos);
    while (pos < b->size)
        pos = build_report_entry(b, pos);
}

/*
 * Where each area of the block starts, in the order of their alignment:
 * every structure before the IDs holds a pointer, so every area up to
 * them starts aligned for one; the copy of the message, bytes, comes last.
 */
struct block_areas {
    size_t system_attributes;
    size_t entries;
    size_t sohs;
    size_t attributes;
    size_t ids;
    size_t copy;
    size_t size;
};

/* The areas of the block for what the first walk counted: at most some 70 KB. */
static void plan_block(const struct decoder *d, struct block_areas *areas)
{
    size_t at = sizeof(NapSoHMessage);

    areas->system_attributes = at;
    at += d->system_attributes * sizeof(NapSoHMessageSystemAttribute);
    areas->entries = at;
    at += d->entries * sizeof(SoH *);
    /* An SoH for each report entry, and one for systemExtras. */
    areas->sohs = at;
    at += (d->entries + (d->has_extras ? 1 : 0)) * sizeof(SoH);
    areas->attributes = at;
    at += d->attributes * sizeof(SoHAttribute);
    areas->ids = at;
    at += d->ids * sizeof(SystemHealthEntityId);
    areas->copy = at;
    areas->size = at + d->size;
}

/* The message that the first walk checked, built in block. */
static NapSoHMessage *build_message(const struct decoder *d, BYTE *block,
                                    const struct block_areas *areas)
{
    NapSoHMessage *message = (NapSoHMessage *)(void *)block;
    struct builder b;
    size_t pos = HEADER_SIZE;

    *message = d->header;
    message->isResponse = d->is_response;
    message->systemAttributes = d->system_attributes > 0
                                    ? (void *)(block + areas->system_attributes)
                                    : NULL;
    message->entries = d->entries > 0 ? (void *)(block + areas->entries) : NULL;
    memcpy(block + areas->copy, d->data, d->size);
    b.data = block + areas->copy;
    b.size = d->size;
    b.message = message;
    b.next_soh = (void *)(block + areas->sohs);
    b.next_attribute = (void *)(block + areas->attributes);
    b.next_id = (void *)(block + areas->ids);
    if (message->format == NAP_SOH_MESSAGE_FORMAT_2)
        pos += MODE_SUB_HEADER_SIZE;
    build_entries(&b, pos);
    return message;
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
    struct block_areas areas;
    BYTE *block;

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
    memset(&d, 0, sizeof(d));
    d.data = networkSoh->data;
    d.size = networkSoh->size;
    d.is_response = (flags & NAP_SOH_MESSAGE_RESPONSE) != 0;
    d.reason = reason;
    d.reason_size = reasonSize;
    if (scan_message(&d) != S_OK) {
        if (errorOffset != NULL)
            *errorOffset = d.error_offset;
        return NAP_E_INVALID_PACKET;
    }
    plan_block(&d, &areas);
    block = taskmem_alloc(areas.size);
    if (block == NULL)
        return E_OUTOFMEMORY;
    *message = build_message(&d, block, &areas);
    return S_OK;
}

/* The message is one block (see the top of this file). */
VOID WINAPI NapSoHMessageFree(NapSoHMessage *message)
{
    taskmem_free(message);
}
