/*
 * view_inspect.c: one neuron's arithmetic written out with the real numbers:
 * its weighted sum and activation for the selected sample, then (after the
 * backward pass) the chain rule and its weight gradients, then (after the
 * update) how much each weight moved.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine/checks.h"
#include "engine/paths.h"
#include "util/i18n.h"
#include "view.h"

#define INSPECT_TERMS 6		/* terms written out before "+ N more" */
#define INSPECT_ALL_TERMS 256	/* zoomed: every term, up to this many */

struct term {
	int k;			/* input index */
	double w, x, wx;
};

/* The inputs of engine layer l at batch row i. */
static const double *
inspect_inputs(const struct session *s, int l, long i)
{
	const struct net *n = s->net;

	if (l == 0)
		return n->x + i * n->ninputs;
	return n->layer[l - 1].out_a + i * n->layer[l - 1].out;
}

/* Picks the terms to write: all when few, else the largest |w*x|, in input order. */
static int
inspect_terms(const double *w, const double *x, int in, struct term *t, int max)
{
	int k, n = 0, i, j;

	for (k = 0; k < in; k++) {
		struct term c = { k, w[k], x[k], w[k] * x[k] };

		if (n < max) {
			t[n++] = c;
			continue;
		}
		/* Replace the smallest kept term if this one is larger. */
		for (j = 0, i = 1; i < n; i++)
			if (fabs(t[i].wx) < fabs(t[j].wx))
				j = i;
		if (fabs(c.wx) > fabs(t[j].wx)) {
			memmove(&t[j], &t[j + 1], (size_t)(n - j - 1) * sizeof *t);
			t[n - 1] = c;
		}
	}
	return n;
}

static void
inspect_input(const struct panel_ctx *p, struct tw *t)
{
	const struct session *s = p->s;
	const struct prep *pr = s->data->prep;
	int j = p->v->unit;
	char a[32];

	tw_printf(t, C_TITLE, _("Input %d"), j + 1);
	if (pr && pr->input_names && j < pr->ninputs && pr->input_names[j])
		tw_printf(t, C_DIM, " (%s)", pr->input_names[j]);
	tw_nl(t);
	if (s->net->n == 0 || p->v->sample >= s->net->n) {
		tw_printf(t, C_DIM, _("No batch yet: press %s to run the forward pass."),
		    view_step_key(p));
		tw_nl(t);
		return;
	}
	tw_printf(t, C_DEFAULT, "x%d = %s", j + 1,
	    view_num(a, sizeof a, s->net->x[p->v->sample * s->net->ninputs + j], 5));
	tw_printf(t, C_DIM, _("  for sample %ld of the batch (data row %ld)."), p->v->sample + 1,
	    view_data_row(s, p->v->sample));
	tw_nl(t);
	tw_text(t, C_DIM, 0, _("Inputs are scaled with the training split's statistics; each "
	    "neuron of hidden layer 1 weighs them."));
	tw_nl(t);
}

/* A number for a product: negative ones in parentheses. */
static const char *
inspect_factor(char *buf, size_t n, double v)
{
	char t[24];

	view_num(t, sizeof t, v, 3);
	if (v < 0)
		snprintf(buf, n, "(%s)", t);
	else
		snprintf(buf, n, "%s", t);
	return buf;
}

/* " + v" or " - |v|" after the first term; "v" or "-|v|" first. */
static void
inspect_signed(struct tw *t, int role, int first, double v, int sig)
{
	char buf[32];

	view_num(buf, sizeof buf, v < 0 ? -v : v, sig);
	if (first)
		tw_atom(t, role, " %s%s", v < 0 ? "-" : "", buf);
	else
		tw_atom(t, role, " %s %s", v < 0 ? "-" : "+", buf);
}

