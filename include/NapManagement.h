/* NapManagement.h - the Windows SDK spelling of <napmanagement.h>. */
#include "napmanagement.h"
