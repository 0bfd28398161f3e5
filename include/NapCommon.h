/* NapCommon.h - the Windows SDK spelling of <napcommon.h>. */
#include "napcommon.h"
