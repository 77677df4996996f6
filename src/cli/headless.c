/* headless.c: nnstep --headless: epochs printed as lines, then a summary. */
#define _GNU_SOURCE 1
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/run.h"
#include "cli/headless.h"
#include "io/atomic.h"
#include "io/checkpoint.h"
#include "io/checkpoint_run.h"
#include "io/predictions.h"
#include "io/report.h"
#include "io/trace.h"
#include "ui/screen.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct run {
	struct options opt;		/* this run's settings */
	struct session *s;
	char label[80];			/* "act=relu" in a comparison */
	FILE *trace;
	const char *checkpoint_path;
	int failed;			/* a save failed: stop */
	int quiet_events;
	long screen_every;
	int screen_w, screen_h, color, ascii;	/* color: SCREEN_STYLE */
	FILE *screen_out;		/* where screens go */
	int threshold_chosen;		/* --cost-fn/--cost-fp already applied */
};

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
run_observe(struct session *s, int what, void *user)
{
	struct run *r = user;
	char *err = NULL;

	if (what == PHASE_UPDATE && r->trace)
		trace_batch(r->trace, s);
	if (what >= SESSION_EVENT_BASE) {
		const struct session_event *e = session_last_event(s);

		if (r->trace)
			trace_event(r->trace, s, e);
		if (e->kind == EV_BEST && r->checkpoint_path &&
		    checkpoint_save(s, r->checkpoint_path, &err) != 0) {
			fprintf(stderr, "nnstep: %s\n", err ? err : _("cannot save the checkpoint"));
			free(err);
			r->failed = 1;
		}
		/* A warning is said even with --quiet. */
		if ((!r->quiet_events || e->kind == EV_EXPLODING) && e->kind != EV_BEST &&
		    e->kind != EV_FINISHED &&
		    e->kind != EV_DIVERGED)
			printf("%s%s%s\n", r->label[0] ? r->label : "", r->label[0] ? ": " : "",
			    e->text);
	}
	if (r->screen_every > 0 && what < SESSION_EVENT_BASE &&
	    s->pos.phase_count % r->screen_every == 0) {
		screen_print(s, r->screen_w, r->screen_h, r->color, r->ascii, r->screen_out);
		if (SCREEN_FORMAT_OF(r->color) != SCREEN_HTML)
			printf("\f\n");
	}
}

/* "0.9500", or "n/a (the split has one class only)" for an undefined figure. */
static const char *
metric_text(char *buf, size_t n, const struct metrics *m, const char *which, double v)
{
	const char *why = metrics_undefined_reason(m, which);

	if (why)
		snprintf(buf, n, _("n/a (%s)"), _(why));
	else
		snprintf(buf, n, "%.4f", v);
	return buf;
}

/* A loss as "0.036894"; a huge one in exponent form ("4.301e+305"), never
 * hundreds of digits. */
static const char *
loss_text(char *buf, size_t n, double v)
{
	snprintf(buf, n, fabs(v) < 1e6 || !isfinite(v) ? "%.6f" : "%.6e", v);
	return buf;
}

static void
print_metrics(const char *name, const struct metrics *m, enum task task)
{
	char p[80], r[80], f[80], a[80], l[40], l2[40], l3[40];

	if (task == TASK_REGRESS)
		printf(_("  %-5s loss %s  mse %s  mae %s  r2 %.4f  (%ld rows)\n"), name,
		    loss_text(l, sizeof l, m->loss), loss_text(l2, sizeof l2, m->mse),
		    loss_text(l3, sizeof l3, m->mae), m->r2, m->n);
	else
		printf(_("  %-5s loss %s  accuracy %.4f  precision %s  recall %s  f1 %s  "
		    "auc %s  (%ld rows)\n"), name, loss_text(l, sizeof l, m->loss), m->accuracy,
		    metric_text(p, sizeof p, m, "precision", m->precision),
		    metric_text(r, sizeof r, m, "recall", m->recall),
		    metric_text(f, sizeof f, m, "f1", m->f1),
		    metric_text(a, sizeof a, m, "auc", m->auc), m->n);
}

