/*
 * check_sohmessage.c - the SoH wire message codec: hand-written vectors for
 * each part of the message as TCG's IF-TNCCS-SOH lays it out, encode ->
 * decode -> encode on seeded random messages of both formats, every
 * truncation and every single-byte corruption of valid messages (decoded
 * or refused, never a leak), the limits, and out-of-memory at every
 * allocation point.  The random messages' type-values and attributes are
 * generated from the table of types (lib/sohtypes.c) and the type-values
 * compared by it, so that a new row is covered without a change here.
 */
#include "config.h"

#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "naputil.h"
#include "sohtest.h"
#include "sohtypes.h"
#include "testutil.h"
#include "windows7_entry.h"

#define SEED 0x534F484Du
#define ROUND_TRIPS_PER_FORMAT 2000
#define MAX_MESSAGE 4000

/* ---- byte strings written as hex ---- */

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Hex digit pairs, spaces ignored, to out; returns the number of bytes. */
static UINT16 hex_bytes(const char *hex, BYTE *out)
{
    UINT16 n = 0;

    while (*hex != '\0') {
        if (*hex == ' ') {
            hex++;
            continue;
        }
        ck_assert(hex_digit(hex[0]) >= 0 && hex_digit(hex[1]) >= 0);
        out[n++] = (BYTE)(hex_digit(hex[0]) << 4 | hex_digit(hex[1]));
        hex += 2;
    }
    return n;
}

/* A message from its 12-byte header on: the header written from format and body. */
static UINT16 message_bytes(UINT16 format, const char *body_hex, BYTE *out)
{
    UINT16 body = hex_bytes(body_hex, out + 12);
    UINT16 total = body + 12;
    BYTE header[12] = {0x00, 0x07, (BYTE)((total - 4) >> 8), (BYTE)(total - 4), 0x00, 0x00,
                       0x01, 0x37, 0x00, (BYTE)format, (BYTE)(body >> 8), (BYTE)body};

    memcpy(out, header, sizeof(header));
    return total;
}

/*
 * Decodes through NapSoHMessageDecodeEx, so that every test also checks
 * its reason: a phrase for a malformed message, "" for any other result,
 * and the result and error offset NapSoHMessageDecode gives.  Check's
 * assertions may allocate, and callers count heap blocks around a decode,
 * so what is wrong is only counted here (reason_faults), and asserted by
 * check_reasons afterwards.
 */
static unsigned reason_faults;

static HRESULT decode_because(const BYTE *bytes, UINT16 size, DWORD flags,
                              NapSoHMessage **message, UINT16 *offset, char *reason)
{
    NetworkSoH soh;
    UINT16 plain_offset = 0xFFFF;
    UINT16 ex_offset = 0xFFFF;
    HRESULT plain;
    HRESULT hr;
    size_t length;

    soh.size = size;
    soh.data = (BYTE *)(uintptr_t)bytes;
    plain = NapSoHMessageDecode(&soh, flags, message, &plain_offset);
    if (SUCCEEDED(plain))
        NapSoHMessageFree(*message);
    memset(reason, 'x', NAP_SOH_MESSAGE_REASON_SIZE);
    hr = NapSoHMessageDecodeEx(&soh, flags, message, &ex_offset, reason,
                               NAP_SOH_MESSAGE_REASON_SIZE);
    if (offset != NULL)
        *offset = ex_offset;
    if (hr != plain || memchr(reason, '\0', NAP_SOH_MESSAGE_REASON_SIZE) == NULL) {
        reason_faults++;
        return hr;
    }
    length = strlen(reason);
    /* Shorter than the buffer: NAP_SOH_MESSAGE_REASON_SIZE never truncates. */
    if (hr == NAP_E_INVALID_PACKET &&
        (length < 10 || length >= NAP_SOH_MESSAGE_REASON_SIZE - 1 || ex_offset != plain_offset))
        reason_faults++;
    if (hr != NAP_E_INVALID_PACKET && length != 0)
        reason_faults++;
    return hr;
}

static void check_reasons(void)
{
    ck_assert_uint_eq(reason_faults, 0);
}

static HRESULT decode(const BYTE *bytes, UINT16 size, DWORD flags, NapSoHMessage **message,
                      UINT16 *offset)
{
    char reason[NAP_SOH_MESSAGE_REASON_SIZE];

    return decode_because(bytes, size, flags, message, offset, reason);
}

static NapSoHMessage *decode_ok(const BYTE *bytes, UINT16 size, DWORD flags)
{
    NapSoHMessage *message = NULL;

    ck_assert_int_eq(decode(bytes, size, flags, &message, NULL), S_OK);
    check_reasons();
    ck_assert_ptr_nonnull(message);
    return message;
}

/* Decoding fails with NAP_E_INVALID_PACKET at offset, leaving nothing behind. */
static void assert_invalid_at(const BYTE *bytes, UINT16 size, DWORD flags, UINT16 offset)
{
    NapSoHMessage *message = (NapSoHMessage *)1;
    UINT16 found = 0xFFFF;
    long before = live_heap_blocks();
    HRESULT hr = decode(bytes, size, flags, &message, &found);
    long after = live_heap_blocks();

    ck_assert_int_eq(hr, NAP_E_INVALID_PACKET);
    ck_assert_ptr_null(message);
    ck_assert_int_eq(found, offset);
    ck_assert_int_eq(after, before);
    check_reasons();
}

/* Decoding fails at offset for exactly reason. */
static void assert_invalid_because(const BYTE *bytes, UINT16 size, DWORD flags, UINT16 offset,
                                   const char *reason)
{
    char found_reason[NAP_SOH_MESSAGE_REASON_SIZE];
    NapSoHMessage *message = (NapSoHMessage *)1;
    UINT16 found = 0xFFFF;

    ck_assert_int_eq(decode_because(bytes, size, flags, &message, &found, found_reason),
                     NAP_E_INVALID_PACKET);
    ck_assert_ptr_null(message);
    ck_assert_uint_eq(found, offset);
    ck_assert_str_eq(found_reason, reason);
    check_reasons();
}

/* Encodes and asserts the result is exactly the expected bytes. */
static void assert_encodes_to(const NapSoHMessage *message, const BYTE *bytes, UINT16 size)
{
    NetworkSoH *soh = NULL;

    ck_assert_int_eq(NapSoHMessageEncode(message, 0, &soh), S_OK);
    ck_assert_int_eq(soh->size, size);
    ck_assert_mem_eq(soh->data, bytes, size);
    FreeNetworkSoH(soh);
}

static const char vista_correlation_id[] = "54468936cb494374b127a6a3cc3bb11c01ca78d858ee1ef0";

static void assert_vista_correlation_id(const CorrelationId *id)
{
    static const BYTE data4[8] = {0xb1, 0x27, 0xa6, 0xa3, 0xcc, 0x3b, 0xb1, 0x1c};

    ck_assert_uint_eq(id->connId.Data1, 0x54468936);
    ck_assert_uint_eq(id->connId.Data2, 0xcb49);
    ck_assert_uint_eq(id->connId.Data3, 0x4374);
    ck_assert_mem_eq(id->connId.Data4, data4, 8);
    ck_assert_uint_eq(id->timeStamp.dwHighDateTime, 0x01ca78d8);
    ck_assert_uint_eq(id->timeStamp.dwLowDateTime, 0x58ee1ef0);
}

/* ---- hand-written vectors ---- */

/* [MS-PEAP]'s SoH request carries a message that is a header with an empty body. */
START_TEST(header_alone)
{
    BYTE bytes[12];
    UINT16 size = hex_bytes("0007 0008 00000137 0002 0000", bytes);
    NapSoHMessage *message = decode_ok(bytes, size, 0);

    ck_assert_int_eq(message->format, 2);
    ck_assert(!message->hasSystemEntry);
    ck_assert_int_eq(message->entryCount, 0);
    ck_assert_int_eq(message->systemAttributeCount, 0);
    assert_encodes_to(message, bytes, size);
    NapSoHMessageFree(message);

    size = hex_bytes("0007 0008 00000137 0001 0000", bytes);
    message = decode_ok(bytes, size, 0);
    ck_assert_int_eq(message->format, 1);
    assert_encodes_to(message, bytes, size);
    NapSoHMessageFree(message);
}
END_TEST

