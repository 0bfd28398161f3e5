/* NapTypes.h - the Windows SDK spelling of <naptypes.h>. */
#include "naptypes.h"