/* Final figures of each split; chooses the threshold by cost first. */
static void
final_metrics(struct run *r, struct metrics m[3], int have[3])
{
	struct session *s = r->s;
	const struct split *sp[3] = { &s->data->train, &s->data->val, &s->data->test };
	int i;

	if (r->opt.cost_fn > 0 && s->data->task == TASK_BINARY && !s->pos.diverged.set &&
	    !r->threshold_chosen) {
		int which = sp[1]->n > 0 ? 1 : 0;
		struct session_config c = s->pos.cfg;
		const char *why;

		session_evaluate(s, which, NULL);
		c.threshold = metrics_best_threshold(sp[which]->n, s->pred[which], sp[which]->label,
		    r->opt.cost_fn, r->opt.cost_fp, s->metrics_work);
		r->threshold_chosen = 1;
		if (session_configure(s, &c, &why) == 0 && !r->opt.quiet)
			printf(_("threshold %.6g minimises %g x false negatives + %g x false positives "
			    "on the %s split\n"), c.threshold, r->opt.cost_fn, r->opt.cost_fp,
			    which ? _("validation") : _("training"));
	}
	for (i = 0; i < 3; i++) {
		have[i] = sp[i]->n > 0;
		memset(&m[i], 0, sizeof m[i]);
		if (have[i])
			session_evaluate(s, i, &m[i]);
	}
}

static void
print_epoch(const struct run *r, double ms)
{
	const struct session *s = r->s;
	const struct epoch_record *e = &s->epochs[s->pos.nepochs - 1];
	char l[40];

	printf(_("%s%sepoch %d/%d  loss %s"), r->label, r->label[0] ? "  " : "", e->epoch,
	    s->pos.cfg.epochs, loss_text(l, sizeof l, e->loss));
	if (!isnan(e->val_loss))
		printf(_("  val_loss %s"), loss_text(l, sizeof l, e->val_loss));
	if (s->data->task != TASK_REGRESS) {
		printf(_("  acc %.4f"), e->accuracy);
		if (!isnan(e->val_accuracy))
			printf(_("  val_acc %.4f"), e->val_accuracy);
	} else if (!isnan(e->val_accuracy))
		printf(_("  val_r2 %.4f"), e->val_accuracy);
	printf("  (%.1f ms)\n", ms);
}

static void
print_divergence(const struct run *r)
{
	const struct divergence *d = &r->s->pos.diverged;
	char where[64];

	if (strcmp(d->quantity, "loss") == 0)
		snprintf(where, sizeof where, "%s", _("the loss"));
	else
		snprintf(where, sizeof where, _("%s of layer %d"), d->quantity, d->layer);
	fprintf(stderr, _("nnstep: %s%straining diverged at epoch %d, batch %ld: %s became NaN or "
	    "infinite in the %s phase; stopped with the last good state (try a smaller --lr, "
	    "or --scale standard)\n"), r->label, r->label[0] ? ": " : "", d->epoch, d->batch + 1,
	    where, phase_name(d->phase));
}

static void
compare_table(struct run *runs, int n, int epoch)
{
	int i, l;
	char a[40];

	printf(_("epoch %d\n  %-18s %12s %12s %6s %6s  grad_rms by layer\n"), epoch, _("run"), _("loss"),
	    _("val_loss"), _("dead"), _("sat"));
	for (i = 0; i < n; i++) {
		const struct session *s = runs[i].s;
		const struct epoch_record *e = s->pos.nepochs > 0 ? &s->epochs[s->pos.nepochs - 1] :
		    NULL;

		if (e == NULL || e->epoch != epoch) {
			printf("  %-18s %s\n", runs[i].label,
			    s->pos.diverged.set ? _("diverged") : _("stopped"));
			continue;
		}
		printf("  %-18s %12s", runs[i].label, loss_text(a, sizeof a, e->loss));
		printf(" %12s %6.3f %6.3f ", loss_text(a, sizeof a, e->val_loss), e->dead_fraction,
		    e->saturated_fraction);
		for (l = 0; l < s->net->nlayers; l++)
			printf(" %.3e", session_layer_diag(s, l)->grad_rms);
		printf("\n");
	}
}

struct compare_report {
	struct run *runs;
	int n;
};

/* {"compare":KEY,"runs":[...]}: each run a whole report with its setting. */
static int
compare_report_write(FILE *f, void *user)
{
	struct compare_report *c = user;
	const struct options *o = &c->runs[0].opt;
	int i;

	fprintf(f, "{\"compare\":\"%s\",\"runs\":[", o->compare_key);
	for (i = 0; i < c->n; i++) {
		struct metrics m[3];
		int have[3];
		char *extra = xasprintf("\"setting\":\"%s\",\"value\":\"%s\",", o->compare_key,
		    o->compare_val[i]);

		final_metrics(&c->runs[i], m, have);
		fputs(i ? ",\n" : "\n", f);
		report_write_run(f, c->runs[i].s, m, have, "  ", extra);
		free(extra);
	}
	fputs("]}\n", f);
	return 0;
}

static int
write_report(struct run *runs, int n, const char *path)
{
	struct compare_report c = { runs, n };
	char *err = NULL;
	int rc;

	if (n == 1) {
		struct metrics m[3];
		int have[3];

		final_metrics(&runs[0], m, have);
		rc = report_save(path, runs[0].s, m, have, &err);
	} else
		rc = atomic_write(path, compare_report_write, &c, &err);
	if (rc != 0) {
		fprintf(stderr, "nnstep: %s\n", err ? err : path);
		free(err);
	}
	return rc;
}

