// libxlsxwriter (BSD-2-Clause). Installed on Debian by libxlsxwriter-dev.
#ifndef CADREPLAN_CXLSXWRITER_SHIM_H
#define CADREPLAN_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
