/*
 * encode_sample.c - writes to standard output a message built by
 * NapSoHMessageEncode: the Windows 7 system entry of windows7_entry.h and
 * a security-agent (WSHA) report entry, in format 2.  tests/check_napsoh.sh decodes it with napsoh.
 */
#include <stdio.h>
#include <string.h>

#include "naputil.h"
#include "windows7_entry.h"

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

int main(void)
{
    NapSoHMessageSystemAttribute system[WINDOWS7_ENTRY_ATTRIBUTES];
    SoH *entries[] = {&wsha};
    NapSoHMessage message;
    NetworkSoH *soh = NULL;
    int status;

    memset(&message, 0, sizeof(message));
    fill_windows7_entry(system);
    message.correlationId = system[5].value.correlationId;
    message.intent = NAP_SOH_MESSAGE_INTENT_REQUEST;
    message.hasSystemEntry = TRUE;
    message.systemAttributeCount = WINDOWS7_ENTRY_ATTRIBUTES;
    message.systemAttributes = system;
    message.entryCount = 1;
    message.entries = entries;
    if (NapSoHMessageEncode(&message, 0, &soh) != S_OK)
        return 1;
    status = fwrite(soh->data, 1, soh->size, stdout) == soh->size ? 0 : 1;
    FreeNetworkSoH(soh);
    return status;
}