/*
 * With --screen-format html, standard output is the page alone, so that it
 * can be saved as a file a browser opens; the progress lines go to standard
 * error. Returns the stream for screens (stdout, or a new one on its file).
 */
static FILE *
headless_page(const struct options *o, int style)
{
	FILE *page;
	int fd;

	if (SCREEN_FORMAT_OF(style) != SCREEN_HTML || (o->screen_w == 0 && o->screen_every == 0))
		return stdout;
	fflush(stdout);
	fd = dup(STDOUT_FILENO);
	page = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (page == NULL) {
		if (fd >= 0)
			close(fd);
		return stdout;
	}
	dup2(STDERR_FILENO, STDOUT_FILENO);
	screen_html_begin(style, page);
	return page;
}

/* One line naming the options of the command line whose values the loaded
 * model replaces (its network, its learning rate when resuming, its target);
 * was holds the settings as the command line gave them. */
static void
load_notice(const struct options *o, const struct session_config *was,
    const struct session *s, const struct checkpoint *ck)
{
	const struct session_config *now = &o->cfg;
	const struct prep *p = checkpoint_prep(ck);
	const char *which[8];
	int n = 0, i, layers = was->nhidden != now->nhidden, acts = 0;

	for (i = 0; i < now->nhidden && i < was->nhidden; i++) {
		layers |= was->hidden[i] != now->hidden[i];
		acts |= was->hidden_act[i] != now->hidden_act[i];
	}
	if (o->set_layers && layers)
		which[n++] = "--layers";
	if (o->set_act && acts)
		which[n++] = "--act";
	if (o->set_out_act && was->out_act != now->out_act)
		which[n++] = "--out-act";
	if (o->set_loss && was->loss != now->loss)
		which[n++] = "--loss";
	if (o->set_lr && was->lr != s->pos.cfg.lr)
		which[n++] = "--lr";
	if (o->data.target && p && p->target && strcmp(o->data.target, p->target) != 0 &&
	    o->data.target[strspn(o->data.target, "0123456789")] != '\0')
		which[n++] = "--target";
	if (n == 0)
		return;
	fprintf(stderr, _("nnstep: note: %s sets its own"), o->load_path);
	for (i = 0; i < n; i++)
		fprintf(stderr, "%s %s", i == 0 ? "" : i == n - 1 ? _(" and") : ",", which[i]);
	fprintf(stderr, _(": the values given on the command line are not used\n"));
}

/* Parameters below which the last update's change is kept (8 MiB a copy). */
#define HEADLESS_KEEP_DELTA (1L << 20)

