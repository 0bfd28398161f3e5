/*
 * layout_dump.c - the entries of layout_entries.h as a compiler lays them
 * out, for check_layout_sdk.sh.  It is only ever compiled to assembly (-S),
 * never assembled or run, so the same file serves a Linux compiler against
 * our headers and a Windows (mingw-w64) compiler against the Windows SDK's
 * NAP headers, whose programs this machine could not run.
 *
 * Each entry becomes one assembler comment line
 *
 *     #LAYOUT <kind> <name> <value> <x64> <x86>
 *
 * where value is what this compiler computed and x64, x86 are the columns
 * of the table.  The numbers are "i" operands printed with the plain %N
 * form: some targets put "$" or "#" before an immediate, which the script
 * strips, while the %cN form is not portable (s390x prints it as a signed
 * byte).  Some compilers rewrite the comment character for their target
 * ("@" on 32-bit Arm); the script accepts any.
 */

/* A Windows compiler gets the Windows SDK headers, any other ours. */
#ifdef _WIN32
/* The SDK's NAP headers are written for a program that includes windows.h. */
#include <windows.h>
#include <naputil.h>
#include <napsystemhealthagent.h>
#include <napsystemhealthvalidator.h>
#include <napcommon.h>
#include <wincrypt.h>
#include <napmanagement.h>
#include <napservermanagement.h>
#include <napcertrelyingparty.h>
#else
#include "naputil.h"
#include "napsystemhealthagent.h"
#include "napsystemhealthvalidator.h"
#include "napcommon.h"
#include "napmanagement.h"
#include "napservermanagement.h"
#include "napcertrelyingparty.h"
#endif
#include <stddef.h>

#define LAYOUT_SIZE(type, x64, x86)                                                   \
    __asm__ volatile("#LAYOUT size " #type " %0 %1 %2" ::"i"(sizeof(type)), "i"(x64), \
                     "i"(x86));
#define LAYOUT_OFFSET(type, field, x64, x86)                                          \
    __asm__ volatile("#LAYOUT offset " #type "." #field " %0 %1 %2" ::"i"(             \
                         offsetof(type, field)),                                      \
                     "i"(x64), "i"(x86));
#define LAYOUT_SLOT(vtbl, method, slot)                                               \
    __asm__ volatile("#LAYOUT slot " #vtbl "." #method " %0 %1 %2" ::"i"(             \
                         offsetof(vtbl, method) / sizeof(void *)),                    \
                     "i"(slot), "i"(slot));

void layout_dump(void);

/* Not static, so that no compiler drops it as unused. */
void layout_dump(void)
{
    /* The data model, so the script can pick the matching Windows compiler. */
    __asm__ volatile("#LAYOUT model pointer %0 0 0" ::"i"(sizeof(void *)));
    __asm__ volatile("#LAYOUT model long %0 0 0" ::"i"(sizeof(long)));
#include "layout_entries.h"
}
