/*
 * encode_sample.c - writes to standard output a message built by
 * NapSoHMessageEncode: a Windows-7-style system entry with all eight
 * Microsoft type-values and a security-agent (WSHA) report entry, in
 * format 2.  tests/check_napsoh.sh decodes it with napsoh.
 */
#include <stdio.h>
#include <string.h>

#include "naputil.h"

static BYTE wsha_id[] = {0x00, 0x01, 0x37, 0x80};
static BYTE wsha_flag[] = {0x00, 0x01, 0x37, 0x80, 0x03, 0x00, 0x00, 0x00};
static BYTE wsha_version[] = {0x00, 0x01, 0x37, 0x80, 0x01, 0x00, 0x06, 0x00};
static BYTE firewall[] = {0x00};
static BYTE firewall_status[] = {0x00, 0x00, 0x00, 0x07};
static SoHAttribute wsha_attributes[] = {
    {sohAttributeTypeSystemHealthId, sizeof(wsha_id), wsha_id},
    {sohAttributeTypeVendorSpecific, sizeof(wsha_flag), wsha_flag},
    {sohAttributeTypeVendorSpecific, sizeof(wsha_version), wsha_version},
    {sohAttributeTypeHealthClass, sizeof(firewall), firewall},
    {sohAttributeTypeHealthClassStatus, sizeof(firewall_status), firewall_status}};
static SoH wsha = {sizeof(wsha_attributes) / sizeof(wsha_attributes[0]), wsha_attributes};

static SystemHealthEntityId installed_shvs[] = {0x00013780};
static SystemHealthEntityId generated_ids[] = {0x00013700};
static BYTE machine_name[] = "client7.example";
static BYTE no_url[] = {0x00};

static void fill_system_attributes(NapSoHMessageSystemAttribute *a)
{
    memset(a, 0, 8 * sizeof(*a));
    a[0].type = napSoHMessageMachineInventory;
    a[0].value.machineInventory.osMajorVersion = 6;
    a[0].value.machineInventory.osMinorVersion = 1;
    a[0].value.machineInventory.osBuildNumber = 7600;
    a[0].value.machineInventory.processorArchitecture = 9;
    a[1].type = napSoHMessageQuarantineState;
    a[1].value.quarantineState.flags = 1;
    a[1].value.quarantineState.urlSize = sizeof(no_url);
    a[1].value.quarantineState.url = no_url;
    a[2].type = napSoHMessagePacketInfo;
    a[2].value.packetInfo = 0x11;
    a[3].type = napSoHMessageSystemGeneratedIds;
    a[3].value.idList.count = 1;
    a[3].value.idList.ids = generated_ids;
    a[4].type = napSoHMessageMachineName;
    a[4].value.machineName.size = sizeof(machine_name);
    a[4].value.machineName.bytes = machine_name;
    a[5].type = napSoHMessageCorrelationId;
    a[5].value.correlationId.connId.Data1 = 0x54468936;
    a[5].value.correlationId.timeStamp.dwHighDateTime = 0x01ca78d8;
    a[5].value.correlationId.timeStamp.dwLowDateTime = 0x58ee1ef0;
    a[6].type = napSoHMessageInstalledShvs;
    a[6].value.idList.count = 1;
    a[6].value.idList.ids = installed_shvs;
    a[7].type = napSoHMessageMachineInventoryEx;
    a[7].value.machineInventoryEx.reserved = 0xdecafbad;
    a[7].value.machineInventoryEx.productType = 1;
}

int main(void)
{
    NapSoHMessageSystemAttribute system[8];
    SoH *entries[] = {&wsha};
    NapSoHMessage message;
    NetworkSoH *soh = NULL;
    int status;

    memset(&message, 0, sizeof(message));
    fill_system_attributes(system);
    message.correlationId = system[5].value.correlationId;
    message.intent = NAP_SOH_MESSAGE_INTENT_REQUEST;
    message.hasSystemEntry = TRUE;
    message.systemAttributeCount = 8;
    message.systemAttributes = system;
    message.entryCount = 1;
    message.entries = entries;
    if (NapSoHMessageEncode(&message, 0, &soh) != S_OK)
        return 1;
    status = fwrite(soh->data, 1, soh->size, stdout) == soh->size ? 0 : 1;
    FreeNetworkSoH(soh);
    return status;
}