/* Format 1, an SSoH holding every Microsoft type-value of 2.6, every byte written out. */
static const char every_type_value[] =
    "0007 0075 00000137 0001 006d"
    " 0002 0004 00013700"
    " 0007 0061 00000137"
    " 01 00000006 00000001 00001db0 0001 0000 0009"
    " 02 0001 ffffffff fffffffe 0001 00"
    " 03 11"
    " 04 0008 00013700 00013780"
    " 05 0006 686f73743100"
    " 06 54468936cb494374b127a6a3cc3bb11c01ca78d858ee1ef0"
    " 07 0004 00013780"
    " 08 decafbad 01";

START_TEST(format1_every_type_value)
{
    BYTE bytes[200];
    UINT16 size = hex_bytes(every_type_value, bytes);
    NapSoHMessage *message = decode_ok(bytes, size, 0);
    const NapSoHMessageSystemAttribute *a;

    ck_assert_int_eq(size, 121);
    ck_assert_int_eq(message->format, 1);
    ck_assert(message->hasSystemEntry);
    ck_assert_ptr_null(message->systemExtras);
    ck_assert_int_eq(message->entryCount, 0);
    ck_assert_int_eq(message->systemAttributeCount, 8);
    a = message->systemAttributes;
    ck_assert_int_eq(a[0].type, napSoHMessageMachineInventory);
    ck_assert_uint_eq(a[0].value.machineInventory.osMajorVersion, 6);
    ck_assert_uint_eq(a[0].value.machineInventory.osMinorVersion, 1);
    ck_assert_uint_eq(a[0].value.machineInventory.osBuildNumber, 7600);
    ck_assert_uint_eq(a[0].value.machineInventory.servicePackMajor, 1);
    ck_assert_uint_eq(a[0].value.machineInventory.servicePackMinor, 0);
    ck_assert_uint_eq(a[0].value.machineInventory.processorArchitecture, 9);
    ck_assert_int_eq(a[1].type, napSoHMessageQuarantineState);
    ck_assert_uint_eq(a[1].value.quarantineState.flags, 1);
    ck_assert_uint_eq(a[1].value.quarantineState.probationTime.dwHighDateTime, 0xffffffff);
    ck_assert_uint_eq(a[1].value.quarantineState.probationTime.dwLowDateTime, 0xfffffffe);
    ck_assert_uint_eq(a[1].value.quarantineState.urlSize, 1);
    ck_assert_uint_eq(a[1].value.quarantineState.url[0], 0);
    ck_assert_int_eq(a[2].type, napSoHMessagePacketInfo);
    ck_assert_uint_eq(a[2].value.packetInfo, 0x11);
    ck_assert_int_eq(a[3].type, napSoHMessageSystemGeneratedIds);
    ck_assert_uint_eq(a[3].value.idList.count, 2);
    ck_assert_uint_eq(a[3].value.idList.ids[0], 0x00013700);
    ck_assert_uint_eq(a[3].value.idList.ids[1], 0x00013780);
    ck_assert_int_eq(a[4].type, napSoHMessageMachineName);
    ck_assert_uint_eq(a[4].value.machineName.size, 6);
    ck_assert_mem_eq(a[4].value.machineName.bytes, "host1", 6);
    ck_assert_int_eq(a[5].type, napSoHMessageCorrelationId);
    assert_vista_correlation_id(&a[5].value.correlationId);
    ck_assert_int_eq(a[6].type, napSoHMessageInstalledShvs);
    ck_assert_uint_eq(a[6].value.idList.count, 1);
    ck_assert_uint_eq(a[6].value.idList.ids[0], 0x00013780);
    ck_assert_int_eq(a[7].type, napSoHMessageMachineInventoryEx);
    ck_assert_uint_eq(a[7].value.machineInventoryEx.reserved, 0xdecafbad);
    ck_assert_uint_eq(a[7].value.machineInventoryEx.productType, 1);
    assert_encodes_to(message, bytes, size);
    NapSoHMessageFree(message);
}
END_TEST

/* The sample SHA's entry of 2.13 and a Windows-7-style WSHA entry of 2.10. */
static const char sample_sha_entry[] = " 0002 0004 000137f0 0007 0006 000137f0 aaaa";
static const char wsha_entry[] = " 0002 0004 00013780"
                                 " 0007 0008 00013780 03000000"
                                 " 0007 0008 00013780 01000600"
                                 " 0008 0001 00 000a 0004 41004200 000b 0004 00000007"
                                 " 0008 0001 01 000b 0004 c0ff0002";

/* Format 2: the mode sub-header with Vista's Correlation-Id, an SSoH, two entries. */
START_TEST(format2_multi_entry)
{
    char body[600];
    BYTE bytes[300];
    UINT16 size;
    NapSoHMessage *message;
    const SoH *sha;
    const SoH *wsha;

    snprintf(body, sizeof(body), "0007 001e 00000137 %s 01 00 0002 0004 00013700 "
             "0007 0006 00000137 0311%s%s", vista_correlation_id, sample_sha_entry, wsha_entry);
    size = message_bytes(2, body, bytes);
    message = decode_ok(bytes, size, 0);
    ck_assert_int_eq(message->format, 2);
    assert_vista_correlation_id(&message->correlationId);
    ck_assert_uint_eq(message->intent, NAP_SOH_MESSAGE_INTENT_REQUEST);
    ck_assert_uint_eq(message->contentType, 0);
    ck_assert(message->hasSystemEntry);
    ck_assert_int_eq(message->systemAttributeCount, 1);
    ck_assert_uint_eq(message->systemAttributes[0].value.packetInfo, 0x11);
    ck_assert_int_eq(message->entryCount, 2);
    sha = message->entries[0];
    ck_assert_int_eq(sha->count, 2);
    ck_assert_int_eq(sha->attributes[0].type, sohAttributeTypeSystemHealthId);
    ck_assert_int_eq(sha->attributes[1].type, sohAttributeTypeVendorSpecific);
    ck_assert_int_eq(sha->attributes[1].size, 6);
    ck_assert_mem_eq(sha->attributes[1].value, "\x00\x01\x37\xf0\xaa\xaa", 6);
    wsha = message->entries[1];
    ck_assert_int_eq(wsha->count, 8);
    ck_assert_int_eq(wsha->attributes[7].type, 11);
    ck_assert_mem_eq(wsha->attributes[7].value, "\xc0\xff\x00\x02", 4);
    assert_encodes_to(message, bytes, size);
    NapSoHMessageFree(message);
}
END_TEST

/* An SoHR with the sample SHV's answer of 2.13 (QUAR_E_NOTPATCHED), decoded as a response. */
START_TEST(response_with_sample_shv_entry)
{
    char body[600];
    BYTE bytes[300];
    UINT16 size;
    NapSoHMessage *message;

    snprintf(body, sizeof(body), "0007 001e 00000137 %s 02 00 0002 0004 00013700 "
             "0007 002c 00000137 02 0003 00000000 00000000 0000 0301 06 %s"
             " 0002 0004 000137f0 0004 0004 80270050",
             vista_correlation_id, vista_correlation_id);
    size = message_bytes(2, body, bytes);
    message = decode_ok(bytes, size, NAP_SOH_MESSAGE_RESPONSE);
    ck_assert(message->isResponse);
    ck_assert_uint_eq(message->intent, NAP_SOH_MESSAGE_INTENT_RESPONSE);
    ck_assert_int_eq(message->systemAttributeCount, 3);
    ck_assert_uint_eq(message->systemAttributes[0].value.quarantineState.flags, 3);
    ck_assert_uint_eq(message->systemAttributes[0].value.quarantineState.urlSize, 0);
    ck_assert_ptr_null(message->systemAttributes[0].value.quarantineState.url);
    assert_vista_correlation_id(&message->systemAttributes[2].value.correlationId);
    ck_assert_int_eq(message->entryCount, 1);
    ck_assert_int_eq(message->entries[0]->attributes[1].type, sohAttributeTypeComplianceResultCodes);
    ck_assert_mem_eq(message->entries[0]->attributes[1].value, "\x80\x27\x00\x50", 4);
    assert_encodes_to(message, bytes, size);
    NapSoHMessageFree(message);

    /* The SHA's request entry is no response: it carries no result. */
    snprintf(body, sizeof(body), "0002 0004 00013700 0007 0004 00000137%s", sample_sha_entry);
    size = message_bytes(1, body, bytes);
    assert_invalid_at(bytes, size, NAP_SOH_MESSAGE_RESPONSE, 28);
    message = decode_ok(bytes, size, 0);
    NapSoHMessageFree(message);
}
END_TEST