/* z = w1*x1 + ... + b, written out. */
static void
inspect_forward(const struct panel_ctx *p, struct tw *t, int l, int j, long i,
    const double *param)
{
	const struct session *s = p->s;
	const struct glyphs *g = p->g;
	const struct layer *ly = &s->net->layer[l];
	const double *x = inspect_inputs(s, l, i), *w = param + ly->w_off + (long)j * ly->in;
	double b = param[ly->b_off + j], z = ly->z[i * ly->out + j], a = ly->a[i * ly->out + j];
	struct term terms[INSPECT_ALL_TERMS];
	/* Every term when zoomed, else the largest few. */
	int n = inspect_terms(w, x, ly->in, terms, p->v->zoom ? INSPECT_ALL_TERMS : INSPECT_TERMS), k;
	char n1[32], n2[32], fn[32];
	const char *xn = l == 0 ? "x" : "a", *formula = act_formula(ly->act);

	tw_text(t, C_TITLE, 0, _("Forward"));
	tw_atom(t, C_DIM, "  z = %s w%s%s + b,", g->sigma, g->times, xn);
	tw_atom(t, C_DIM, " %s = %s", xn, l == 0 ? _("the inputs") : _("outputs of the layer before"));
	tw_nl(t);
	tw_text(t, C_DEFAULT, 0, "  z =");
	for (k = 0; k < n; k++)
		tw_atom(t, C_DEFAULT, "%s w%d%s%s%d", k ? " +" : "", terms[k].k + 1, g->times, xn,
		    terms[k].k + 1);
	if (ly->in > n)
		tw_atom(t, C_DIM, _(" + %d more"), ly->in - n);
	tw_atom(t, C_DEFAULT, " + b");
	tw_nl(t);
	tw_text(t, C_DEFAULT, 0, "    =");
	for (k = 0; k < n; k++)
		tw_atom(t, C_DEFAULT, "%s %s%s%s", k ? " +" : "",
		    inspect_factor(n1, sizeof n1, terms[k].w), g->times,
		    inspect_factor(n2, sizeof n2, terms[k].x));
	if (ly->in > n)
		tw_atom(t, C_DIM, _(" + %d more terms"), ly->in - n);
	inspect_signed(t, C_DEFAULT, 0, b, 3);
	tw_nl(t);
	tw_text(t, C_DEFAULT, 0, "    =");
	for (k = 0; k < n; k++)
		inspect_signed(t, C_DEFAULT, k == 0, terms[k].wx, 3);
	if (ly->in > n)
		tw_atom(t, C_DIM, " + %s", g->ellipsis);
	inspect_signed(t, C_DEFAULT, 0, b, 3);
	tw_atom(t, C_STATUS_KEY, " = %s", view_num(n2, sizeof n2, z, 5));
	tw_nl(t);
	snprintf(fn, sizeof fn, "%s(z)", act_name(ly->act));
	if (strcmp(fn, formula) == 0)
		tw_atom(t, C_DEFAULT, "  a = %s", fn);
	else
		tw_atom(t, C_DEFAULT, "  a = %s = %s", fn, formula);
	if (ly->act == ACT_SOFTMAX) {
		/* A softmax output depends on every logit of its layer. */
		tw_atom(t, C_DEFAULT, _(" with z of all %d outputs ="), ly->out);
		for (k = 0; k < ly->out; k++)
			tw_atom(t, k == j ? C_STATUS_KEY : C_DEFAULT, "%s%s", k ? ", " : " (",
			    view_num(n1, sizeof n1, ly->z[i * ly->out + k], 4));
		tw_atom(t, C_DEFAULT, ")");
	} else
		tw_atom(t, C_DEFAULT, " = %s(%s)", act_name(ly->act), view_num(n1, sizeof n1, z, 4));
	tw_atom(t, C_STATUS_KEY, " = %s", view_num(n1, sizeof n1, a, 5));
	if (ly->mask && ly->dropout > 0 && ly->out_a == ly->drop_a &&
	    ly->mask[i * ly->out + j] == 0)
		tw_text(t, C_WARNING, 0, _("  (dropped in this batch)"));
	tw_nl(t);
}

