/* command.c: a run's settings as one nnstep command line (command.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/command.h"
#include "util/xmalloc.h"

struct cmd {
	char *buf;
	size_t len, cap;
};

static void
cmd_raw(struct cmd *c, const char *s)
{
	size_t n = strlen(s);

	if (c->len + n + 1 > c->cap) {
		c->cap = (c->len + n + 1) * 2;
		c->buf = xreallocarray(c->buf, c->cap, 1);
	}
	memcpy(c->buf + c->len, s, n + 1);
	c->len += n;
}

/* A word, in single quotes when the shell would otherwise change it. */
static void
cmd_word(struct cmd *c, const char *s)
{
	const char *p;
	int plain = *s != '\0';

	for (p = s; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
		    "-_.,:/=+@%", *p))
			plain = 0;
	cmd_raw(c, " ");
	if (plain) {
		cmd_raw(c, s);
		return;
	}
	cmd_raw(c, "'");
	for (p = s; *p; p++) {
		char one[2] = { *p, 0 };

		cmd_raw(c, *p == '\'' ? "'\\''" : one);
	}
	cmd_raw(c, "'");
}

static void
cmd_opt(struct cmd *c, const char *name, const char *value)
{
	char flag[64];

	snprintf(flag, sizeof flag, "--%s", name);
	cmd_word(c, flag);
	if (value)
		cmd_word(c, value);
}

/* The shortest text that reads back as exactly v. */
static const char *
cmd_num(char *buf, size_t n, double v)
{
	int prec;

	if (v == (double)(long long)v && v > -1e15 && v < 1e15) {
		snprintf(buf, n, "%lld", (long long)v);
		return buf;
	}
	for (prec = 1; prec < 17; prec++) {
		snprintf(buf, n, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return buf;
	}
	snprintf(buf, n, "%.17g", v);
	return buf;
}

static void
cmd_num_opt(struct cmd *c, const char *name, double v)
{
	char b[40];

	cmd_opt(c, name, cmd_num(b, sizeof b, v));
}

/* Numbers joined by commas. */
static void
cmd_list_opt(struct cmd *c, const char *name, const double *v, int n)
{
	char buf[512], b[40];
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n && len < sizeof buf - 41; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? "," : "",
		    cmd_num(b, sizeof b, v[i]));
	cmd_opt(c, name, buf);
}

static void
cmd_data(struct cmd *c, const struct options *o)
{
	const struct data_options *d = &o->data, *z;
	struct options dflt;
	static const char *const missing[] = { "error", "drop", "mean" };
	static const char *const scale[] = { "standard", "minmax", "none" };

	options_default(&dflt);
	z = &dflt.data;
	if (o->data_path)
		cmd_opt(c, "data", o->data_path);
	else if (o->gen_name)
		cmd_opt(c, "gen", o->gen_name);
	if (o->gen_name && o->gen.samples > 0)
		cmd_num_opt(c, "samples", (double)o->gen.samples);
	if (o->gen_name && o->gen.noise >= 0)
		cmd_num_opt(c, "noise", o->gen.noise);
	if (o->gen_name && o->gen.classes > 0)
		cmd_num_opt(c, "classes", o->gen.classes);
	if (d->target)
		cmd_opt(c, "target", d->target);
	if (d->task == TASK_REGRESS)
		cmd_opt(c, "task", "regress");
	else if (d->task != TASK_AUTO)
		cmd_opt(c, "task", "classify");
	if (d->missing != z->missing && (int)d->missing >= 0 && d->missing < 3)
		cmd_opt(c, "missing", missing[d->missing]);
	if (d->split[0] != z->split[0] || d->split[1] != z->split[1] || d->split[2] != z->split[2])
		cmd_list_opt(c, "split", d->split, d->split[2] > 0 ? 3 : 2);
	if (d->scale != z->scale && (int)d->scale >= 0 && d->scale < 3)
		cmd_opt(c, "scale", scale[d->scale]);
	if (d->class_weight_auto)
		cmd_opt(c, "class-weight", "auto");
	else if (d->nclass_weights > 0)
		cmd_list_opt(c, "class-weight", d->class_weights, d->nclass_weights);
}

