/*
 * windows7_entry.h - the system entry (SSoH) of a Windows 7 x64 client, with
 * all eight Microsoft type-values, as IF-TNCCS-SOH section 3.8 lays them
 * out: the one fixture that check_sohmessage.c encodes byte for byte
 * against tests/vectors/every-type-value.hex, that encode_sample.c writes
 * for napsoh's test, and that the codec benchmark measures.
 *
 * The function is defined here, static, because its three users are built
 * three ways (a Check program, a program linked only to the library, a
 * benchmark) and share no object file.
 */
#ifndef NAPUTIL_WINDOWS7_ENTRY_H
#define NAPUTIL_WINDOWS7_ENTRY_H

#include <string.h>

#include "naputil.h"

#define WINDOWS7_ENTRY_ATTRIBUTES 8

/*
 * Fills a[0..7], in type-value order.  What the attributes point to is
 * static: the arrays must not be freed, and are shared by every caller.
 */
static void fill_windows7_entry(NapSoHMessageSystemAttribute a[WINDOWS7_ENTRY_ATTRIBUTES])
{
    static SystemHealthEntityId generated[] = {0x00013700, 0x00013780};
    static SystemHealthEntityId installed_shvs[] = {0x00013780};
    static BYTE machine_name[] = "host1";
    static BYTE no_url[] = {0x00};
    static const BYTE connection_bytes[8] = {0xb1, 0x27, 0xa6, 0xa3, 0xcc, 0x3b, 0xb1, 0x1c};

    memset(a, 0, WINDOWS7_ENTRY_ATTRIBUTES * sizeof(*a));
    a[0].type = napSoHMessageMachineInventory;
    a[0].value.machineInventory.osMajorVersion = 6;
    a[0].value.machineInventory.osMinorVersion = 1;
    a[0].value.machineInventory.osBuildNumber = 7600;
    a[0].value.machineInventory.servicePackMajor = 1;
    a[0].value.machineInventory.processorArchitecture = 9;
    a[1].type = napSoHMessageQuarantineState;
    a[1].value.quarantineState.flags = 1;
    a[1].value.quarantineState.probationTime.dwHighDateTime = 0xffffffff;
    a[1].value.quarantineState.probationTime.dwLowDateTime = 0xfffffffe;
    a[1].value.quarantineState.urlSize = sizeof(no_url);
    a[1].value.quarantineState.url = no_url;
    a[2].type = napSoHMessagePacketInfo;
    a[2].value.packetInfo = 0x11;
    a[3].type = napSoHMessageSystemGeneratedIds;
    a[3].value.idList.count = 2;
    a[3].value.idList.ids = generated;
    a[4].type = napSoHMessageMachineName;
    a[4].value.machineName.size = sizeof(machine_name);
    a[4].value.machineName.bytes = machine_name;
    a[5].type = napSoHMessageCorrelationId;
    a[5].value.correlationId.connId.Data1 = 0x54468936;
    a[5].value.correlationId.connId.Data2 = 0xcb49;
    a[5].value.correlationId.connId.Data3 = 0x4374;
    memcpy(a[5].value.correlationId.connId.Data4, connection_bytes, sizeof(connection_bytes));
    a[5].value.correlationId.timeStamp.dwHighDateTime = 0x01ca78d8;
    a[5].value.correlationId.timeStamp.dwLowDateTime = 0x58ee1ef0;
    a[6].type = napSoHMessageInstalledShvs;
    a[6].value.idList.count = 1;
    a[6].value.idList.ids = installed_shvs;
    a[7].type = napSoHMessageMachineInventoryEx;
    a[7].value.machineInventoryEx.reserved = 0xdecafbad;
    a[7].value.machineInventoryEx.productType = 1;
}

#endif /* NAPUTIL_WINDOWS7_ENTRY_H */
