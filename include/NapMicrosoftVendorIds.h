/* NapMicrosoftVendorIds.h - the Windows SDK spelling of <napmicrosoftvendorids.h>. */
#include "napmicrosoftvendorids.h"