/* Without an SSoH, entries start right away; unknown TLVs stay as octets. */
START_TEST(entries_without_system_entry)
{
    BYTE bytes[100];
    UINT16 size = message_bytes(1, "0002 0004 000137f0 012c 0003 010203 3fff 0000", bytes);
    NapSoHMessage *message = decode_ok(bytes, size, 0);

    ck_assert(!message->hasSystemEntry);
    ck_assert_int_eq(message->entryCount, 1);
    ck_assert_int_eq(message->entries[0]->count, 3);
    ck_assert_int_eq(message->entries[0]->attributes[1].type, 300);
    ck_assert_mem_eq(message->entries[0]->attributes[1].value, "\x01\x02\x03", 3);
    ck_assert_int_eq(message->entries[0]->attributes[2].type, 0x3fff);
    ck_assert_int_eq(message->entries[0]->attributes[2].size, 0);
    assert_encodes_to(message, bytes, size);
    NapSoHMessageFree(message);
}
END_TEST

/* SSoH TLVs besides the Microsoft one are kept raw, a second Microsoft one too. */
START_TEST(system_extras)
{
    BYTE bytes[100];
    UINT16 size = message_bytes(1, "0002 0004 00013700 0007 0006 00000137 0311 0009 0001 05"
                                   " 0007 0005 00000137 03", bytes);
    NapSoHMessage *message = decode_ok(bytes, size, 0);

    ck_assert(message->hasSystemEntry);
    ck_assert_int_eq(message->systemAttributeCount, 1);
    ck_assert_ptr_nonnull(message->systemExtras);
    ck_assert_int_eq(message->systemExtras->count, 2);
    ck_assert_int_eq(message->systemExtras->attributes[0].type, 9);
    ck_assert_int_eq(message->systemExtras->attributes[1].type, 7);
    ck_assert_int_eq(message->systemExtras->attributes[1].size, 5);
    assert_encodes_to(message, bytes, size);
    NapSoHMessageFree(message);
}
END_TEST

/* The M flag: allowed (and masked) on an understood type, refused on another. */
START_TEST(mandatory_flag)
{
    BYTE bytes[100];
    UINT16 size = message_bytes(1, "0002 0004 000137f0 8008 0001 02 412c 0001 07", bytes);
    NapSoHMessage *message = decode_ok(bytes, size, 0);

    ck_assert_int_eq(message->entries[0]->attributes[1].type, 8);
    ck_assert_int_eq(message->entries[0]->attributes[2].type, 300);
    NapSoHMessageFree(message);
    size = message_bytes(1, "0002 0004 000137f0 812c 0001 02", bytes);
    assert_invalid_at(bytes, size, 0, 20);
}
END_TEST

/* Each field of the header and sub-header is checked, and the fault's offset named. */
START_TEST(malformed_headers)
{
    BYTE bytes[200];
    char body[200];
    UINT16 size = hex_bytes("0007 0008 00000137 0002 0000", bytes);

    assert_invalid_at(bytes, 0, 0, 0);
    assert_invalid_at(bytes, 11, 0, 11);
    bytes[1] = 6;
    assert_invalid_at(bytes, size, 0, 0);
    bytes[1] = 7;
    bytes[3] = 9;
    assert_invalid_at(bytes, size, 0, 2);
    bytes[3] = 8;
    bytes[7] = 0x38;
    assert_invalid_at(bytes, size, 0, 4);
    bytes[7] = 0x37;
    bytes[9] = 3;
    assert_invalid_at(bytes, size, 0, 8);
    bytes[9] = 0;
    assert_invalid_at(bytes, size, 0, 8);
    bytes[9] = 2;
    bytes[11] = 1;
    assert_invalid_at(bytes, size, 0, 10);

    snprintf(body, sizeof(body), "0007 001e 00000137 %s 01 00", vista_correlation_id);
    size = message_bytes(2, body, bytes);
    bytes[13] = 8;
    assert_invalid_at(bytes, size, 0, 12);
    bytes[13] = 7;
    bytes[15] = 0x1f;
    assert_invalid_at(bytes, size, 0, 14);
    bytes[15] = 0x1e;
    bytes[19] = 0x38;
    assert_invalid_at(bytes, size, 0, 16);
    bytes[19] = 0x37;
    NapSoHMessageFree(decode_ok(bytes, size, 0));
    /* A sub-header cut short. */
    size = message_bytes(2, "0007 001e 00000137 00", bytes);
    assert_invalid_at(bytes, size, 0, size);
}
END_TEST

/* Faults in the TLVs and in the Microsoft type-values. */
START_TEST(malformed_body)
{
    BYTE bytes[200];
    UINT16 size;

    /* The first TLV must be a System-Health-ID, of length 4. */
    size = message_bytes(1, "0008 0001 00", bytes);
    assert_invalid_at(bytes, size, 0, 12);
    size = message_bytes(1, "0002 0005 0001370000", bytes);
    assert_invalid_at(bytes, size, 0, 14);
    /* A TLV longer than what is left, and a TLV header cut short. */
    size = message_bytes(1, "0002 0004 000137f0 0007 0009 000137f0aa", bytes);
    assert_invalid_at(bytes, size, 0, 22);
    size = message_bytes(1, "0002 0004 000137f0 00", bytes);
    assert_invalid_at(bytes, size, 0, 21);
    /* An entry that is not a valid SoH: a Health-Class of two bytes. */
    size = message_bytes(1, "0002 0004 000137f0 0008 0002 0000", bytes);
    assert_invalid_at(bytes, size, 0, 12);
    /* An unknown Microsoft type-value has no length to skip. */
    size = message_bytes(1, "0002 0004 00013700 0007 0007 00000137 0311 09", bytes);
    assert_invalid_at(bytes, size, 0, 30);
    /* Type-values cut short: fixed layout, length field, counted bytes, ID multiple. */
    size = message_bytes(1, "0002 0004 00013700 0007 0007 00000137 080000", bytes);
    assert_invalid_at(bytes, size, 0, 31);
    size = message_bytes(1, "0002 0004 00013700 0007 0006 00000137 0500", bytes);
    assert_invalid_at(bytes, size, 0, 30);
    size = message_bytes(1, "0002 0004 00013700 0007 0008 00000137 050002 41", bytes);
    assert_invalid_at(bytes, size, 0, 29);
    size = message_bytes(1, "0002 0004 00013700 0007 000a 00000137 070003 000137", bytes);
    assert_invalid_at(bytes, size, 0, 29);
    size = message_bytes(1, "0002 0004 00013700 0007 0008 00000137 02 0001 ff", bytes);
    assert_invalid_at(bytes, size, 0, 32);
}
END_TEST

/* An entry, and the SSoH, hold at most maxSoHAttributeCount TLVs. */
START_TEST(attribute_count_limit)
{
    char body[1200];
    BYTE bytes[600];
    UINT16 size;
    int i;

    for (int ssoh = 0; ssoh <= 1; ssoh++) {
        strcpy(body, ssoh ? "0002 0004 00013700" : "0002 0004 000137f0");
        for (i = 1; i < maxSoHAttributeCount; i++)
            strcat(body, " 0009 0000");
        size = message_bytes(1, body, bytes);
        NapSoHMessageFree(decode_ok(bytes, size, 0));
        strcat(body, " 0009 0000");
        size = message_bytes(1, body, bytes);
        assert_invalid_at(bytes, size, 0, size - 4);
    }
}
END_TEST

