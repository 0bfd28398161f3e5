/*
 * napfree.c - the Free* functions: each releases the blocks embedded in a
 * NAP structure and then the structure itself.
 *
 * All of them accept NULL, because Microsoft's own samples call them on
 * cleanup paths where the producing call failed.  The structures may have
 * been built by hand with CoTaskMemAlloc, so no field is assumed non-NULL.
 */
#include "config.h"

#include "naputil.h"
#include "sohtypes.h"
#include "taskmem.h"

VOID WINAPI FreeFixupInfo(FixupInfo *fixupInfo)
{
    if (fixupInfo == NULL)
        return;
    taskmem_free(fixupInfo->resultCodes.results);
    taskmem_free(fixupInfo);
}

/* Entries hold a reference each (COM [out] rules), given back here. */
VOID WINAPI FreeConnections(Connections *connections)
{
    UINT16 i;

    if (connections == NULL)
        return;
    /* An empty list has no array (AllocConnections makes none): no call to free it. */
    if (connections->connections != NULL) {
        for (i = 0; i < connections->count; i++) {
            INapEnforcementClientConnection *connection = connections->connections[i];

            if (connection != NULL)
                connection->lpVtbl->Release(connection);
        }
        taskmem_free(connections->connections);
    }
    taskmem_free(connections);
}

VOID WINAPI FreeIsolationInfo(IsolationInfo *isolationInfo)
{
    if (isolationInfo == NULL)
        return;
    taskmem_free(isolationInfo->failureUrl.string);
    taskmem_free(isolationInfo);
}

VOID WINAPI FreeIsolationInfoEx(IsolationInfoEx *isolationInfo)
{
    if (isolationInfo == NULL)
        return;
    taskmem_free(isolationInfo->failureUrl.string);
    taskmem_free(isolationInfo);
}

VOID WINAPI FreeCountedString(CountedString *countedString)
{
    if (countedString == NULL)
        return;
    taskmem_free(countedString->string);
    taskmem_free(countedString);
}

VOID WINAPI FreeSoH(SoH *soh)
{
    UINT16 i;

    if (soh == NULL)
        return;
    if (soh->attributes != NULL) {
        for (i = 0; i < soh->count; i++)
            taskmem_free(soh->attributes[i].value);
    }
    taskmem_free(soh->attributes);
    taskmem_free(soh);
}

VOID WINAPI FreeNetworkSoH(NetworkSoH *networkSoh)
{
    if (networkSoh == NULL)
        return;
    taskmem_free(networkSoh->data);
    taskmem_free(networkSoh);
}

VOID WINAPI FreePrivateData(PrivateData *privateData)
{
    if (privateData == NULL)
        return;
    taskmem_free(privateData->data);
    taskmem_free(privateData);
}

/* The buffer that the union member selected by type owns, if any (sohtypes.c's rows). */
static void *attribute_value_buffer(SoHAttributeType type, SoHAttributeValue *value)
{
    /* A type beyond 16 bits has no row, so it is an octet string like any other unknown. */
    UINT16 row = (unsigned)type <= 0xFFFF ? (UINT16)type : 0;

    return soh_element_buffer(soh_attribute_layout(row), value);
}

/* value is tested first: the samples pass type 0 with a NULL value. */
VOID WINAPI FreeSoHAttributeValue(SoHAttributeType type, SoHAttributeValue *value)
{
    if (value == NULL)
        return;
    taskmem_free(attribute_value_buffer(type, value));
    taskmem_free(value);
}

static void free_registration_strings(NapComponentRegistrationInfo *info)
{
    taskmem_free(info->friendlyName.string);
    taskmem_free(info->description.string);
    taskmem_free(info->version.string);
    taskmem_free(info->vendorName.string);
}

VOID WINAPI FreeNapComponentRegistrationInfoArray(UINT16 count,
                                                  NapComponentRegistrationInfo **info)
{
    UINT16 i;

    if (info == NULL || *info == NULL)
        return;
    for (i = 0; i < count; i++)
        free_registration_strings(&(*info)[i]);
    taskmem_free(*info);
    *info = NULL;
}

VOID WINAPI FreeSystemHealthAgentState(SystemHealthAgentState *state)
{
    if (state == NULL)
        return;
    taskmem_free(state->shaResultCodes.results);
    taskmem_free(state->fixupInfo.resultCodes.results);
    taskmem_free(state);
}