/* How many of `want` items of about `aw` columns fit in the rows left of
 * t, keeping `reserve` rows for what follows; all of them when zoomed. */
static int
inspect_room(const struct panel_ctx *p, const struct tw *t, int want, int aw, int reserve)
{
	int rows = t->r.h - (tw_lines(t) - t->skip) - reserve, per = t->r.w / (aw > 0 ? aw : 1);
	int fit = rows * (per > 0 ? per : 1);

	if (p->v->zoom || want <= fit)
		return want;
	return fit < 3 ? 2 : fit - 1;	/* one place for "+N more" */
}

static void
inspect_backward(const struct panel_ctx *p, struct tw *t, int l, int j, long i)
{
	const struct session *s = p->s;
	const struct glyphs *g = p->g;
	const struct net *net = s->net;
	const struct layer *ly = &net->layer[l];
	long at = i * ly->out + j;
	double da = ly->da[at], dz = ly->dz[at], z = ly->z[at], a = ly->a[at];
	double fp = act_deriv(ly->act, ly->alpha, z, a), wc = net->w[i];
	const double *x = inspect_inputs(s, l, i);
	int out = l == net->nlayers - 1, k, shown;
	int fused = out && ((ly->act == ACT_SIGMOID && net->loss == LOSS_BCE) ||
	    (ly->act == ACT_SOFTMAX && net->loss == LOSS_CCE));
	char n1[32], n2[32], n3[32], n4[32];
	const char *xn = l == 0 ? "x" : "a";

	tw_text(t, C_TITLE, 0, _("Backward"));
	tw_printf(t, C_DIM, _("  the chain rule hands the blame back (this sample)"));
	tw_nl(t);
	if (out)
		tw_printf(t, C_GRADIENT, "  dL/da = %s", view_num(n1, sizeof n1, da, 4));
	else
		tw_printf(t, C_GRADIENT, _("  dL/da = %s w%sdL/dz of the next layer = %s"), g->sigma,
		    g->times, view_num(n1, sizeof n1, da, 4));
	/* Inverted dropout: the blame reaches a unit scaled as its output was. */
	if (!out && ly->mask && ly->dropout > 0 && ly->out_a == ly->drop_a)
		tw_printf(t, C_DIM, _("  (includes the dropout mask %s: 1/(1-p) = %s when kept, 0 "
		    "when dropped)"), view_num(n2, sizeof n2, ly->mask[at], 4),
		    view_num(n3, sizeof n3, 1.0 / (1.0 - ly->dropout), 4));
	else if (out && !fused && wc != 1.0)
		tw_printf(t, C_DIM, _("  (includes this sample's class weight w_c = %s)"),
		    view_num(n2, sizeof n2, wc, 4));
	tw_nl(t);
	if (fused && wc != 1.0)
		tw_printf(t, C_GRADIENT, _("  dL/dz = w_c (a - y)/n = %s %s (%s - %s)/%ld = %s  (%s and "
		    "%s together; w_c: the class weight)"), view_num(n1, sizeof n1, wc, 4), g->times,
		    view_num(n2, sizeof n2, a, 4), view_num(n3, sizeof n3, net->y[at], 4), net->n,
		    view_num(n4, sizeof n4, dz, 4), act_name(ly->act), loss_name(net->loss));
	else if (fused)
		tw_printf(t, C_GRADIENT, _("  dL/dz = (a - y)/n = (%s - %s)/%ld = %s  (%s and %s "
		    "together)"), view_num(n2, sizeof n2, a, 4), view_num(n3, sizeof n3, net->y[at], 4),
		    net->n, view_num(n1, sizeof n1, dz, 4), act_name(ly->act), loss_name(net->loss));
	else
		tw_printf(t, C_GRADIENT, "  dL/dz = dL/da %s f'(z) = %s %s %s = %s", g->times,
		    view_num(n1, sizeof n1, da, 4), g->times, view_num(n2, sizeof n2, fp, 4),
		    view_num(n3, sizeof n3, dz, 4));
	tw_nl(t);
	/* This sample's share of each weight's gradient, term by term. */
	tw_printf(t, C_DIM, _("  This sample's share: dL/dw = dL/dz %s %s"), g->times, xn);
	tw_nl(t);
	shown = inspect_room(p, t, ly->in, 34, s->pos.phase == PHASE_UPDATE ? 7 : 3);
	for (k = 0; k < shown; k++)
		tw_atom(t, C_GRADIENT, "  dL/dw%d = %s %s %s%s%s = %s", k + 1, view_num(n1, sizeof n1,
		    dz, 4), g->times, x[k] < 0 ? "(" : "", view_num(n2, sizeof n2, x[k], 4),
		    x[k] < 0 ? ")" : "", view_num(n3, sizeof n3, dz * x[k], 3));
	if (ly->in > shown)
		tw_atom(t, C_DIM, _("  + %d more (z shows all)"), ly->in - shown);
	tw_atom(t, C_GRADIENT, "  dL/db = dL/dz = %s", view_num(n1, sizeof n1, dz, 4));
	tw_nl(t);
	/* What the update uses: the shares of every sample, summed. */
	tw_printf(t, C_DIM, _("  Batch gradient: the %ld samples' shares summed%s"), net->n,
	    s->pos.cfg.l2 > 0 ? _(", + l2 w (L2)") : "");
	tw_nl(t);
	tw_text(t, C_GRADIENT, 0, " ");
	shown = inspect_room(p, t, ly->in, 16, s->pos.phase == PHASE_UPDATE ? 4 : 1);
	for (k = 0; k < shown; k++)
		tw_atom(t, C_GRADIENT, " dL/dw%d=%s", k + 1,
		    view_num(n1, sizeof n1, net->grad[ly->w_off + (long)j * ly->in + k], 3));
	if (ly->in > shown)
		tw_atom(t, C_DIM, _(" + %d more"), ly->in - shown);
	tw_atom(t, C_GRADIENT, " dL/db=%s", view_num(n1, sizeof n1, net->grad[ly->b_off + j], 3));
	tw_nl(t);
}