/* Bad arguments. */
START_TEST(decode_arguments)
{
    BYTE bytes[12];
    NetworkSoH soh = {hex_bytes("0007 0008 00000137 0002 0000", bytes), bytes};
    NetworkSoH no_data = {12, NULL};
    NapSoHMessage *message = (NapSoHMessage *)1;
    BYTE big[MAX_MESSAGE + 1];

    ck_assert_int_eq(NapSoHMessageDecode(&soh, 0, NULL, NULL), E_POINTER);
    ck_assert_int_eq(NapSoHMessageDecode(NULL, 0, &message, NULL), E_POINTER);
    ck_assert_ptr_null(message);
    ck_assert_int_eq(NapSoHMessageDecode(&no_data, 0, &message, NULL), E_POINTER);
    ck_assert_int_eq(NapSoHMessageDecode(&soh, 2, &message, NULL), E_INVALIDARG);
    ck_assert_ptr_null(message);
    /* Larger than any NetworkSoH may be, whatever its header says. */
    memset(big, 0, sizeof(big));
    assert_invalid_at(big, sizeof(big), 0, MAX_MESSAGE);
    NapSoHMessageFree(NULL);
}
END_TEST

/* ---- what is wrong: NapSoHMessageDecodeEx's reasons ---- */

/* Each fault of the header and mode sub-header, in words. */
START_TEST(reasons_headers)
{
    BYTE bytes[200];
    char body[200];
    UINT16 size = hex_bytes("0007 0008 00000137 0002 0000", bytes);

    assert_invalid_because(bytes, 11, 0, 11,
                           "the message ends inside its 12-byte header (11 of 12 bytes)");
    bytes[1] = 6;
    assert_invalid_because(bytes, size, 0, 0, "outer type 0x0006, not 0x0007 (Vendor-Specific)");
    bytes[1] = 7;
    bytes[3] = 9;
    assert_invalid_because(bytes, size, 0, 2,
                           "outer length 0x0009, not 0x0008 (the size of what follows)");
    bytes[3] = 8;
    bytes[7] = 0x38;
    assert_invalid_because(bytes, size, 0, 4, "vendor 0x00000138, not 0x00000137 (Microsoft)");
    bytes[7] = 0x37;
    bytes[9] = 3;
    assert_invalid_because(bytes, size, 0, 8, "unknown format 3 (1 or 2)");
    bytes[9] = 2;
    bytes[11] = 1;
    assert_invalid_because(bytes, size, 0, 10,
                           "inner length 0x0001, not 0x0000 (the size of the body)");

    snprintf(body, sizeof(body), "0007 001e 00000137 %s 01 00", vista_correlation_id);
    size = message_bytes(2, body, bytes);
    bytes[13] = 8;
    assert_invalid_because(bytes, size, 0, 12,
                           "mode sub-header type 0x0008, not 0x0007 (Vendor-Specific)");
    bytes[13] = 7;
    bytes[15] = 0x1f;
    assert_invalid_because(bytes, size, 0, 14, "mode sub-header length 31, not 30");
    bytes[15] = 0x1e;
    bytes[19] = 0x38;
    assert_invalid_because(bytes, size, 0, 16,
                           "mode sub-header vendor 0x00000138, not 0x00000137 (Microsoft)");
    size = message_bytes(2, "0007 001e 00000137 00", bytes);
    assert_invalid_because(bytes, size, 0, size,
                           "the message ends inside the mode sub-header of format 2 (9 of 34 "
                           "bytes)");
}
END_TEST

/* Each fault of the TLVs and entries, in words. */
START_TEST(reasons_tlvs)
{
    BYTE bytes[600];
    char body[1200];
    UINT16 size;
    int i;

    size = message_bytes(1, "0008 0001 00", bytes);
    assert_invalid_because(bytes, size, 0, 12,
                           "the first TLV is type 8, not a System-Health-ID (2) starting an "
                           "entry");
    size = message_bytes(1, "0002 0005 0001370000", bytes);
    assert_invalid_because(bytes, size, 0, 14, "System-Health-ID length 5, not 4");
    size = message_bytes(1, "0002 0004 000137f0 0007 0009 000137f0aa", bytes);
    assert_invalid_because(bytes, size, 0, 22,
                           "TLV length 0x0009 runs past the end of the message (0x0005 left)");
    size = message_bytes(1, "0002 0004 000137f0 00", bytes);
    assert_invalid_because(bytes, size, 0, 21,
                           "the message ends inside a TLV header (1 of 4 bytes)");
    size = message_bytes(1, "0002 0004 000137f0 812c 0001 02", bytes);
    assert_invalid_because(bytes, size, 0, 20, "mandatory (M) flag on unknown TLV type 300");
    size = message_bytes(1, "0002 0004 000137f0 0008 0002 0000", bytes);
    assert_invalid_because(bytes, size, 0, 12,
                           "report entry: TLV type 8 at offset 20 has 2 bytes, a size its type "
                           "does not allow");
    /* An SoHR's entry: without a result, and with two sets of IPv4 fixup servers. */
    size = message_bytes(1, "0002 0004 000137f0 0007 0006 000137f0 aaaa", bytes);
    assert_invalid_because(bytes, size, NAP_SOH_MESSAGE_RESPONSE, 12,
                           "report entry of an SoHR without Compliance-Result-Codes or "
                           "Failure-Category");
    size = message_bytes(1, "0002 0004 000137f0 0004 0004 00000000 0003 0004 0a000001 "
                            "0003 0004 0a000002", bytes);
    assert_invalid_because(bytes, size, NAP_SOH_MESSAGE_RESPONSE, 12,
                           "report entry of an SoHR with more than one set of fixup servers of "
                           "one address family");
    strcpy(body, "0002 0004 000137f0");
    for (i = 0; i < maxSoHAttributeCount; i++)
        strcat(body, " 0009 0000");
    size = message_bytes(1, body, bytes);
    assert_invalid_because(bytes, size, 0, size - 4, "more than 100 TLVs in one entry");
}
END_TEST

/* Each fault of the Microsoft type-values, in words. */
START_TEST(reasons_type_values)
{
    BYTE bytes[200];
    UINT16 size;

    size = message_bytes(1, "0002 0004 00013700 0007 0007 00000137 0311 09", bytes);
    assert_invalid_because(bytes, size, 0, 30, "unknown Microsoft type-value 9");
    size = message_bytes(1, "0002 0004 00013700 0007 0007 00000137 080000", bytes);
    assert_invalid_because(bytes, size, 0, 31,
                           "MS-Machine-Inventory-Ex (Microsoft type-value 8) needs 5 bytes, 2 "
                           "left in the Microsoft attribute");
    size = message_bytes(1, "0002 0004 00013700 0007 0006 00000137 0500", bytes);
    assert_invalid_because(bytes, size, 0, 30,
                           "MS-MachineName (Microsoft type-value 5) needs 2 bytes up to its "
                           "length, 1 left in the Microsoft attribute");
    size = message_bytes(1, "0002 0004 00013700 0007 0008 00000137 050002 41", bytes);
    assert_invalid_because(bytes, size, 0, 29,
                           "MS-MachineName length 0x0002 runs past the end of the Microsoft "
                           "attribute (0x0001 left)");
    size = message_bytes(1, "0002 0004 00013700 0007 000a 00000137 070003 000137", bytes);
    assert_invalid_because(bytes, size, 0, 29, "MS-Installed-Shvs length 3 is not a multiple of 4");
    size = message_bytes(1, "0002 0004 00013700 0007 0008 00000137 02 0001 ff", bytes);
    assert_invalid_because(bytes, size, 0, 32,
                           "MS-Quarantine-State (Microsoft type-value 2) needs 12 bytes up to "
                           "its length, 3 left in the Microsoft attribute");
}
END_TEST

