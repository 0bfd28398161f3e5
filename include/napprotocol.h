/*
 * napprotocol.h - the attribute types of a Statement of Health and the
 * typed form of an attribute's value.
 */
#ifndef NAPPROTOCOL_H
#define NAPPROTOCOL_H

#include "naptypes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The TLV type numbers; 0 and 1 are not used. */
typedef enum tagSoHAttributeType {
    sohAttributeTypeSystemHealthId = 2,
    sohAttributeTypeIpv4FixupServers = 3,
    sohAttributeTypeComplianceResultCodes = 4,
    sohAttributeTypeTimeOfLastUpdate = 5,
    sohAttributeTypeClientId = 6,
    sohAttributeTypeVendorSpecific = 7,
    sohAttributeTypeHealthClass = 8,
    sohAttributeTypeSoftwareVersion = 9,
    sohAttributeTypeProductName = 10,
    sohAttributeTypeHealthClassStatus = 11,
    sohAttributeTypeSoHGenerationTime = 12,
    sohAttributeTypeErrorCodes = 13,
    sohAttributeTypeFailureCategory = 14,
    sohAttributeTypeIpv6FixupServers = 15,
    sohAttributeTypeExtendedIsolationState = 16
} SoHAttributeType;

typedef enum tagHealthClassValue {
    healthClassFirewall = 0,
    healthClassPatchLevel = 1,
    healthClassAntiVirus = 2,
    healthClassCriticalUpdate = 3,
    healthClassReserved = 128
} HealthClassValue;

/*
 * The value of one attribute; the attribute's type selects the member:
 *   SystemHealthId                               idVal
 *   Ipv4FixupServers                             v4AddressesVal
 *   Ipv6FixupServers                             v6AddressesVal
 *   ComplianceResultCodes, ErrorCodes            codesVal
 *   TimeOfLastUpdate, SoHGenerationTime          dateTimeVal
 *   VendorSpecific                               vendorSpecificVal
 *   HealthClass, FailureCategory,
 *   ExtendedIsolationState                       uint8Val
 *   any other type, known or not                 octetStringVal
 */
typedef union tagSoHAttributeValue {
    SystemHealthEntityId idVal;
    struct tagIpv4Addresses {
        UINT16 count;
        Ipv4Address *addresses;
    } v4AddressesVal;
    struct tagIpv6Addresses {
        UINT16 count;
        Ipv6Address *addresses;
    } v6AddressesVal;
    ResultCodes codesVal;
    FILETIME dateTimeVal;
    struct tagVendorSpecific {
        UINT32 vendorId;
        UINT16 size;
        BYTE *vendorSpecificData;
    } vendorSpecificVal;
    UINT8 uint8Val;
    struct tagOctetString {
        UINT16 size;
        BYTE *data;
    } octetStringVal;
} SoHAttributeValue;

#ifdef __cplusplus
}
#endif

#endif /* NAPPROTOCOL_H */
