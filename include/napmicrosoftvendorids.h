/*
 * napmicrosoftvendorids.h - the component IDs Microsoft assigned to its own
 * NAP system, enforcement clients and system health agents.  A component ID
 * is the 3-byte IANA SMI enterprise code (Microsoft: 311 = 0x137) followed by
 * a 1-byte component number.
 */
#ifndef NAPMICROSOFTVENDORIDS_H
#define NAPMICROSOFTVENDORIDS_H

#define MicrosoftVendorId 0x00000137
#define NapSystemId 0x00013700
#define NapDhcpEnforcementId 0x00013701
#define NapRasEnforcementId 0x00013702
#define NapIpsecEnforcementId 0x00013703
#define Nap8021xEnforcementId 0x00013704
#define NapAnywhereAccessEnforcementId 0x00013705
#define NapIsaEnforcementId 0x00013706
#define NapEapEnforcementId 0x00013707
/* The Windows Security Health Agent. */
#define NapOutOfBoxSystemHealthId 0x00013780
#define NapSmsSystemHealthId 0x00013781
#define NapFCSv1SystemHealthId 0x00013782
#define NapFCSv2SystemHealthId 0x00013783
#define NapTpmSystemHealthId 0x00013784

#endif /* NAPMICROSOFTVENDORIDS_H */