#define INSPECT_PATHS 8		/* paths written out before "+ N more" */

/* The selected weight's gradient: backprop against central differences of
 * the batch loss (the weight is moved and put back exactly: only the
 * evaluation scratch is written, as the other views do). */
static void
inspect_gradcheck(const struct panel_ctx *p, struct tw *t, int l, int j, int k)
{
	const struct session *s = p->s;
	const struct layer *ly = &s->net->layer[l];
	long at = ly->w_off + (long)j * ly->in + k;
	double a = s->net->grad[at], num;
	char n1[32], n2[32], n3[32];

	tw_printf(t, C_TITLE, _("Weight w%d"), k + 1);
	tw_printf(t, C_DIM, _("  (x chooses another)"));
	tw_nl(t);
	tw_atom(t, C_GRADIENT, _("  backprop dL/dw%d = %s"), k + 1, view_num(n1, sizeof n1, a, 6));
	if (s->pos.phase != PHASE_BACKWARD || s->pos.cfg.dropout > 0) {
		tw_atom(t, C_DIM, s->pos.cfg.dropout > 0 ? _("  (no gradient check with dropout)") :
		    _("  (gradient check after the backward pass)"));
		tw_nl(t);
		return;
	}
	num = session_numeric_grad(s, at, CHECK_GRAD_H);
	tw_atom(t, C_DEFAULT, _("  central difference %s"), view_num(n2, sizeof n2, num, 6));
	tw_atom(t, C_DIM, _("  relative error %s"), view_num(n3, sizeof n3,
	    check_rel_error(a, num), 2));
	tw_nl(t);
}