/* The reason buffer: optional, cut to its size, cleared on any other result. */
START_TEST(reason_buffer)
{
    BYTE bytes[MAX_MESSAGE + 1];
    NetworkSoH soh = {hex_bytes("0007 0008 00000137 0003 0000", bytes), bytes};
    NapSoHMessage *message = (NapSoHMessage *)1;
    char reason[NAP_SOH_MESSAGE_REASON_SIZE];
    UINT16 offset = 0;

    /* No buffer, or one of size 0: the offset alone, nothing written. */
    ck_assert_int_eq(NapSoHMessageDecodeEx(&soh, 0, &message, &offset, NULL, 0),
                     NAP_E_INVALID_PACKET);
    ck_assert_uint_eq(offset, 8);
    strcpy(reason, "untouched");
    ck_assert_int_eq(NapSoHMessageDecodeEx(&soh, 0, &message, NULL, reason, 0),
                     NAP_E_INVALID_PACKET);
    ck_assert_str_eq(reason, "untouched");
    /* A short buffer holds the start of the reason, NUL-terminated. */
    ck_assert_int_eq(NapSoHMessageDecodeEx(&soh, 0, &message, NULL, reason, 8),
                     NAP_E_INVALID_PACKET);
    ck_assert_str_eq(reason, "unknown");
    /* Success, a bad argument, a bad flag: "". */
    bytes[9] = 2;
    ck_assert_int_eq(NapSoHMessageDecodeEx(&soh, 0, &message, NULL, reason, sizeof(reason)),
                     S_OK);
    ck_assert_str_eq(reason, "");
    NapSoHMessageFree(message);
    strcpy(reason, "untouched");
    ck_assert_int_eq(NapSoHMessageDecodeEx(&soh, 0, NULL, NULL, reason, sizeof(reason)),
                     E_POINTER);
    ck_assert_str_eq(reason, "");
    strcpy(reason, "untouched");
    ck_assert_int_eq(NapSoHMessageDecodeEx(&soh, 4, &message, NULL, reason, sizeof(reason)),
                     E_INVALIDARG);
    ck_assert_str_eq(reason, "");
    /* Longer than any NetworkSoH. */
    memset(bytes, 0, sizeof(bytes));
    soh.size = sizeof(bytes);
    ck_assert_int_eq(NapSoHMessageDecodeEx(&soh, 0, &message, &offset, reason, sizeof(reason)),
                     NAP_E_INVALID_PACKET);
    ck_assert_uint_eq(offset, MAX_MESSAGE);
    ck_assert_str_eq(reason, "4001 bytes, longer than a NetworkSoH's 4000");
}
END_TEST

/* ---- encoding ---- */

static SoHAttribute sha_attributes[2] = {
    {sohAttributeTypeSystemHealthId, 4, (BYTE *)"\x00\x01\x37\xf0"},
    {sohAttributeTypeVendorSpecific, 6, (BYTE *)"\x00\x01\x37\xf0\xaa\xaa"}};
static SoH sha_soh = {2, sha_attributes};

/* The encoder writes what IF-TNCCS-SOH section 3.8 lays out, byte for byte. */
START_TEST(encode_every_type_value)
{
    BYTE expected[200];
    UINT16 size = hex_bytes(every_type_value, expected);
    NapSoHMessageSystemAttribute a[WINDOWS7_ENTRY_ATTRIBUTES];
    NapSoHMessage message;

    memset(&message, 0, sizeof(message));
    fill_windows7_entry(a);
    message.format = NAP_SOH_MESSAGE_FORMAT_1;
    message.hasSystemEntry = TRUE;
    message.systemAttributeCount = WINDOWS7_ENTRY_ATTRIBUTES;
    message.systemAttributes = a;
    assert_encodes_to(&message, expected, size);
}
END_TEST

/* Format 2 is the default; an empty message is the bare header. */
START_TEST(encode_default_format)
{
    BYTE expected[100];
    UINT16 size = hex_bytes("0007 0008 00000137 0002 0000", expected);
    NapSoHMessage message;
    SoH *entries[1] = {&sha_soh};

    memset(&message, 0, sizeof(message));
    assert_encodes_to(&message, expected, size);
    message.entryCount = 1;
    message.entries = entries;
    message.intent = NAP_SOH_MESSAGE_INTENT_REQUEST;
    size = message_bytes(2, "0007 001e 00000137 000000000000000000000000000000000000000000000000"
                            " 01 00 0002 0004 000137f0 0007 0006 000137f0 aaaa", expected);
    assert_encodes_to(&message, expected, size);
}
END_TEST

static HRESULT encode_status(const NapSoHMessage *message, UINT16 max_size)
{
    NetworkSoH *soh = (NetworkSoH *)1;
    HRESULT hr = NapSoHMessageEncode(message, max_size, &soh);

    if (SUCCEEDED(hr)) {
        ck_assert_ptr_nonnull(soh);
        FreeNetworkSoH(soh);
    } else {
        ck_assert_ptr_null(soh);
    }
    return hr;
}

START_TEST(encode_arguments)
{
    NapSoHMessage message;
    NapSoHMessageSystemAttribute a;
    SoHAttribute extra = {9, 1, NULL};
    SoH extras = {1, &extra};
    SoH *entries[1] = {NULL};
    SoHAttribute bad_attributes[1] = {{sohAttributeTypeHealthClass, 1, (BYTE *)"\x01"}};
    SoH bad = {1, bad_attributes};
    SoHAttribute system_attributes[1] = {{sohAttributeTypeSystemHealthId, 4,
                                          (BYTE *)"\x00\x01\x37\x00"}};
    SoH system_like = {1, system_attributes};
    NetworkSoH *soh;

    memset(&message, 0, sizeof(message));
    memset(&a, 0, sizeof(a));
    ck_assert_int_eq(NapSoHMessageEncode(&message, 0, NULL), E_POINTER);
    soh = (NetworkSoH *)1;
    ck_assert_int_eq(NapSoHMessageEncode(NULL, 0, &soh), E_POINTER);
    ck_assert_ptr_null(soh);
    message.format = 3;
    ck_assert_int_eq(encode_status(&message, 0), E_INVALIDARG);
    message.format = 0;
    /* System attributes without a system entry, and the reverse checks. */
    message.systemAttributeCount = 1;
    ck_assert_int_eq(encode_status(&message, 0), E_INVALIDARG);
    message.hasSystemEntry = TRUE;
    ck_assert_int_eq(encode_status(&message, 0), E_POINTER);
    message.systemAttributes = &a;
    ck_assert_int_eq(encode_status(&message, 0), E_INVALIDARG);
    a.type = 9;
    ck_assert_int_eq(encode_status(&message, 0), E_INVALIDARG);
    /* A type-value travels in one byte: 0x101 is not type-value 1. */
    a.type = (NapSoHMessageSystemAttributeType)(0x100 + napSoHMessageMachineInventory);
    ck_assert_int_eq(encode_status(&message, 0), E_INVALIDARG);
    a.type = napSoHMessageMachineName;
    a.value.machineName.size = 1;
    a.value.machineName.bytes = NULL;
    ck_assert_int_eq(encode_status(&message, 0), E_POINTER);
    a.type = napSoHMessageQuarantineState;
    a.value.quarantineState.urlSize = 1;
    a.value.quarantineState.url = NULL;
    ck_assert_int_eq(encode_status(&message, 0), E_POINTER);
    a.type = napSoHMessageInstalledShvs;
    a.value.idList.count = 1;
    a.value.idList.ids = NULL;
    ck_assert_int_eq(encode_status(&message, 0), E_POINTER);
    a.type = napSoHMessagePacketInfo;
    ck_assert_int_eq(encode_status(&message, 0), S_OK);
    /* Extras: a buffer behind a size, no System-Health-ID, no flag bits. */
    message.systemExtras = &extras;
    ck_assert_int_eq(encode_status(&message, 0), E_POINTER);
    extra.size = 0;
    ck_assert_int_eq(encode_status(&message, 0), S_OK);
    extra.type = sohAttributeTypeSystemHealthId;
    ck_assert_int_eq(encode_status(&message, 0), E_INVALIDARG);
    extra.type = 0x4009;
    ck_assert_int_eq(encode_status(&message, 0), E_INVALIDARG);
    extras.attributes = NULL;
    ck_assert_int_eq(encode_status(&message, 0), E_POINTER);
    message.systemExtras = NULL;
    message.hasSystemEntry = FALSE;
    message.systemAttributeCount = 0;
    ck_assert_int_eq(encode_status(&message, 0), S_OK);
    message.systemExtras = &extras;
    ck_assert_int_eq(encode_status(&message, 0), E_INVALIDARG);
    message.systemExtras = NULL;
    /* Entries: present, valid SoHs, and not mistaken for an SSoH. */
    message.entryCount = 1;
    ck_assert_int_eq(encode_status(&message, 0), E_POINTER);
    message.entries = entries;
    ck_assert_int_eq(encode_status(&message, 0), E_POINTER);
    entries[0] = &bad;
    ck_assert_int_eq(encode_status(&message, 0), E_INVALIDARG);
    entries[0] = &system_like;
    ck_assert_int_eq(encode_status(&message, 0), E_INVALIDARG);
    message.hasSystemEntry = TRUE;
    ck_assert_int_eq(encode_status(&message, 0), S_OK);
    /* A request entry is no response. */
    entries[0] = &sha_soh;
    message.isResponse = TRUE;
    ck_assert_int_eq(encode_status(&message, 0), E_INVALIDARG);
    message.isResponse = FALSE;
    ck_assert_int_eq(encode_status(&message, 0), S_OK);
}
END_TEST

