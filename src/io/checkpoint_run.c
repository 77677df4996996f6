/* checkpoint_run.c: the run settings of a checkpoint (see checkpoint_run.h). */
#define _GNU_SOURCE 1
#include <inttypes.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/checkpoint.h"
#include "io/checkpoint_run.h"
#include "io/jsonout.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

static const char *const run_scales[] = { "standard", "minmax", "none" };
static const char *const run_missing[] = { "error", "drop", "mean" };
static const char *const run_splits[3] = { "train", "val", "test" };

static int run_name(const char *const *names, int n, const char *s);
static int run_fail(char **err, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void run_fractions(char *buf, size_t n, const double *f);
static void run_weights(char *buf, size_t n, int auto_, int k, const double *w, int expl);

/* ---------------------------------------------------------------- saving */

void
checkpoint_run_write(FILE *f, const struct session *s)
{
	const struct dataset *d = s->data;
	const struct split *sp[3] = { &d->train, &d->val, &d->test };
	int k, c, nw = d->task == TASK_REGRESS ? 0 : d->prep ? d->prep->nclasses : 2;
	long i;

	fputs(",\n\"run\":{\"split\":", f);
	jsonout_array(f, d->split, 3);
	fprintf(f, ",\"split_seed\":\"%" PRIu64 "\",\"rows\":{", d->split_seed);
	for (k = 0; k < 3; k++) {
		fprintf(f, "%s\n \"%s\":[", k ? "," : "", run_splits[k]);
		/* Rows added by hand in the data panel (row -1) are in no table:
		 * the checkpoint names the data set's rows only. */
		for (i = 0, c = 0; i < sp[k]->n; i++)
			if (!sp[k]->row || sp[k]->row[i] >= 0)
				fprintf(f, "%s%ld", c++ ? "," : "", (sp[k]->row ? sp[k]->row[i] : i) + 1);
		fputc(']', f);
	}
	fprintf(f, "},\n \"class_weight\":\"%s\",\"class_weights\":[",
	    d->class_weight_auto ? "auto" : d->nclass_weights > 0 ? "list" : "none");
	for (c = 0; c < nw && c < 64; c++) {
		fputs(c ? "," : "", f);
		jsonout_number(f, d->class_weight[c]);
	}
	fprintf(f, "],\"scale\":\"%s\",\"missing\":\"%s\",\"threshold\":",
	    d->prep ? run_scales[d->prep->scale] : "none", run_missing[d->missing]);
	jsonout_number(f, session_cfg(s)->threshold);
	fputc('}', f);
}

/* --------------------------------------------------------------- loading */

static int
run_name(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; s && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

static int
run_fail(char **err, const char *path, const char *fmt, ...)
{
	va_list ap;
	char *what;

	va_start(ap, fmt);
	if (vasprintf(&what, fmt, ap) < 0)
		what = NULL;
	va_end(ap);
	*err = xasprintf("%s: %s", path, what ? what : "bad run settings");
	free(what);
	return -1;
}

int
checkpoint_run_read(const struct checkpoint *c, struct checkpoint_run *r, char **err)
{
	const json_t *run = json_object_get(checkpoint_json(c), "run"), *v, *rows;
	const char *path = checkpoint_path(c), *s;
	char *end;
	size_t i;
	int k;

	memset(r, 0, sizeof *r);
	if (run == NULL)
		return 0;
	if (!json_is_object(run))
		return run_fail(err, path, _("\"run\" must be an object"));
	v = json_object_get(run, "split");
	if (!json_is_array(v) || json_array_size(v) != 3)
		return run_fail(err, path, _("run: \"split\" must be 3 fractions (train, val, test)"));
	for (k = 0; k < 3; k++) {
		const json_t *x = json_array_get(v, (size_t)k);

		r->split[k] = json_number_value(x);
		if (!json_is_number(x) || !(r->split[k] >= 0 && r->split[k] <= 1))
			return run_fail(err, path, _("run: \"split\" must be 3 fractions from 0 to 1"));
	}
	s = json_string_value(json_object_get(run, "split_seed"));
	if (s == NULL || *s < '0' || *s > '9')
		return run_fail(err, path, _("run: \"split_seed\" must be a whole number in a string"));
	r->split_seed = strtoull(s, &end, 10);
	if (*end != '\0')
		return run_fail(err, path, _("run: \"split_seed\" must be a whole number in a string"));
	rows = json_object_get(run, "rows");
	if (!json_is_object(rows))
		return run_fail(err, path, _("run: \"rows\" must be an object with train, val and test"));
	for (k = 0; k < 3; k++) {
		v = json_object_get(rows, run_splits[k]);
		if (!json_is_array(v) || json_array_size(v) > DATA_MAX_ROWS) {
			checkpoint_run_free(r);
			return run_fail(err, path, _("run: rows \"%s\" must be a list of at most %d "
			    "data rows"), run_splits[k], DATA_MAX_ROWS);
		}
		r->n[k] = (long)json_array_size(v);
		r->rows[k] = xreallocarray(NULL, (size_t)(r->n[k] > 0 ? r->n[k] : 1),
		    sizeof *r->rows[k]);
		for (i = 0; i < json_array_size(v); i++) {
			const json_t *x = json_array_get(v, i);

			if (!json_is_integer(x) || json_integer_value(x) < 1 ||
			    json_integer_value(x) > DATA_MAX_ROWS) {
				checkpoint_run_free(r);
				return run_fail(err, path, _("run: rows \"%s\"[%zu] must be a data row "
				    "from 1 to %d"), run_splits[k], i + 1, DATA_MAX_ROWS);
			}
			r->rows[k][i] = (long)json_integer_value(x) - 1;
		}
	}
	s = json_string_value(json_object_get(run, "class_weight"));
	if (s == NULL || (strcmp(s, "auto") != 0 && strcmp(s, "none") != 0 &&
	    strcmp(s, "list") != 0)) {
		checkpoint_run_free(r);
		return run_fail(err, path, _("run: \"class_weight\" must be auto, none or list"));
	}
	r->class_weight_auto = strcmp(s, "auto") == 0;
	r->explicit_weights = strcmp(s, "list") == 0;
	v = json_object_get(run, "class_weights");
	if (!json_is_array(v) || json_array_size(v) > 64) {
		checkpoint_run_free(r);
		return run_fail(err, path, _("run: \"class_weights\" must be a list of up to 64 weights"));
	}
	r->nclass_weights = (int)json_array_size(v);
	for (i = 0; i < json_array_size(v); i++) {
		const json_t *x = json_array_get(v, i);

		r->class_weights[i] = json_number_value(x);
		if (!json_is_number(x) || !(r->class_weights[i] > 0) ||
		    !isfinite(r->class_weights[i])) {
			checkpoint_run_free(r);
			return run_fail(err, path, _("run: class weight %zu must be a positive number"),
			    i + 1);
		}
	}
	k = run_name(run_scales, 3, json_string_value(json_object_get(run, "scale")));
	if (k < 0) {
		checkpoint_run_free(r);
		return run_fail(err, path, _("run: \"scale\" must be standard, minmax or none"));
	}
	r->scale = (enum scale_kind)k;
	k = run_name(run_missing, 3, json_string_value(json_object_get(run, "missing")));
	if (k < 0) {
		checkpoint_run_free(r);
		return run_fail(err, path, _("run: \"missing\" must be error, drop or mean"));
	}
	r->missing = (enum missing_policy)k;
	v = json_object_get(run, "threshold");
	r->threshold = json_number_value(v);
	if (!json_is_number(v) || !(r->threshold >= 0 && r->threshold <= 1)) {
		checkpoint_run_free(r);
		return run_fail(err, path, _("run: \"threshold\" must be a number from 0 to 1"));
	}
	r->present = 1;
	return 0;
}

static void
run_fractions(char *buf, size_t n, const double *f)
{
	if (f[0] == 1 && f[1] == 0 && f[2] == 0)
		snprintf(buf, n, "1");
	else
		snprintf(buf, n, "%g,%g,%g", f[0], f[1], f[2]);
}

static void
run_weights(char *buf, size_t n, int auto_, int k, const double *w, int expl)
{
	size_t len;
	int i;

	if (auto_ || !expl) {
		snprintf(buf, n, "%s", auto_ ? "auto" : "none");
		return;
	}
	buf[0] = '\0';
	for (i = 0; i < k && (len = strlen(buf)) + 24 < n; i++)
		snprintf(buf + len, n - len, "%s%g", i ? "," : "", w[i]);
}

int
checkpoint_run_apply(const struct checkpoint_run *r, const struct checkpoint_given *given,
    const char *path, struct data_options *d, struct session_config *cfg, char *note,
    size_t note_n, char **err)
{
	char a[512], b[512];
	int k, fresh;

	if (note && note_n)
		note[0] = '\0';
	if (!r->present)
		return 0;
#define CONTRADICTS(opt, mine, theirs) \
	run_fail(err, path, "%s %s contradicts the checkpoint's %s (a resumed run keeps it; " \
	    "leave the option out, or train a new model)", opt, mine, theirs)
	/* Another split is how a saved model meets new data: it is made
	 * afresh, and the caller says so. */
	run_fractions(a, sizeof a, d->split);
	run_fractions(b, sizeof b, r->split);
	fresh = given->split && strcmp(a, b) != 0;
	if (fresh && note)
		snprintf(note, note_n, "%s: --split %s replaces the checkpoint's %s: the rows are "
		    "split anew (this is not a resumption of the same run)", path, a, b);
	if (given->class_weight) {
		int same = d->class_weight_auto == r->class_weight_auto &&
		    (d->nclass_weights > 0) == r->explicit_weights;

		for (k = 0; same && k < d->nclass_weights; k++)
			same = k < r->nclass_weights && d->class_weights[k] == r->class_weights[k];
		run_weights(a, sizeof a, d->class_weight_auto, d->nclass_weights, d->class_weights,
		    d->nclass_weights > 0);
		run_weights(b, sizeof b, r->class_weight_auto, r->nclass_weights, r->class_weights,
		    r->explicit_weights);
		if (!same || (d->nclass_weights > 0 && d->nclass_weights != r->nclass_weights))
			return CONTRADICTS("--class-weight", a, b);
	}
	if (given->scale && d->scale != r->scale)
		return CONTRADICTS("--scale", run_scales[d->scale], run_scales[r->scale]);
	if (given->missing && d->missing != r->missing)
		return CONTRADICTS("--missing", run_missing[d->missing], run_missing[r->missing]);
	if (given->threshold && cfg->threshold != r->threshold) {
		snprintf(a, sizeof a, "%g", cfg->threshold);
		snprintf(b, sizeof b, "%g", r->threshold);
		return CONTRADICTS("--threshold", a, b);
	}
#undef CONTRADICTS
	if (!fresh) {
		memcpy(d->split, r->split, sizeof d->split);
		d->seed = r->split_seed;
		for (k = 0; k < 3; k++) {
			d->rows[k] = r->rows[k];
			d->nrows[k] = r->n[k];
		}
	}
	/* auto on the same training rows gives the same weights bit for bit;
	 * a list is the list. */
	d->class_weight_auto = r->class_weight_auto;
	d->nclass_weights = r->explicit_weights ? r->nclass_weights : 0;
	memcpy(d->class_weights, r->class_weights, sizeof d->class_weights);
	d->scale = r->scale;
	d->missing = r->missing;
	cfg->threshold = r->threshold;
	return 0;
}

void
checkpoint_run_free(struct checkpoint_run *r)
{
	int k;

	for (k = 0; k < 3; k++) {
		free(r->rows[k]);
		r->rows[k] = NULL;
	}
}
