/*
 * fuzz_processor.c - libFuzzer target for INapSoHProcessor::Initialize: the
 * input's first byte chooses request or response, the rest is read as
 * TLVs (type, length, value; a length past the end is cut to what is
 * left) making up the SoH.  Whatever Initialize accepts must then give
 * every attribute back through GetAttribute.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define COBJMACROS
#include "naputil.h"

#define MAX_ATTRIBUTES 200

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Each value in a block of its own size, so ASan sees any overread. */
static UINT16 split_attributes(const uint8_t *data, size_t size, SoHAttribute *attributes)
{
    UINT16 count = 0;
    size_t pos = 0;

    while (pos + 4 <= size && count < MAX_ATTRIBUTES) {
        SoHAttribute *a = &attributes[count++];
        size_t length = (size_t)data[pos + 2] << 8 | data[pos + 3];

        if (length > size - pos - 4)
            length = size - pos - 4;
        a->type = (UINT16)(data[pos] << 8 | data[pos + 1]);
        a->size = (UINT16)length;
        a->value = malloc(length > 0 ? length : 1);
        if (a->value == NULL)
            abort();
        memcpy(a->value, data + pos + 4, length);
        pos += 4 + length;
    }
    return count;
}

/* After a successful Initialize, every attribute reads back. */
static void read_all(INapSoHProcessor *processor)
{
    UINT16 count = 0;
    UINT16 i;

    if (INapSoHProcessor_GetNumberOfAttributes(processor, &count) != S_OK)
        abort();
    for (i = 0; i < count; i++) {
        SoHAttributeType type;
        SoHAttributeValue *value = NULL;
        UINT16 found = 0;

        if (INapSoHProcessor_GetAttribute(processor, i, &type, &value) != S_OK)
            abort();
        FreeSoHAttributeValue(type, value);
        if (INapSoHProcessor_FindNextAttribute(processor, i, type, &found) != S_OK || found != i)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    SoHAttribute attributes[MAX_ATTRIBUTES];
    INapSoHProcessor *processor = NULL;
    SystemHealthEntityId id = 0;
    SoH soh;
    UINT16 i;

    if (size < 1)
        return 0;
    soh.count = split_attributes(data + 1, size - 1, attributes);
    soh.attributes = attributes;
    if (CreateNapSoHProcessor(&processor) != S_OK)
        abort();
    if (INapSoHProcessor_Initialize(processor, &soh, data[0] & 1, &id) == S_OK)
        read_all(processor);
    INapSoHProcessor_Release(processor);
    for (i = 0; i < soh.count; i++)
        free(attributes[i].value);
    return 0;
}