/* The limit, maxNetworkSoHSize or the caller's: up to it encodes, one past is refused. */
START_TEST(encode_size_limit)
{
    static BYTE payload[maxNetworkSoHSize];
    SoHAttribute attributes[2] = {{sohAttributeTypeSystemHealthId, 4, (BYTE *)"\x00\x01\x37\xf0"},
                                  {sohAttributeTypeClientId, 0, payload}};
    SoH entry = {2, attributes};
    SoH *entries[1] = {&entry};
    NapSoHMessage message;
    /* Header, sub-header, SHID TLV, Client-Id TLV header. */
    UINT16 overhead = 12 + 34 + 8 + 4;

    memset(&message, 0, sizeof(message));
    message.entryCount = 1;
    message.entries = entries;
    attributes[1].size = maxNetworkSoHSize - overhead;
    ck_assert_int_eq(encode_status(&message, 0), S_OK);
    ck_assert_int_eq(encode_status(&message, maxNetworkSoHSize), S_OK);
    ck_assert_int_eq(encode_status(&message, 65535), S_OK);
    ck_assert_int_eq(encode_status(&message, maxNetworkSoHSize - 1), E_INVALIDARG);
    attributes[1].size++;
    ck_assert_int_eq(encode_status(&message, 0), E_INVALIDARG);
    attributes[1].size = 300 - overhead;
    ck_assert_int_eq(encode_status(&message, 300), S_OK);
    ck_assert_int_eq(encode_status(&message, 299), E_INVALIDARG);
}
END_TEST

/* ---- generated messages ---- */


#define MAX_SYSTEM_ATTRIBUTES 10
#define MAX_EXTRAS 3
#define MAX_ENTRIES 5
#define MAX_ENTRY_ATTRIBUTES 8
/*
 * About how many bytes of elements a generated type-value or attribute
 * has at most, so that a message of many stays well within its limit.
 */
#define TYPE_VALUE_ELEMENT_BYTES 40
#define ATTRIBUTE_ELEMENT_BYTES 20

/* A random message and the storage behind it, rebuilt for each case. */
struct generated {
    NapSoHMessage message;
    NapSoHMessageSystemAttribute system[MAX_SYSTEM_ATTRIBUTES];
    /* The elements of each type-value, aligned for 32-bit ones. */
    union {
        UINT32 words[TYPE_VALUE_ELEMENT_BYTES / 4];
        BYTE bytes[TYPE_VALUE_ELEMENT_BYTES];
    } elements[MAX_SYSTEM_ATTRIBUTES];
    SoHAttribute extra_attributes[MAX_EXTRAS];
    SoH extras;
    SoHAttribute attributes[MAX_ENTRIES][MAX_ENTRY_ATTRIBUTES];
    SoH entries[MAX_ENTRIES];
    SoH *entry_pointers[MAX_ENTRIES];
    BYTE pool[3000];
    size_t pool_used;
};

static struct generated gen;

static BYTE *random_bytes(size_t size)
{
    BYTE *bytes = gen.pool + gen.pool_used;
    size_t i;

    ck_assert_uint_le(gen.pool_used + size, sizeof(gen.pool));
    for (i = 0; i < size; i++)
        bytes[i] = (BYTE)test_random();
    gen.pool_used += size;
    return bytes;
}

static FILETIME random_filetime(void)
{
    FILETIME time;

    time.dwLowDateTime = (DWORD)test_random();
    time.dwHighDateTime = (DWORD)test_random();
    return time;
}

static void random_correlation_id(CorrelationId *id)
{
    id->connId.Data1 = (uint32_t)test_random();
    id->connId.Data2 = (uint16_t)test_random();
    id->connId.Data3 = (uint16_t)test_random();
    memcpy(id->connId.Data4, random_bytes(8), 8);
    id->timeStamp = random_filetime();
}

/*
 * A count of the elements of layout: its least, plus up to as many as
 * bytes bytes hold, never past its most.
 */
static UINT16 random_element_count(const struct soh_layout *layout, unsigned bytes)
{
    unsigned count;

    if (layout->element_kind == SOH_ELEMENTS_NONE)
        return 0;
    count = layout->min_count + test_random_below(bytes / layout->element_size + 1);
    return (UINT16)(count < layout->max_count ? count : layout->max_count);
}

/* Type-value index of the system entry: any type with a row, generated from the row. */
static void random_system_attribute(int index)
{
    NapSoHMessageSystemAttribute *a = &gen.system[index];
    unsigned type = 1 + test_random_below(SOH_TYPE_VALUE_ROWS - 1);
    const struct soh_layout *layout = soh_type_value_layout(type);

    random_layout_value(layout, a, sizeof(*a),
                        random_element_count(layout, TYPE_VALUE_ELEMENT_BYTES),
                        gen.elements[index].bytes);
    a->type = (NapSoHMessageSystemAttributeType)type;
}

/*
 * A TLV for an entry attribute or an extra: a type the generated SoHs draw
 * from, with a size its row allows.
 */
static void random_attribute(SoHAttribute *a, BOOL extra)
{
    const struct soh_layout *layout;

    a->type = generated_type(test_random_below(GENERATED_TYPE_COUNT));
    layout = soh_attribute_layout(a->type);
    a->size = (UINT16)(layout->fixed_size +
                       layout->element_size *
                           random_element_count(layout, ATTRIBUTE_ELEMENT_BYTES));
    if (extra && test_random_below(4) == 0)
        a->type = (UINT16)test_random_below(2);
    a->value = random_bytes(a->size);
}

/* An entry of the message's direction; responses carry a result code. */
static void random_entry(int index, BOOL response)
{
    SoHAttribute *attributes = gen.attributes[index];
    UINT16 count = (UINT16)(1 + test_random_below(MAX_ENTRY_ATTRIBUTES));
    UINT16 fixups = 0;
    UINT16 i;

    attributes[0].type = sohAttributeTypeSystemHealthId;
    attributes[0].size = 4;
    attributes[0].value = random_bytes(4);
    /* Never NapSystemId, so that an entry never passes for the SSoH. */
    attributes[0].value[0] |= 0x80;
    for (i = 1; i < count; i++) {
        random_attribute(&attributes[i], FALSE);
        if (attributes[i].type == 3 || attributes[i].type == 15) {
            if (fixups & (1u << (attributes[i].type == 3)))
                attributes[i].type = 9;
            fixups |= 1u << (attributes[i].type == 3);
        }
    }
    if (response) {
        if (count == 1)
            count++;
        attributes[count - 1].type = sohAttributeTypeFailureCategory;
        attributes[count - 1].size = 1;
        attributes[count - 1].value = random_bytes(1);
    }
    gen.entries[index].count = count;
    gen.entries[index].attributes = attributes;
    gen.entry_pointers[index] = &gen.entries[index];
}