/* dL/dw of the selected weight for this sample, as the sum over the paths
 * through the later layers, each path the product of its local derivatives. */
static void
inspect_paths(const struct panel_ctx *p, struct tw *t, int l, int j, int k, long i)
{
	const struct session *s = p->s;
	const struct glyphs *g = p->g;
	const struct net *n = s->net;
	struct grad_path top[INSPECT_PATHS];
	double sum, f[2 * NET_MAX_LAYERS + 2], shown = 0;
	long count = session_grad_paths(s, l, j, k, i, top, INSPECT_PATHS, &sum), q;
	int m, nf;
	char n1[32], n2[32];

	if (count < 0)
		return;
	tw_text(t, C_TITLE, 0, _("The chain rule, path by path"));
	tw_printf(t, C_DIM, _("  dL/dw%d of sample %ld = %s x%d %s f'(z) %s (w %s f'(z) %s ...) "
	    "%s dL/dz of the output"), k + 1, i + 1, g->sigma, k + 1, g->times, g->times, g->times,
	    g->times, g->times);
	tw_nl(t);
	for (q = 0; q < count && q < INSPECT_PATHS; q++) {
		nf = session_path_factors(s, l, k, i, &top[q], f, (int)(sizeof f / sizeof *f));
		tw_text(t, C_DIM, 0, " ");
		for (m = 0; m < top[q].nunits; m++)
			tw_atom(t, C_DIM, "%s%d", m ? g->arrow_right : " u", top[q].unit[m] + 1);
		tw_atom(t, C_DEFAULT, ":");
		for (m = 0; m < nf; m++)
			tw_atom(t, C_DEFAULT, "%s%s", m ? g->times : " ", inspect_factor(n1, sizeof n1,
			    f[m]));
		tw_atom(t, C_GRADIENT, " = %s", view_num(n2, sizeof n2, top[q].value, 4));
		tw_nl(t);
		shown += top[q].value;
	}
	if (count > INSPECT_PATHS) {
		tw_printf(t, C_DIM, _("  + %ld more paths, together %s"), count - INSPECT_PATHS,
		    view_num(n1, sizeof n1, sum - shown, 4));
		tw_nl(t);
	}
	tw_printf(t, C_GRADIENT, _("  sum of %ld path%s = %s"), count, count == 1 ? "" : "s",
	    view_num(n1, sizeof n1, sum, 6));
	tw_printf(t, C_DIM, _(" = x%d %s dL/dz = %s (backprop, this sample)"), k + 1, g->times,
	    view_num(n2, sizeof n2, session_sample_grad(s, l, j, k, i), 6));
	tw_nl(t);
	(void)n;
}

/* Each sample's pull on the selected weight: signed bars that add up to the
 * batch's dL/dw. */
