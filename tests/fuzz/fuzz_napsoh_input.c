/*
 * fuzz_napsoh_input.c - libFuzzer target for napsoh's input path: whether
 * the input is text, and the strict hex reader.  Any input must end (the
 * fuzz rule runs libFuzzer with -timeout, so a hang such as the old
 * reader's on "00x" fails the run), and:
 *  - text that converts gives at most one byte per two characters, and the
 *    bytes written back as spaced hex convert to the same bytes;
 *  - text that does not names an offset inside the text and a reason.
 * ASan catches any access outside the input's own block.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "napsoh-input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A block of exactly size bytes (at least one), so ASan sees any overread. */
static unsigned char *copy_of(const uint8_t *data, size_t size)
{
    unsigned char *copy = malloc(size > 0 ? size : 1);

    if (copy == NULL)
        abort();
    if (size > 0)
        memcpy(copy, data, size);
    return copy;
}

/* The bytes as "xx " triples, which must read back as the same bytes. */
static void check_round_trip(const unsigned char *bytes, size_t size)
{
    static const char digits[] = "0123456789abcdef";
    unsigned char *text = malloc(size * 3 + 1);
    struct napsoh_hex_error error;
    size_t text_size = 0;
    size_t i;

    if (text == NULL)
        abort();
    for (i = 0; i < size; i++) {
        text[text_size++] = (unsigned char)digits[bytes[i] >> 4];
        text[text_size++] = (unsigned char)digits[bytes[i] & 0x0f];
        text[text_size++] = ' ';
    }
    if (!napsoh_is_text(text, text_size))
        abort();
    if (napsoh_hex_to_binary(text, &text_size, &error) != 0 || text_size != size ||
        memcmp(text, bytes, size) != 0)
        abort();
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *bytes = copy_of(data, size);
    struct napsoh_hex_error error;
    size_t converted = size;

    /* napsoh converts only text; the reader must end on anything all the same. */
    (void)napsoh_is_text(bytes, size);
    memset(&error, 0, sizeof(error));
    if (napsoh_hex_to_binary(bytes, &converted, &error) == 0) {
        if (converted > size / 2)
            abort();
        check_round_trip(bytes, converted);
    } else if (error.offset >= size || error.reason[0] == '\0' ||
               memchr(error.reason, '\0', sizeof(error.reason)) == NULL) {
        abort();
    }
    free(bytes);
    return 0;
}