static void random_system_entry(void)
{
    NapSoHMessage *m = &gen.message;
    UINT16 i;

    m->hasSystemEntry = TRUE;
    m->systemAttributeCount = (UINT16)test_random_below(MAX_SYSTEM_ATTRIBUTES + 1);
    m->systemAttributes = gen.system;
    for (i = 0; i < m->systemAttributeCount; i++)
        random_system_attribute(i);
    if (test_random_below(4) == 0) {
        gen.extras.count = (UINT16)test_random_below(MAX_EXTRAS + 1);
        gen.extras.attributes = gen.extra_attributes;
        for (i = 0; i < gen.extras.count; i++)
            random_attribute(&gen.extra_attributes[i], TRUE);
        m->systemExtras = &gen.extras;
    }
}

static const NapSoHMessage *random_message(UINT16 format)
{
    NapSoHMessage *m = &gen.message;
    int i;

    memset(&gen, 0, sizeof(gen));
    m->format = format;
    m->isResponse = test_random_below(2) == 0;
    random_correlation_id(&m->correlationId);
    m->intent = (BYTE)test_random();
    m->contentType = (BYTE)test_random();
    if (test_random_below(8) != 0)
        random_system_entry();
    m->entryCount = (UINT16)test_random_below(MAX_ENTRIES + 1);
    m->entries = gen.entry_pointers;
    for (i = 0; i < m->entryCount; i++)
        random_entry(i, m->isResponse);
    return m;
}

static DWORD flags_of(const NapSoHMessage *message)
{
    return message->isResponse ? NAP_SOH_MESSAGE_RESPONSE : 0;
}

/* What one encode -> decode -> encode found; asserted after the heap count. */
struct round_trip {
    HRESULT encoded;
    HRESULT decoded;
    HRESULT reencoded;
    int same_bytes;
    UINT16 format;
    UINT16 entry_count;
    BOOL has_system_entry;
    UINT16 system_attribute_count;
    /* The first decoded type-value that differs from the message's; the count if none. */
    UINT16 first_different_system_attribute;
};

/*
 * The first of the count type-values of b that differs from a's, by their
 * rows: field by field, and element by element.
 */
static UINT16 first_different(const NapSoHMessageSystemAttribute *a,
                              const NapSoHMessageSystemAttribute *b, UINT16 count)
{
    UINT16 i;

    for (i = 0; i < count; i++) {
        const struct soh_layout *layout = soh_type_value_layout((unsigned)a[i].type);

        if (b[i].type != a[i].type || layout == NULL || !same_layout_value(layout, &a[i], &b[i]))
            break;
    }
    return i;
}

static void run_round_trip(const NapSoHMessage *m, struct round_trip *r)
{
    NetworkSoH *first = NULL;
    NetworkSoH *second = NULL;
    NapSoHMessage *decoded = NULL;

    memset(r, 0, sizeof(*r));
    r->encoded = NapSoHMessageEncode(m, 0, &first);
    r->decoded = r->encoded == S_OK ? NapSoHMessageDecode(first, flags_of(m), &decoded, NULL) : E_FAIL;
    r->reencoded = r->decoded == S_OK ? NapSoHMessageEncode(decoded, 0, &second) : E_FAIL;
    if (r->decoded == S_OK && decoded->systemAttributeCount == m->systemAttributeCount)
        r->first_different_system_attribute = first_different(
            m->systemAttributes, decoded->systemAttributes, m->systemAttributeCount);
    if (r->reencoded == S_OK) {
        r->same_bytes = first->size == second->size &&
                        memcmp(first->data, second->data, first->size) == 0;
        r->format = decoded->format;
        r->entry_count = decoded->entryCount;
        r->has_system_entry = decoded->hasSystemEntry;
        r->system_attribute_count = decoded->systemAttributeCount;
    }
    FreeNetworkSoH(first);
    FreeNetworkSoH(second);
    NapSoHMessageFree(decoded);
}

/* The type-values the generated round trips compared, printed per format. */
static unsigned long type_values_compared;

/* encode -> decode -> encode gives the same bytes, and the fields survive. */
static void check_round_trip(const NapSoHMessage *m)
{
    struct round_trip r;
    long before = live_heap_blocks();
    long after;

    run_round_trip(m, &r);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
    ck_assert_int_eq(r.encoded, S_OK);
    ck_assert_int_eq(r.decoded, S_OK);
    ck_assert_int_eq(r.reencoded, S_OK);
    ck_assert(r.same_bytes);
    ck_assert_int_eq(r.format, m->format == 1 ? 1 : 2);
    ck_assert_int_eq(r.entry_count, m->entryCount);
    ck_assert_int_eq(r.has_system_entry, m->hasSystemEntry);
    ck_assert_int_eq(r.system_attribute_count, m->systemAttributeCount);
    ck_assert_msg(r.first_different_system_attribute == m->systemAttributeCount,
                  "type-value %u decoded differs", (unsigned)r.first_different_system_attribute);
    type_values_compared += m->systemAttributeCount;
}

START_TEST(generated_round_trips)
{
    UINT16 format = _i == 0 ? NAP_SOH_MESSAGE_FORMAT_1 : NAP_SOH_MESSAGE_FORMAT_DEFAULT;
    int n;

    test_random_seed(SEED + (uint64_t)_i);
    type_values_compared = 0;
    for (n = 0; n < ROUND_TRIPS_PER_FORMAT; n++)
        check_round_trip(random_message(format));
    printf("# %d generated round trips in format %d, %lu type-values compared\n",
           ROUND_TRIPS_PER_FORMAT, format == 1 ? 1 : 2, type_values_compared);
}
END_TEST

/* ---- truncation and corruption ---- */

/*
 * Decodes bytes: either NAP_E_INVALID_PACKET, or a message that re-encodes
 * and decodes again to the same bytes; either way nothing is left behind.
 */
static void check_decoded_or_refused(const BYTE *bytes, UINT16 size, DWORD flags)
{
    NapSoHMessage *message = NULL;
    struct round_trip r;
    long before = live_heap_blocks();
    long after;
    HRESULT hr = decode(bytes, size, flags, &message, NULL);

    memset(&r, 0, sizeof(r));
    if (hr == S_OK)
        run_round_trip(message, &r);
    NapSoHMessageFree(message);
    after = live_heap_blocks();
    ck_assert_int_eq(after, before);
    ck_assert(hr == S_OK || hr == NAP_E_INVALID_PACKET);
    check_reasons();
    if (hr == S_OK) {
        ck_assert_int_eq(r.encoded, S_OK);
        ck_assert_int_eq(r.decoded, S_OK);
        ck_assert_int_eq(r.reencoded, S_OK);
        ck_assert(r.same_bytes);
        ck_assert_uint_eq(r.first_different_system_attribute, r.system_attribute_count);
    } else {
        ck_assert_ptr_null(message);
    }
}

/* The valid messages whose every prefix and every byte are tried. */
static UINT16 sample_message(int which, BYTE *bytes, DWORD *flags)
{
    char body[800];

    *flags = 0;
    switch (which) {
    case 0:
        return hex_bytes(every_type_value, bytes);
    case 1:
        snprintf(body, sizeof(body), "0007 001e 00000137 %s 01 00 0002 0004 00013700 "
                 "0007 0006 00000137 0311%s%s", vista_correlation_id, sample_sha_entry,
                 wsha_entry);
        return message_bytes(2, body, bytes);
    default:
        *flags = NAP_SOH_MESSAGE_RESPONSE;
        snprintf(body, sizeof(body), "0007 001e 00000137 %s 02 00 0002 0004 00013700 "
                 "0007 002f 00000137 02 0003 00000000 00000000 0005 6874747000 06 %s"
                 " 0009 0000 0002 0004 000137f0 0004 0004 80270050 000e 0001 02",
                 vista_correlation_id, vista_correlation_id);
        return message_bytes(2, body, bytes);
    }
}