static void
inspect_tug(const struct panel_ctx *p, struct tw *t, int l, int j, int k)
{
	const struct session *s = p->s;
	const struct glyphs *g = p->g;
	const struct net *n = s->net;
	const struct layer *ly = &n->layer[l];
	double big = 0, sum = 0, c, l2 = s->pos.cfg.l2;
	long i, at = ly->w_off + (long)j * ly->in + k;
	int half = 10, w, b;
	char n1[32], bar[256];

	for (i = 0; i < n->n; i++)
		big = fmax(big, fabs(session_sample_grad(s, l, j, k, i)));
	tw_text(t, C_TITLE, 0, _("The batch as a tug of war"));
	tw_printf(t, C_DIM, _("  each sample's share of dL/dw%d (left: pulls w up, right: down)"),
	    k + 1);
	tw_nl(t);
	for (i = 0; i < n->n; i++) {
		size_t len = 0;

		c = session_sample_grad(s, l, j, k, i);
		sum += c;
		w = big > 0 ? (int)lround(half * fabs(c) / big) : 0;
		bar[0] = '\0';
		for (b = 0; b < half; b++) {
			const char *gl = c < 0 && b >= half - w ? g->hbar[8] : " ";

			len += (size_t)snprintf(bar + len, sizeof bar - len, "%s", gl);
		}
		len += (size_t)snprintf(bar + len, sizeof bar - len, "%s", g->box[1]);
		for (b = 0; b < half; b++)
			len += (size_t)snprintf(bar + len, sizeof bar - len, "%s",
			    c > 0 && b < w ? g->hbar[8] : " ");
		tw_atom(t, i == p->v->sample ? C_TITLE : C_DIM, "  s%-3ld", i + 1);
		tw_atom(t, c < 0 ? C_NEGATIVE_WEIGHT : C_POSITIVE_WEIGHT, "%s", bar);
		tw_atom(t, C_DEFAULT, " %s", view_num(n1, sizeof n1, c, 3));
		tw_nl(t);
	}
	tw_printf(t, C_GRADIENT, _("  sum %s"), view_num(n1, sizeof n1, sum, 6));
	if (l2 > 0)
		tw_printf(t, C_GRADIENT, _(" + L2 %s"), view_num(n1, sizeof n1,
		    l2 * (s->pos.phase == PHASE_UPDATE ? s->prev_param[at] : n->param[at]), 4));
	tw_printf(t, C_GRADIENT, _(" = batch dL/dw%d %s"), k + 1,
	    view_num(n1, sizeof n1, n->grad[at], 6));
	tw_nl(t);
}

static void
inspect_update(const struct panel_ctx *p, struct tw *t, int l, int j)
{
	const struct session *s = p->s;
	const struct glyphs *g = p->g;
	const struct layer *ly = &s->net->layer[l];
	int k, shown = ly->in < 6 ? ly->in : 6;
	char n1[32], n2[32], n3[32], lr[32], rule[96];

	tw_text(t, C_TITLE, 0, _("Update"));
	tw_printf(t, C_DIM, "  %s, lr %s: %s", optim_name(s->pos.cfg.optimizer),
	    view_num(lr, sizeof lr, session_lr(s), 4),
	    optim_describe(s->pos.cfg.optimizer, OPTIM_RULE, session_lr(s), rule, sizeof rule));
	tw_nl(t);
	for (k = 0; k < shown; k++) {
		long at = ly->w_off + (long)j * ly->in + k;

		tw_atom(t, C_UPDATE, "  w%d %s%s%s", k + 1, view_num(n1, sizeof n1,
		    s->prev_param[at], 4), g->arrow_right, view_num(n2, sizeof n2, s->net->param[at], 4));
		tw_atom(t, C_DIM, " (%s%s)", g->delta, view_num(n3, sizeof n3, s->delta[at], 3));
	}
	if (ly->in > shown)
		tw_printf(t, C_DIM, "  + %d more", ly->in - shown);
	tw_atom(t, C_UPDATE, "  b %s%s%s", view_num(n1, sizeof n1, s->prev_param[ly->b_off + j], 4),
	    g->arrow_right, view_num(n2, sizeof n2, s->net->param[ly->b_off + j], 4));
	tw_atom(t, C_DIM, " (%s%s)", g->delta, view_num(n3, sizeof n3, s->delta[ly->b_off + j], 3));
	tw_nl(t);
}

