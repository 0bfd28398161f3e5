/*
 * taskmem_cases.h - the task allocator's edge cases shared by check_taskmem
 * and check_taskmem_direct (taskmem_cases.c).
 */
#ifndef NAPUTIL_TASKMEM_CASES_H
#define NAPUTIL_TASKMEM_CASES_H

#include <check.h>

/* Adds the cases that hold on both the checked and the direct path. */
void add_taskmem_edge_cases(TCase *tcase);

#endif /* NAPUTIL_TASKMEM_CASES_H */
