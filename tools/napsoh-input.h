/*
 * napsoh-input.h - how napsoh tells hex text from binary and reads hex text
 * into bytes.  A file of its own so that the fuzz target
 * (tests/fuzz/fuzz_napsoh_input.c) runs exactly the code napsoh runs.
 */
#ifndef NAPSOH_INPUT_H
#define NAPSOH_INPUT_H

#include <stddef.h>

/* Room for the longest reason hex_to_binary gives, with its quoted byte. */
#define NAPSOH_HEX_REASON_SIZE 96

/* Where hex text went wrong: the offset in the text, and what is wrong there. */
struct napsoh_hex_error {
    size_t offset;
    char reason[NAPSOH_HEX_REASON_SIZE];
};

/*
 * Whether the input is hex text: every byte printable ASCII (0x20 to 0x7e)
 * or white space (space, \t, \n, \v, \f, \r).  Anything else, such as the
 * 00 byte every binary SoH message starts with, makes it binary.
 */
int napsoh_is_text(const unsigned char *bytes, size_t size);

/*
 * Converts hex text in place and sets *size to the number of bytes.  The
 * text is groups separated by white space; a group is an optional 0x or 0X
 * prefix, then hex digits in pairs, one byte each, with an optional ':'
 * between two bytes.  Returns 0, or -1 with *error saying where (the offset
 * in the text) and what is wrong; the bytes are then undefined.  Every call
 * reads each byte of the text once at most: it always ends.
 */
int napsoh_hex_to_binary(unsigned char *bytes, size_t *size, struct napsoh_hex_error *error);

#endif /* NAPSOH_INPUT_H */
