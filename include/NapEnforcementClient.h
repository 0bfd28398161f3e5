/* NapEnforcementClient.h - the Windows SDK spelling of <napenforcementclient.h>. */
#include "napenforcementclient.h"