void
view_inspector(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	const struct session *s = p->s;
	int d = p->v->layer, j = p->v->unit, l = d - 1;
	long i = p->v->sample;
	enum phase ph = s->pos.phase;
	struct rect in;
	struct tw t;
	char extra[64];

	if (d < 0 || d > s->net->nlayers)
		d = 0;
	snprintf(extra, sizeof extra, "%s", d == 0 ? _("input") : d == s->net->nlayers ? _("output") :
	    _("hidden"));
	in = view_box(p, c, r, _("Inspector"), extra);
	if (in.w < 10 || in.h < 1)
		return;
	if (d == 1 && s->data->image_h > 0 && in.w >= 2 * s->data->image_w + 40 &&
	    in.h >= s->data->image_h + 2) {
		/* A first-layer neuron of picture inputs: its weights as a picture,
		 * beside the formula. */
		int pw = 2 * s->data->image_w;

		view_image_weights(p, c, in.x + in.w - pw, in.y,
		    j < s->net->layer[0].out ? j : s->net->layer[0].out - 1);
		in.w -= pw + 1;
	}
	tw_init(&t, c, in, p->v->scroll[P_INSPECTOR]);
	if (d == 0) {
		inspect_input(p, &t);
		return;
	}
	if (j >= s->net->layer[l].out)
		j = s->net->layer[l].out - 1;
	if (l == s->net->nlayers - 1)
		tw_printf(&t, C_TITLE, _("Neuron %d of the output layer (%s)"), j + 1,
		    act_name(s->net->layer[l].act));
	else
		tw_printf(&t, C_TITLE, _("Neuron %d of hidden layer %d (%s)"), j + 1, l + 1,
		    act_name(s->net->layer[l].act));
	tw_nl(&t);
	if (s->net->n > 0 && i < s->net->n) {
		tw_atom(&t, C_DIM, _("sample %ld/%ld of the batch"), i + 1, s->net->n);
		tw_atom(&t, C_DIM, _(" (data row %ld)"), view_data_row(s, i));
		tw_nl(&t);
	}
	if (s->net->n == 0 || i >= s->net->n || (ph == PHASE_NONE && s->pos.phase_count == 0)) {
		tw_printf(&t, C_DIM, _("No batch yet: press %s to run the forward pass and see "
		    "z = w*x + b with the numbers."), view_step_key(p));
		tw_nl(&t);
		return;
	}
	/* After the update the forward pass used the weights before it. */
	inspect_forward(p, &t, l, j, i, ph == PHASE_UPDATE ? s->prev_param : s->net->param);
	if (ph == PHASE_UPDATE) {
		tw_text(&t, C_DIM, 0, _("  (with the weights before this update)"));
		tw_nl(&t);
	}
	if (ph == PHASE_LOSS || ph == PHASE_BACKWARD || ph == PHASE_UPDATE) {
		if (l == s->net->nlayers - 1) {
			char n1[32];
			int nout = s->net->layer[l].out;

			tw_printf(&t, C_DEFAULT, _("Target y = %s; "), view_num(n1, sizeof n1,
			    s->net->y[i * nout + j], 4));
			tw_printf(&t, C_DEFAULT, _("loss of this sample (%s) = %s"), loss_name(s->net->loss),
			    view_num(n1, sizeof n1, s->net->sample_loss[i], 4));
			tw_printf(&t, C_DIM, _(", batch mean %s"), view_num(n1, sizeof n1,
			    s->net->batch_loss, 4));
			tw_nl(&t);
		}
	}
	if (ph == PHASE_BACKWARD || ph == PHASE_UPDATE)
		inspect_backward(p, &t, l, j, i);
	if (ph == PHASE_UPDATE)
		inspect_update(p, &t, l, j);
	if (ph == PHASE_BACKWARD || ph == PHASE_UPDATE) {
		int k = p->v->weight < s->net->layer[l].in ? p->v->weight : 0;

		inspect_gradcheck(p, &t, l, j, k);
		inspect_paths(p, &t, l, j, k, i);
		inspect_tug(p, &t, l, j, k);
	}
	if (ph == PHASE_FORWARD || ph == PHASE_LOSS) {
		tw_text(&t, C_DIM, 0, ph == PHASE_FORWARD ? _("Next: the loss compares the output with "
		    "the target.") : _("Next: the backward pass computes dL/dz and dL/dw."));
		tw_nl(&t);
	}
}
