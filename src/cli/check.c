/*
 * check.c: `nnstep check` (the sanity checks of a training set-up, with a
 * verdict each) and `nnstep lr-find` (the loss along this batch's gradient,
 * and the LR range test with a suggested learning rate). Both print a
 * table for people and, with --report FILE, write it as JSON.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/run.h"
#include "cli/check.h"
#include "engine/checks.h"
#include "io/atomic.h"
#include "io/checkpoint.h"
#include "io/jsonout.h"
#include "util/i18n.h"

struct check_report {
	const struct check_result *r;
};

static int
check_write(FILE *f, void *user)
{
	const struct check_report *rep = user;
	int i;

	fputs("{\"checks\": [", f);
	for (i = 0; i < CK_COUNT; i++) {
		const struct check_result *c = &rep->r[i];

		fputs(i ? ",\n  {" : "\n  {", f);
		fputs("\"name\": ", f);
		jsonout_string(f, c->name);
		fputs(", \"verdict\": ", f);
		jsonout_string(f, check_verdict_name(c->verdict));
		fputs(", \"value\": ", f);
		jsonout_number(f, c->value);
		fputs(", \"expected\": ", f);
		jsonout_number(f, c->expected);
		fputs(", \"expected_text\": ", f);
		jsonout_string(f, c->expected_text);
		fputs(", \"text\": ", f);
		jsonout_string(f, c->text);
		fputs("}", f);
	}
	fputs("\n]}\n", f);
	return ferror(f) ? -1 : 0;
}

/* The data and the session of the options; NULL after a message. */
static struct session *
check_setup(struct options *o, struct dataset **data, struct checkpoint **ck)
{
	char *err = NULL;
	struct session *s = app_run_setup(o, data, ck, &err);

	if (s == NULL) {
		fprintf(stderr, "nnstep: %s\n", err ? err : _("cannot start"));
		free(err);
	}
	return s;
}

int
check_main(struct options *o)
{
	struct check_result r[CK_COUNT];
	struct check_report rep = { r };
	struct dataset *data = NULL;
	struct checkpoint *ck = NULL;
	struct session *s;
	char *err = NULL, num[32];
	int i, failed = 0, status;

	s = check_setup(o, &data, &ck);
	if (s == NULL) {
		status = 1;
		goto out;
	}
	if (checks_run(&s->pos.cfg, s->data, r, &err) != 0) {
		fprintf(stderr, "nnstep: check: %s\n", err ? err : _("cannot start"));
		free(err);
		status = 1;
		goto out;
	}
	for (i = 0; i < CK_COUNT; i++) {
		if (isnan(r[i].value))
			snprintf(num, sizeof num, "n/a");
		else
			snprintf(num, sizeof num, "%.4g", r[i].value);
		printf("%-16s %-4s  %-10s %-16s %s\n", r[i].name, check_verdict_name(r[i].verdict),
		    num, r[i].expected_text, _(r[i].text));
		failed += r[i].verdict == CHECK_FAIL;
	}
	printf(_("nnstep check: %d of %d checks failed\n"), failed, CK_COUNT);
	fflush(stdout);
	status = failed ? 4 : 0;
	if (o->report_path && atomic_write(o->report_path, check_write, &rep, &err) != 0) {
		fprintf(stderr, "nnstep: %s\n", err);
		free(err);
		status = 1;
	}
out:
	session_free(s);
	dataset_free(data);
	checkpoint_free(ck);
	return status;
}

/* ------------------------------------------------------------ lr-find */

struct lr_report {
	const double *alpha, *line;
	int nline;
	double lr;
	const double *lr_range, *loss;
	int n;
	double suggested;
};

static void
pairs(FILE *f, const double *a, const double *b, int n)
{
	int i;

	fputc('[', f);
	for (i = 0; i < n; i++) {
		fputs(i ? ", [" : "[", f);
		jsonout_number(f, a[i]);
		fputs(", ", f);
		jsonout_number(f, b[i]);
		fputc(']', f);
	}
	fputc(']', f);
}

static int
lr_write(FILE *f, void *user)
{
	const struct lr_report *r = user;

	fputs("{\"suggested_lr\": ", f);
	jsonout_number(f, r->suggested);
	fputs(",\n \"points\": ", f);
	pairs(f, r->lr_range, r->loss, r->n);
	fputs(",\n \"lr\": ", f);
	jsonout_number(f, r->lr);
	fputs(",\n \"line\": ", f);
	pairs(f, r->alpha, r->line, r->nline);
	fputs("}\n", f);
	return ferror(f) ? -1 : 0;
}

int
lrfind_main(struct options *o)
{
	double alpha[LR_LINE_POINTS], line[LR_LINE_POINTS];
	double lr[LR_RANGE_BATCHES], loss[LR_RANGE_BATCHES];
	struct lr_report rep;
	struct dataset *data = NULL;
	struct checkpoint *ck = NULL;
	struct session *s;
	char *err = NULL;
	int i, status = 0;

	memset(&rep, 0, sizeof rep);
	s = check_setup(o, &data, &ck);
	if (s == NULL) {
		status = 1;
		goto out;
	}
	rep.lr = s->pos.cfg.lr;
	rep.n = lr_range_test(s, 1e-5, 10, LR_RANGE_BATCHES, lr, loss, &rep.suggested, &err);
	if (rep.n < 0) {
		fprintf(stderr, "nnstep: lr-find: %s\n", err ? err : _("cannot start"));
		free(err);
		status = 1;
		goto out;
	}
	/* The line along this batch's gradient, at the state the range test
	 * started from. */
	while (s->pos.phase != PHASE_BACKWARD && session_step(s) == SESSION_OK)
		;
	rep.nline = lr_line(s, alpha, line, LR_LINE_POINTS);
	rep.alpha = alpha;
	rep.line = line;
	rep.lr_range = lr;
	rep.loss = loss;
	printf(_("the loss of this batch along its gradient, L(w - alpha g):\n"));
	for (i = 0; i < rep.nline; i++)
		printf("  alpha %-10.4g loss %-12.6g%s\n", alpha[i], line[i],
		    fabs(log10(alpha[i] / rep.lr)) < 1e-9 ? _("  <- this step's lr") : "");
	printf(_("the LR range test (%d batches, lr from 1e-05 up):\n"), rep.n);
	for (i = 0; i < rep.n; i += 10)
		printf("  lr %-10.4g loss %.6g\n", lr[i], loss[i]);
	if (isnan(rep.suggested))
		printf(_("no suggestion: the loss never fell\n"));
	else
		printf(_("suggested lr: %.3g (where the loss falls fastest)\n"), rep.suggested);
	fflush(stdout);
	if (o->report_path && atomic_write(o->report_path, lr_write, &rep, &err) != 0) {
		fprintf(stderr, "nnstep: %s\n", err);
		free(err);
		status = 1;
	}
out:
	session_free(s);
	dataset_free(data);
	checkpoint_free(ck);
	return status;
}