static void
cmd_network(struct cmd *c, const struct options *o, const struct session_config *k)
{
	char buf[512];
	size_t len = 0;
	double v[NET_MAX_LAYERS];
	int l, same = 1;

	if (o->load_path && !o->set_layers) {
		/* The model brings its own shape. */
		cmd_opt(c, "load", o->load_path);
		return;
	}
	if (o->load_path)
		cmd_opt(c, "load", o->load_path);
	for (l = 0; l < k->nhidden; l++)
		v[l] = k->hidden[l];
	if (k->nhidden == 0)
		cmd_opt(c, "layers", "none");
	else
		cmd_list_opt(c, "layers", v, k->nhidden);
	for (l = 1; l < k->nhidden; l++)
		same &= k->hidden_act[l] == k->hidden_act[0];
	buf[0] = '\0';
	for (l = 0; l < (same ? 1 : k->nhidden); l++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", l ? "," : "",
		    act_name(k->hidden_act[l]));
	if (k->nhidden > 0)
		cmd_opt(c, "act", buf);
	if (k->out_act >= 0)
		cmd_opt(c, "out-act", act_name((enum act)k->out_act));
	if (k->loss >= 0)
		cmd_opt(c, "loss", loss_name((enum loss)k->loss));
}

char *
command_line(const struct options *o, const struct session_config *cfg)
{
	const struct session_config *k = cfg ? cfg : &o->cfg, *z;
	struct options dflt;
	struct cmd c = { NULL, 0, 0 };
	char b[64], n1[40], n2[40], n3[40];

	options_default(&dflt);
	z = &dflt.cfg;
	cmd_raw(&c, "nnstep");
	if (o->command && strcmp(o->command, "lesson") == 0) {
		cmd_word(&c, "lesson");
		cmd_word(&c, o->command_arg);
	}
	if (o->headless)
		cmd_opt(&c, "headless", NULL);
	cmd_data(&c, o);
	cmd_network(&c, o, k);
	if (k->alpha != z->alpha)
		cmd_num_opt(&c, "alpha", k->alpha);
	cmd_opt(&c, "optimizer", optim_name(k->optimizer));
	cmd_num_opt(&c, "lr", k->lr);
	cmd_num_opt(&c, "batch", (double)k->batch);
	cmd_num_opt(&c, "epochs", k->epochs);
	if (k->init != z->init || k->init_value != z->init_value) {
		if (k->init == INIT_CONSTANT || k->init == INIT_UNIFORM)
			snprintf(b, sizeof b, "%s:%s", init_name(k->init),
			    cmd_num(n1, sizeof n1, k->init_value));
		else
			snprintf(b, sizeof b, "%s", init_name(k->init));
		cmd_opt(&c, "init", b);
	}
	if (k->bias_init != z->bias_init)
		cmd_num_opt(&c, "bias-init", k->bias_init);
	snprintf(b, sizeof b, "%llu", (unsigned long long)k->seed);
	cmd_opt(&c, "seed", b);
	if (k->l2 != z->l2)
		cmd_num_opt(&c, "l2", k->l2);
	if (k->dropout != z->dropout)
		cmd_num_opt(&c, "dropout", k->dropout);
	if (k->shuffle != z->shuffle)
		cmd_opt(&c, "shuffle", k->shuffle ? "on" : "off");
	if (k->threshold != z->threshold)
		cmd_num_opt(&c, "threshold", k->threshold);
	if (o->cost_fn > 0) {
		cmd_num_opt(&c, "cost-fn", o->cost_fn);
		cmd_num_opt(&c, "cost-fp", o->cost_fp);
	}
	if (k->early_stop > 0) {
		snprintf(b, sizeof b, "%d,%s", k->early_stop,
		    cmd_num(n1, sizeof n1, k->early_stop_delta));
		cmd_opt(&c, "early-stop", b);
	}
	if (k->reduce_lr > 0) {
		snprintf(b, sizeof b, "%d,%s,%s", k->reduce_lr,
		    cmd_num(n1, sizeof n1, k->reduce_factor), cmd_num(n2, sizeof n2, k->reduce_min_lr));
		cmd_opt(&c, "reduce-lr", b);
	}
	if (k->history_phases != z->history_phases) {
		snprintf(n3, sizeof n3, "%d", k->history_phases);
		cmd_opt(&c, "history", n3);
	}
	if (!k->diagnostics)
		cmd_opt(&c, "no-diagnostics", NULL);
	if (o->ncompare > 0) {
		char list[OPT_MAX_COMPARE * 66 + 40];
		size_t len;
		int i;

		len = (size_t)snprintf(list, sizeof list, "%s=", o->compare_key);
		for (i = 0; i < o->ncompare && len < sizeof list; i++)
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? "," : "",
			    o->compare_val[i]);
		cmd_opt(&c, "compare", list);
	}
	return c.buf;
}