int
headless_main(struct options *o)
{
	struct run runs[OPT_MAX_COMPARE];
	struct app_run built[OPT_MAX_COMPARE];
	int nruns, i, status = 0, active, epoch;
	FILE *trace = NULL, *page;
	char *err = NULL;
	int style = SCREEN_STYLE(o->screen_format, o->theme < 0 ? THEME_DARK : o->theme);

	memset(runs, 0, sizeof runs);
	page = headless_page(o, style);
	nruns = app_runs_build(o, built, OPT_MAX_COMPARE, &err);
	if (nruns <= 0) {	/* (0 runs cannot happen: for the analyzer) */
		fprintf(stderr, "nnstep: %s\n", err ? err : _("cannot start"));
		free(err);
		status = nruns == APP_RUN_BAD_VALUE ? 2 : 1;
		nruns = 0;
		goto out;
	}
	for (i = 0; i < nruns; i++) {
		struct run *r = &runs[i];

		r->opt = built[i].opt;
		r->s = built[i].s;
		/* Only a screen and the trace show the last update weight by
		 * weight. Without them the weights before it are not kept, nor,
		 * for a network of a million parameters or more, its change
		 * (its size is then worked out before the update). */
		if (o->screen_w == 0 && o->screen_every == 0 && o->trace_path == NULL)
			session_keep_updates(r->s, 0, r->s->net->nparams < HEADLESS_KEEP_DELTA);
		snprintf(r->label, sizeof r->label, "%s", built[i].label);
		r->checkpoint_path = i == 0 ? o->checkpoint_path : NULL;
		if (i == 0 && built[0].ck != NULL)
			load_notice(&r->opt, &o->cfg, r->s, built[0].ck);
		r->quiet_events = o->quiet;
		r->screen_every = nruns == 1 ? o->screen_every : 0;
		r->screen_w = o->screen_w ? o->screen_w : 120;
		r->screen_h = o->screen_h ? o->screen_h : 40;
		r->color = style;
		r->screen_out = page;
		r->ascii = o->ascii;
		session_set_observer(r->s, run_observe, r);
	}
	/* Opened once the inputs are known good: a typo in --data must not
	 * truncate the trace of the last run. */
	if (o->trace_path && (trace = fopen(o->trace_path, "w")) == NULL) {
		fprintf(stderr, _("nnstep: %s: cannot write the trace\n"), o->trace_path);
		status = 1;
		goto out;
	}
	runs[0].trace = trace;
	if (!o->quiet) {
		const struct session *s = runs[0].s;
		int l;

		printf(_("nnstep: %s, %ld training rows, network %d"), s->data->name, s->data->train.n,
		    s->net->ninputs);
		for (l = 0; l < s->net->nlayers; l++)
			printf("-%d", s->net->layer[l].out);
		printf(_(", loss %s, %s lr %g, batch %ld\n"), loss_name(s->net->loss),
		    optim_name(s->pos.cfg.optimizer), s->pos.cfg.lr, s->batch_size);
		if (s->data->integer_labels)
			printf(_("target \"%s\": %d classes (integer labels; --task regress to treat "
			    "as numbers)\n"), s->data->prep->target, s->data->prep->nclasses);
	}
	for (epoch = 1;; epoch++) {
		active = 0;
		for (i = 0; i < nruns; i++) {
			struct run *r = &runs[i];
			double t0;
			int rc;

			if (r->s->pos.finished || r->s->pos.diverged.set || r->failed)
				continue;
			t0 = now_seconds();
			rc = session_step_epoch(r->s);
			if (rc == SESSION_DIVERGED) {
				print_divergence(r);
				status = 3;
				if (trace)
					fflush(trace);
				continue;
			}
			if (r->failed) {
				status = 1;
				continue;
			}
			active++;
			if (trace && i == 0)
				trace_epoch(trace, r->s);
			if (nruns == 1 && !o->quiet)
				print_epoch(r, (now_seconds() - t0) * 1e3);
		}
		if (nruns > 1 && active > 0 && !o->quiet)
			compare_table(runs, nruns, runs[0].s->pos.nepochs > 0 ?
			    runs[0].s->epochs[runs[0].s->pos.nepochs - 1].epoch : epoch);
		if (active == 0)
			break;
	}
	for (i = 0; i < nruns; i++) {
		struct run *r = &runs[i];
		struct metrics m[3];
		int have[3], k;

		if (r->s->pos.diverged.set)
			continue;
		final_metrics(r, m, have);
		if (!o->quiet || nruns == 1) {
			printf(_("%s%sfinished after %d epochs"), r->label, r->label[0] ? ": " : "",
			    r->s->pos.nepochs);
			if (r->s->pos.stopped_early)
				printf(_(" (stopped early; weights of epoch %d)"), r->s->pos.best_epoch);
			printf("\n");
			for (k = 0; k < 3; k++)
				if (have[k])
					print_metrics(k == 0 ? _("train") : k == 1 ? _("val") : _("test"), &m[k],
					    r->s->data->task);
			if (r->s->data->task != TASK_REGRESS)
				printf(_("  baseline accuracy (always the majority class): %.4f  "
				    "threshold %.4g\n"), m[have[2] ? 2 : have[1] ? 1 : 0].baseline_accuracy,
				    r->s->pos.cfg.threshold);
		}
	}
	if (o->report_path && write_report(runs, nruns, o->report_path) != 0 && status == 0)
		status = 1;
	if (o->predictions_path && runs[0].s && !runs[0].s->pos.diverged.set &&
	    predictions_save(runs[0].s, o->predictions_path, &err) != 0) {
		fprintf(stderr, "nnstep: %s\n", err ? err : o->predictions_path);
		free(err);
		err = NULL;
		if (status == 0)
			status = 1;
	}
	if (o->save_path && runs[0].s) {
		if (checkpoint_save(runs[0].s, o->save_path, &err) != 0) {
			fprintf(stderr, "nnstep: %s\n", err ? err : o->save_path);
			free(err);
			if (status == 0)
				status = 1;
		}
	}
	if (o->screen_w > 0 && runs[0].s)
		screen_print(runs[0].s, o->screen_w, o->screen_h, style, o->ascii, page);
out:
	if (trace && fclose(trace) != 0 && status == 0) {
		fprintf(stderr, _("nnstep: %s: cannot write the trace\n"), o->trace_path);
		status = 1;
	}
	app_runs_free(built, nruns);
	if (page != stdout) {
		screen_html_end(page);
		if (fclose(page) != 0 && status == 0) {
			fprintf(stderr, "nnstep: cannot write the page\n");
			status = 1;
		}
	}
	return status;
}