/* Sets the header's two lengths to fit size, so the cut reaches the inner layers. */
static void fit_header(BYTE *bytes, UINT16 size)
{
    bytes[2] = (BYTE)((size - 4) >> 8);
    bytes[3] = (BYTE)(size - 4);
    bytes[10] = (BYTE)((size - 12) >> 8);
    bytes[11] = (BYTE)(size - 12);
}

START_TEST(every_truncation)
{
    BYTE bytes[400];
    BYTE cut[400];
    DWORD flags;
    UINT16 size = sample_message(_i, bytes, &flags);
    UINT16 n;

    NapSoHMessageFree(decode_ok(bytes, size, flags));
    for (n = 0; n < size; n++) {
        /* As is: the header's lengths no longer match. */
        assert_invalid_at(bytes, n, flags, n < 12 ? n : 2);
        /* With the header fitted, the cut falls inside a TLV or type-value. */
        if (n >= 12) {
            memcpy(cut, bytes, n);
            fit_header(cut, n);
            check_decoded_or_refused(cut, n, flags);
        }
    }
}
END_TEST

START_TEST(every_corruption)
{
    static const BYTE changes[] = {0x00, 0xFF, 0x01, 0x80, 0x02, 0x07, 0x37};
    BYTE bytes[400];
    DWORD flags;
    UINT16 size = sample_message(_i, bytes, &flags);
    unsigned tried = 0;
    UINT16 pos;
    int c;

    for (pos = 0; pos < size; pos++) {
        BYTE original = bytes[pos];

        for (c = 0; c < COUNT_OF(changes) + 2; c++) {
            if (c < COUNT_OF(changes))
                bytes[pos] = changes[c];
            else
                bytes[pos] = (BYTE)(original ^ (c == COUNT_OF(changes) ? 0xFF : 0x01));
            check_decoded_or_refused(bytes, size, flags);
            check_decoded_or_refused(bytes, size, flags ^ NAP_SOH_MESSAGE_RESPONSE);
            tried++;
        }
        bytes[pos] = original;
    }
    printf("# %u corruptions of a %u-byte message\n", tried, size);
}
END_TEST

/* ---- out of memory ---- */

static void release_network_soh(void *out)
{
    FreeNetworkSoH(out);
}

static void release_message(void *out)
{
    NapSoHMessageFree(out);
}

static HRESULT encode_attempt(void *context, void **out)
{
    return NapSoHMessageEncode(context, 0, (NetworkSoH **)out);
}

/* What decode_attempt decodes. */
struct decode_input {
    NetworkSoH soh;
    DWORD flags;
};

static HRESULT decode_attempt(void *context, void **out)
{
    const struct decode_input *input = context;

    return NapSoHMessageDecode(&input->soh, input->flags, (NapSoHMessage **)out, NULL);
}

START_TEST(out_of_memory)
{
    BYTE bytes[400];
    struct decode_input input;
    NapSoHMessage *message;
    unsigned encode_points;
    unsigned decode_points;

    input.soh.data = bytes;
    input.soh.size = sample_message(_i, bytes, &input.flags);
    message = decode_ok(bytes, input.soh.size, input.flags);
    encode_points = exercise_method_allocation_failures(encode_attempt, message,
                                                        release_network_soh);
    ck_assert_uint_eq(encode_points, 2);
    decode_points = exercise_method_allocation_failures(decode_attempt, &input, release_message);
    /* A decoded message is one block, whatever it holds. */
    ck_assert_uint_eq(decode_points, 1);
    printf("# encode: %u allocation points, decode: %u\n", encode_points, decode_points);
    NapSoHMessageFree(message);
}
END_TEST

/* ---- one block per decoded message ---- */

/* Pointers of the message that lie outside [block, block + size); NULL ones are fine. */
struct block_check {
    const BYTE *block;
    size_t size;
    unsigned outside;
};

static void check_pointer(struct block_check *c, const void *p)
{
    const BYTE *byte = p;

    if (p != NULL && (byte < c->block || byte >= c->block + c->size))
        c->outside++;
}

static void check_soh(struct block_check *c, const SoH *soh)
{
    UINT16 i;

    check_pointer(c, soh);
    check_pointer(c, soh->attributes);
    for (i = 0; i < soh->count; i++)
        check_pointer(c, soh->attributes[i].value);
}

static unsigned pointers_outside(const NapSoHMessage *m, size_t size)
{
    struct block_check c = {(const BYTE *)m, size, 0};
    UINT16 i;

    check_pointer(&c, m->systemAttributes);
    for (i = 0; i < m->systemAttributeCount; i++) {
        const NapSoHMessageSystemAttribute *a = &m->systemAttributes[i];

        check_pointer(&c, soh_element_buffer(soh_type_value_layout(a->type), a));
    }
    if (m->systemExtras != NULL)
        check_soh(&c, m->systemExtras);
    check_pointer(&c, m->entries);
    for (i = 0; i < m->entryCount; i++)
        check_soh(&c, m->entries[i]);
    return c.outside;
}

/*
 * The decoder makes one block, and everything the message points to lies
 * in it: nothing refers to the caller's bytes, which may be gone or reused
 * as soon as the decoder returns.
 */
START_TEST(one_block)
{
    BYTE bytes[400];
    BYTE original[400];
    NetworkSoH soh;
    NetworkSoH *again = NULL;
    NapSoHMessage *message = NULL;
    DWORD flags;
    long before;
    long after;
    HRESULT hr;

    soh.data = bytes;
    soh.size = sample_message(_i, bytes, &flags);
    memcpy(original, bytes, soh.size);
    before = live_heap_blocks();
    hr = NapSoHMessageDecode(&soh, flags, &message, NULL);
    after = live_heap_blocks();
    ck_assert_int_eq(hr, S_OK);
    ck_assert_int_eq(after - before, 1);
    ck_assert_uint_eq(pointers_outside(message, malloc_usable_size(message)), 0);
    memset(bytes, 0xA5, sizeof(bytes));
    ck_assert_int_eq(NapSoHMessageEncode(message, 0, &again), S_OK);
    ck_assert_uint_eq(again->size, soh.size);
    ck_assert_mem_eq(again->data, original, soh.size);
    FreeNetworkSoH(again);
    NapSoHMessageFree(message);
}
END_TEST

static Suite *sohmessage_suite(void)
{
    Suite *suite = suite_create("sohmessage");
    TCase *vectors = add_test_case(suite, "vectors");
    TCase *encoding = add_test_case(suite, "encoding");
    TCase *generated = add_test_case(suite, "generated");
    TCase *hostile = add_test_case(suite, "hostile");
    TCase *memory = add_test_case(suite, "memory");

    tcase_add_test(vectors, header_alone);
    tcase_add_test(vectors, format1_every_type_value);
    tcase_add_test(vectors, format2_multi_entry);
    tcase_add_test(vectors, response_with_sample_shv_entry);
    tcase_add_test(vectors, entries_without_system_entry);
    tcase_add_test(vectors, system_extras);
    tcase_add_test(vectors, mandatory_flag);
    tcase_add_test(vectors, malformed_headers);
    tcase_add_test(vectors, malformed_body);
    tcase_add_test(vectors, attribute_count_limit);
    tcase_add_test(vectors, decode_arguments);
    tcase_add_test(vectors, reasons_headers);
    tcase_add_test(vectors, reasons_tlvs);
    tcase_add_test(vectors, reasons_type_values);
    tcase_add_test(vectors, reason_buffer);
    tcase_add_test(encoding, encode_every_type_value);
    tcase_add_test(encoding, encode_default_format);
    tcase_add_test(encoding, encode_arguments);
    tcase_add_test(encoding, encode_size_limit);
    tcase_add_loop_test(generated, generated_round_trips, 0, 2);
    tcase_add_loop_test(hostile, every_truncation, 0, 3);
    tcase_add_loop_test(hostile, every_corruption, 0, 3);
    tcase_add_loop_test(memory, out_of_memory, 0, 3);
    tcase_add_loop_test(memory, one_block, 0, 3);
    return suite;
}

int main(void)
{
    return run_suite(sohmessage_suite());
}
