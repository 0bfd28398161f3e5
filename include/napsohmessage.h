/*
 * napsohmessage.h - the SoH wire message (a Linux addition, no Windows
 * counterpart): encode a whole SoH message - 12-byte header, optional mode
 * sub-header, the NAP agent's system entry (SSoH) with Microsoft's
 * type-value attributes, and one report entry per health agent - into a
 * NetworkSoH, and decode one back.
 *
 * Every integer travels big-endian, the Correlation-Id as a big-endian GUID
 * followed by a big-endian 64-bit FILETIME.  The response (SoHR) direction
 * uses the same layout; that layout is provisional, as no public
 * description or capture of a Windows SoHR exists.
 */
#ifndef NAPSOHMESSAGE_H
#define NAPSOHMESSAGE_H

#include "napwinbase.h"
#include "naptypes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The inner type of the header: 1 has no mode sub-header, 2 has one. */
#define NAP_SOH_MESSAGE_FORMAT_DEFAULT 0
#define NAP_SOH_MESSAGE_FORMAT_1 1
#define NAP_SOH_MESSAGE_FORMAT_2 2

/* Intent of the mode sub-header; only the request value is attested. */
#define NAP_SOH_MESSAGE_INTENT_REQUEST 0x01
#define NAP_SOH_MESSAGE_INTENT_RESPONSE 0x02

/* NapSoHMessageDecode flag: the message is an SoHR, its entries SoHResponses. */
#define NAP_SOH_MESSAGE_RESPONSE 0x1

/* The Microsoft type-value attributes of the SSoH and SSoHR. */
typedef enum tagNapSoHMessageSystemAttributeType {
    napSoHMessageMachineInventory = 1,
    napSoHMessageQuarantineState = 2,
    napSoHMessagePacketInfo = 3,
    napSoHMessageSystemGeneratedIds = 4,
    napSoHMessageMachineName = 5,
    napSoHMessageCorrelationId = 6,
    napSoHMessageInstalledShvs = 7,
    napSoHMessageMachineInventoryEx = 8
} NapSoHMessageSystemAttributeType;

typedef struct tagNapSoHMessageMachineInventory {
    UINT32 osMajorVersion;
    UINT32 osMinorVersion;
    UINT32 osBuildNumber;
    UINT16 servicePackMajor;
    UINT16 servicePackMinor;
    /* 0 x86, 6 IA64, 9 x64. */
    UINT16 processorArchitecture;
} NapSoHMessageMachineInventory;

typedef struct tagNapSoHMessageQuarantineState {
    /* Kept raw: the meaning of the bits is not documented. */
    UINT16 flags;
    ProbationTime probationTime;
    UINT16 urlSize;
    BYTE *url;
} NapSoHMessageQuarantineState;

/* MS-SystemGenerated-Ids and MS-Installed-Shvs: 4-byte IDs, host order here. */
typedef struct tagNapSoHMessageIdList {
    UINT16 count;
    SystemHealthEntityId *ids;
} NapSoHMessageIdList;

/* MS-MachineName: the bytes as sent (Windows counts a trailing NUL). */
typedef struct tagNapSoHMessageOctets {
    UINT16 size;
    BYTE *bytes;
} NapSoHMessageOctets;

typedef struct tagNapSoHMessageMachineInventoryEx {
    UINT32 reserved;
    /* 1 client, 2 domain controller, 3 server. */
    BYTE productType;
} NapSoHMessageMachineInventoryEx;

/* One Microsoft type-value attribute; type selects the union member. */
typedef struct tagNapSoHMessageSystemAttribute {
    NapSoHMessageSystemAttributeType type;
    union {
        NapSoHMessageMachineInventory machineInventory;
        NapSoHMessageQuarantineState quarantineState;
        BYTE packetInfo;
        NapSoHMessageIdList idList;
        NapSoHMessageOctets machineName;
        CorrelationId correlationId;
        NapSoHMessageMachineInventoryEx machineInventoryEx;
    } value;
} NapSoHMessageSystemAttribute;

