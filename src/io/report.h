/*
 * report.h: the final figures of a run as JSON (--report FILE):
 *   {"train":{...},"val":{...},"test":{...},"threshold":T,
 *    "baseline_accuracy":B,"layers":[{...}],"grad_ratio":R,"diverged":null}
 * Each split holds loss, accuracy, precision, recall, f1, auc
 * (classification; an undefined figure is null and "undefined" names why,
 * "confusion" holds the class names and the matrix, rows true, columns
 * predicted) or loss, mse, mae, r2 (regression); an empty split is null.
 * With --compare: {"compare":KEY,"runs":[{"setting":KEY,"value":V,...a
 * report...},...]}.
 */
#ifndef NNSTEP_REPORT_H
#define NNSTEP_REPORT_H

#include <stdio.h>

#include "data/metrics.h"
#include "engine/session.h"

/* m[3]: train, validation, test; have[i] = 0 for an empty split. extra,
 * when not NULL, is written first inside the object (a JSON fragment ending
 * in a comma, e.g. the setting that tells a run of a comparison apart). */
void report_write_run(FILE *f, const struct session *s, const struct metrics m[3],
    const int have[3], const char *indent, const char *extra);
/* Writes the whole report atomically; -1 with *err. */
int report_save(const char *path, const struct session *s, const struct metrics m[3],
    const int have[3], char **err);

#endif
