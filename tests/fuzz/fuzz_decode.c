/*
 * fuzz_decode.c - libFuzzer target for the SoH message decoder: any input
 * is decoded as an SoH and as an SoHR; whatever decodes must encode again,
 * decode again and encode to the same bytes.  ASan and UBSan catch any read
 * past the input or leak; a broken property aborts.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "naputil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input in a block of exactly its size, so ASan sees any overread. */
static NetworkSoH *network_soh_of(const uint8_t *data, size_t size)
{
    NetworkSoH *soh = malloc(sizeof(*soh));

    if (soh == NULL)
        abort();
    soh->size = (UINT16)size;
    soh->data = malloc(size > 0 ? size : 1);
    if (soh->data == NULL)
        abort();
    if (size > 0)
        memcpy(soh->data, data, size);
    return soh;
}

static void free_copy(NetworkSoH *soh)
{
    free(soh->data);
    free(soh);
}

/* A decoded message re-encodes, and that encoding is a fixed point. */
static void check_stable(const NapSoHMessage *message, DWORD flags)
{
    NetworkSoH *first = NULL;
    NetworkSoH *second = NULL;
    NapSoHMessage *again = NULL;

    if (NapSoHMessageEncode(message, 0, &first) != S_OK)
        abort();
    if (NapSoHMessageDecode(first, flags, &again, NULL) != S_OK)
        abort();
    if (NapSoHMessageEncode(again, 0, &second) != S_OK)
        abort();
    if (first->size != second->size || memcmp(first->data, second->data, first->size) != 0)
        abort();
    FreeNetworkSoH(first);
    FreeNetworkSoH(second);
    NapSoHMessageFree(again);
}

static void decode_as(const NetworkSoH *soh, DWORD flags)
{
    NapSoHMessage *message = NULL;
    UINT16 offset = 0;
    HRESULT hr = NapSoHMessageDecode(soh, flags, &message, &offset);

    if (hr == S_OK) {
        check_stable(message, flags);
        NapSoHMessageFree(message);
    } else if (hr != NAP_E_INVALID_PACKET || message != NULL || offset > soh->size) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    NetworkSoH *soh;

    if (size > UINT16_MAX)
        return 0;
    soh = network_soh_of(data, size);
    decode_as(soh, 0);
    decode_as(soh, NAP_SOH_MESSAGE_RESPONSE);
    free_copy(soh);
    return 0;
}
