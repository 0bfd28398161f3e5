/* NapServerManagement.h - the Windows SDK spelling of <napservermanagement.h>. */
#include "napservermanagement.h"
