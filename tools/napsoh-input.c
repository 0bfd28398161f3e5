/*
 * napsoh-input.c - hex text or binary, and hex text to bytes (see
 * napsoh-input.h for the rules).  The reader is strict: a character the
 * rules do not allow is an error naming its offset, never skipped, so that
 * text that merely looks like hex (a hex dump with offsets, say) is refused
 * rather than read as some other message.  Its loop moves forward on every
 * byte, or stops: a character that is not understood ends the conversion.
 */
#include "config.h"

#include <stdio.h>

#include "napsoh-input.h"

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The white space of C's isspace in the "C" locale, whatever the locale. */
static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

int napsoh_is_text(const unsigned char *bytes, size_t size)
{
    size_t i;

    for (i = 0; i < size; i++)
        if ((bytes[i] < 0x20 || bytes[i] > 0x7e) && !is_space(bytes[i]))
            return 0;
    return 1;
}

static int fail(struct napsoh_hex_error *error, size_t offset, const char *reason)
{
    error->offset = offset;
    snprintf(error->reason, sizeof(error->reason), "%s", reason);
    return -1;
}

/* The error for a character at offset that cannot stand where it is. */
static int unexpected(struct napsoh_hex_error *error, size_t offset, unsigned char c)
{
    error->offset = offset;
    if (c == ':')
        snprintf(error->reason, sizeof(error->reason), "':' stands only between two bytes");
    else if (c == 'x' || c == 'X')
        snprintf(error->reason, sizeof(error->reason),
                 "'%c' is not a hex digit (0x may only start a group)", c);
    else if (c >= 0x20 && c <= 0x7e)
        snprintf(error->reason, sizeof(error->reason),
                 "'%c' is not a hex digit, ':' or white space", c);
    else
        /* Not reached through napsoh, which reads only text as hex. */
        snprintf(error->reason, sizeof(error->reason),
                 "byte 0x%02x is not a hex digit, ':' or white space", c);
    return -1;
}

/*
 * The group at *pos (its first byte is not white space) to out; *pos moves
 * past it.  Each round of the loop takes one byte, two digits, and *pos
 * moves by two or three, so the loop ends.
 */
static int read_group(unsigned char *bytes, size_t size, size_t *pos, size_t *out,
                      struct napsoh_hex_error *error)
{
    size_t i = *pos;

    if (bytes[i] == '0' && i + 1 < size && (bytes[i + 1] == 'x' || bytes[i + 1] == 'X')) {
        if (i + 2 >= size || hex_value(bytes[i + 2]) < 0)
            return fail(error, i, "0x is not followed by hex digits");
        i += 2;
    }
    for (;;) {
        if (hex_value(bytes[i]) < 0)
            return unexpected(error, i, bytes[i]);
        if (i + 1 >= size || is_space(bytes[i + 1]) || bytes[i + 1] == ':')
            return fail(error, i, "odd number of hex digits: this one has no partner");
        if (hex_value(bytes[i + 1]) < 0)
            return unexpected(error, i + 1, bytes[i + 1]);
        bytes[(*out)++] = (unsigned char)(hex_value(bytes[i]) << 4 | hex_value(bytes[i + 1]));
        i += 2;
        if (i >= size || is_space(bytes[i]))
            break;
        if (bytes[i] == ':') {
            if (i + 1 >= size || hex_value(bytes[i + 1]) < 0)
                return fail(error, i, "':' stands only between two bytes");
            i++;
        }
    }
    *pos = i;
    return 0;
}

int napsoh_hex_to_binary(unsigned char *bytes, size_t *size, struct napsoh_hex_error *error)
{
    size_t out = 0;
    size_t i = 0;

    /* out never passes i (two digits make one byte), so the text is read before it is overwritten. */
    while (i < *size) {
        if (is_space(bytes[i]))
            i++;
        else if (read_group(bytes, *size, &i, &out, error) != 0)
            return -1;
    }
    *size = out;
    return 0;
}
