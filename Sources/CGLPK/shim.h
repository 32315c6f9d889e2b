// GLPK (GNU Linear Programming Kit), GPL-3.0. Installed on Debian by libglpk-dev.
#ifndef CADREPLAN_CGLPK_SHIM_H
#define CADREPLAN_CGLPK_SHIM_H
#include <glpk.h>
#endif