/*
 * A decoded SoH or SoHR message.  NapSoHMessageDecode returns it as one
 * CoTaskMem block holding everything it points to (its arrays, entries,
 * attributes, and a copy of the message's bytes for the octet values), so
 * NapSoHMessageFree releases it at once, and nothing it points to may be
 * freed on its own: copy an entry to keep it.  A message the caller builds
 * for NapSoHMessageEncode may point anywhere.  A message without a system
 * entry and without report entries is the bare 12-byte header (an SoH
 * request).
 */
typedef struct tagNapSoHMessage {
    /* NAP_SOH_MESSAGE_FORMAT_1 or _2; _DEFAULT (0) encodes format 2. */
    UINT16 format;
    /* TRUE for an SoHR: the entries are validated as SoHResponses. */
    BOOL isResponse;
    /* The mode sub-header (format 2 only). */
    CorrelationId correlationId;
    BYTE intent;
    BYTE contentType;
    /* Whether the first entry is the SSoH (System-Health-ID NapSystemId). */
    BOOL hasSystemEntry;
    /* The Microsoft type-value attributes of the SSoH, in wire order. */
    UINT16 systemAttributeCount;
    NapSoHMessageSystemAttribute *systemAttributes;
    /*
     * The SSoH's other TLVs (after its System-Health-ID and Microsoft
     * attribute) as raw attributes, or NULL: a list, not a valid SoH.
     */
    SoH *systemExtras;
    /* The report entries, one SoH (SoHRequest or SoHResponse) per agent. */
    UINT16 entryCount;
    SoH **entries;
} NapSoHMessage;

/*
 * Encodes message into a new NetworkSoH (*networkSoh, freed with
 * FreeNetworkSoH).  maxSize is the caller's limit (0: maxNetworkSoHSize);
 * a message larger than the limit or than maxNetworkSoHSize is refused,
 * never truncated.  S_OK, E_POINTER (NULL argument or buffer),
 * E_INVALIDARG (invalid field, entry or size) or E_OUTOFMEMORY.
 */
NAPAPI HRESULT WINAPI NapSoHMessageEncode(const NapSoHMessage *message, UINT16 maxSize,
                                          NetworkSoH **networkSoh);

/*
 * Decodes networkSoh into a new message (*message, freed with
 * NapSoHMessageFree).  flags: 0 or NAP_SOH_MESSAGE_RESPONSE.  S_OK,
 * E_POINTER, E_INVALIDARG (unknown flag), NAP_E_INVALID_PACKET (malformed:
 * *errorOffset, when errorOffset is not NULL, is the offset of the first
 * byte found wrong) or E_OUTOFMEMORY; *message is NULL on failure.
 */
NAPAPI HRESULT WINAPI NapSoHMessageDecode(const NetworkSoH *networkSoh, DWORD flags,
                                          NapSoHMessage **message, UINT16 *errorOffset);

/*
 * Room for any reason NapSoHMessageDecodeEx gives, with its NUL: a buffer
 * of this size never truncates one.
 */
#define NAP_SOH_MESSAGE_REASON_SIZE 160

/*
 * NapSoHMessageDecode that also says what is wrong: on
 * NAP_E_INVALID_PACKET, reason (when not NULL and reasonSize is not 0)
 * holds a short English phrase naming the fault at *errorOffset, such as
 * "unknown Microsoft type-value 9", cut to reasonSize - 1 characters and
 * NUL-terminated; on any other result it holds "".  Exported in version
 * node NAPUTIL_1.1, so a program that calls it needs a library that has it.
 */
NAPAPI HRESULT WINAPI NapSoHMessageDecodeEx(const NetworkSoH *networkSoh, DWORD flags,
                                            NapSoHMessage **message, UINT16 *errorOffset,
                                            char *reason, SIZE_T reasonSize);

/* Releases a decoded message, which is one block; a no-op for NULL. */
NAPAPI VOID WINAPI NapSoHMessageFree(NapSoHMessage *message);

#ifdef __cplusplus
}
#endif

#endif /* NAPSOHMESSAGE_H */
