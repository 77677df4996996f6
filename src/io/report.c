/* report.c: the final metrics and diagnostics as JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/atomic.h"
#include "io/jsonout.h"
#include "io/report.h"

static void
report_num(FILE *f, const char *key, double v, int comma)
{
	fprintf(f, "%s\"%s\":", comma ? "," : "", key);
	jsonout_number(f, v);
}

/* "undefined":{"auc":"the split has one class only"} for the figures that
 * are null, so that a reader knows why. */
static void
report_undefined(FILE *f, const struct metrics *m)
{
	static const char *const keys[] = { "precision", "recall", "f1", "auc" };
	size_t i;
	int first = 1;

	fputs(",\"undefined\":{", f);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *why = metrics_undefined_reason(m, keys[i]);

		if (why == NULL)
			continue;
		fprintf(f, "%s\"%s\":", first ? "" : ",", keys[i]);
		jsonout_string(f, why);
		first = 0;
	}
	fputc('}', f);
}

/* "confusion":{"classes":[...],"matrix":[[...],...]}: rows are the true
 * class, columns the predicted one. */
static void
report_confusion(FILE *f, const struct metrics *m, const struct prep *pr)
{
	int k, j;

	fputs(",\"confusion\":{\"classes\":[", f);
	for (k = 0; k < m->nclasses; k++) {
		char num[16];

		fputs(k ? "," : "", f);
		if (pr && pr->classes && k < pr->nclasses && pr->classes[k])
			jsonout_string(f, pr->classes[k]);
		else {
			snprintf(num, sizeof num, "%d", k);
			jsonout_string(f, num);
		}
	}
	fputs("],\"matrix\":[", f);
	for (k = 0; k < m->nclasses; k++) {
		fputs(k ? ",[" : "[", f);
		for (j = 0; j < m->nclasses; j++)
			fprintf(f, "%s%ld", j ? "," : "", m->confusion[k][j]);
		fputc(']', f);
	}
	fputs("]}", f);
}

static void
report_split(FILE *f, const struct metrics *m, int have, enum task task,
    const struct prep *pr)
{
	if (!have) {
		fputs("null", f);
		return;
	}
	fputc('{', f);
	report_num(f, "loss", m->loss, 0);
	if (task == TASK_REGRESS) {
		report_num(f, "mse", m->mse, 1);
		report_num(f, "mae", m->mae, 1);
		report_num(f, "r2", m->r2, 1);
	} else {
		report_num(f, "accuracy", m->accuracy, 1);
		report_num(f, "precision", m->precision, 1);
		report_num(f, "recall", m->recall, 1);
		report_num(f, "f1", m->f1, 1);
		report_num(f, "auc", m->auc, 1);
		report_num(f, "baseline_accuracy", m->baseline_accuracy, 1);
		report_undefined(f, m);
		report_confusion(f, m, pr);
	}
	fprintf(f, ",\"n\":%ld}", m->n);
}

/* Which epochs the per-layer figures describe: the training pass of the
 * last epoch trained, while the weights may be those of an earlier, best
 * epoch restored by early stopping. */
static void
report_diag_epochs(FILE *f, const struct session *s, const char *in)
{
	int last = s->pos.nepochs > 0 ? s->epochs[s->pos.nepochs - 1].epoch : 0;
	int weights = s->pos.restored_epoch > 0 ? s->pos.restored_epoch : last;

	fprintf(f, ",\n%s\"diagnostics_epoch\":%d,\"weights_epoch\":%d", in, last, weights);
	if (weights != last) {
		char text[200];

		snprintf(text, sizeof text, "the per-layer diagnostics describe the training pass "
		    "of epoch %d; the weights are those of epoch %d, restored by early stopping",
		    last, weights);
		fputs(",\"diagnostics_note\":", f);
		jsonout_string(f, text);
	}
}

void
report_write_run(FILE *f, const struct session *s, const struct metrics m[3],
    const int have[3], const char *in, const char *extra)
{
	static const char *const names[3] = { "train", "val", "test" };
	const struct divergence *d = &s->pos.diverged;
	enum task task = s->data->task;
	int i, l, base = have[2] ? 2 : (have[1] ? 1 : 0);

	fputc('{', f);
	if (extra)
		fprintf(f, "\n%s%s", in, extra);
	for (i = 0; i < 3; i++) {
		fprintf(f, "%s\n%s\"%s\":", i ? "," : "", in, names[i]);
		report_split(f, &m[i], have[i], task, s->data->prep);
	}
	fprintf(f, ",\n%s", in);
	report_num(f, "threshold", s->pos.cfg.threshold, 0);
	if (task != TASK_REGRESS)
		report_num(f, "baseline_accuracy", m[base].baseline_accuracy, 1);
	fprintf(f, ",\"epochs\":%d", s->pos.nepochs);
	report_diag_epochs(f, s, in);
	fprintf(f, ",\n%s\"layers\":[", in);
	for (l = 0; l < s->net->nlayers; l++) {
		const struct layer_diag *g = session_layer_diag(s, l);

		fprintf(f, "%s\n%s {\"layer\":%d,\"units\":%d,\"activation\":\"%s\"", l ? "," : "",
		    in, l + 1, s->net->layer[l].out, act_name(s->net->layer[l].act));
		report_num(f, "dead_fraction", g->dead_fraction, 1);
		report_num(f, "saturated_fraction", g->saturated_fraction, 1);
		report_num(f, "grad_rms", g->grad_rms, 1);
		report_num(f, "dz_rms", g->dz_rms, 1);
		report_num(f, "update_ratio", g->update_ratio, 1);
		fputc('}', f);
	}
	fprintf(f, "],\n%s", in);
	report_num(f, "grad_ratio", session_grad_ratio(s), 0);
	report_num(f, "dead_fraction", session_dead_fraction(s), 1);
	report_num(f, "saturated_fraction", session_saturated_fraction(s), 1);
	fprintf(f, ",\n%s\"warnings\":[", in);
	if (s->pos.exploding_epoch > 0) {
		fprintf(f, "{\"kind\":\"exploding_loss\",\"epoch\":%d,\"text\":",
		    s->pos.exploding_epoch);
		jsonout_string(f, s->pos.exploding_text);
		fputc('}', f);
	}
	fputc(']', f);
	fputs(",\"diverged\":", f);
	if (d->set) {
		fprintf(f, "{\"phase\":\"%s\",\"layer\":%d,\"quantity\":", phase_name(d->phase),
		    d->layer);
		jsonout_string(f, d->quantity);
		fprintf(f, ",\"epoch\":%d,\"batch\":%ld}", d->epoch, d->batch);
	} else
		fputs("null", f);
	fputc('}', f);
}

struct report_one {
	const struct session *s;
	const struct metrics *m;
	const int *have;
};

static int
report_write_one(FILE *f, void *user)
{
	const struct report_one *r = user;

	report_write_run(f, r->s, r->m, r->have, "", NULL);
	fputc('\n', f);
	return 0;
}

int
report_save(const char *path, const struct session *s, const struct metrics m[3],
    const int have[3], char **err)
{
	struct report_one r = { s, m, have };

	return atomic_write(path, report_write_one, &r, err);
}
