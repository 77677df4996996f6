/*
 * paths.c: dL/dw as a sum over the paths through the later layers, and
 * each sample's share of a weight's gradient (see paths.h).
 */
#include <math.h>
#include <string.h>

#include "paths.h"

/* The input k of engine layer l at batch row i. */
static double
path_input(const struct net *n, int l, int k, long i)
{
	if (l == 0)
		return n->x[i * n->ninputs + k];
	return n->layer[l - 1].out_a[i * n->layer[l - 1].out + k];
}

/* f'(z) of unit j of hidden layer l at row i; dL/dz at the output. */
static double
path_local(const struct net *n, int l, int j, long i)
{
	const struct layer *ly = &n->layer[l];
	long at = i * ly->out + j;

	if (l == n->nlayers - 1)
		return ly->dz[at];
	/* A dropped unit passes no gradient; a kept one is scaled. */
	if (ly->mask && ly->out_a == ly->drop_a)
		return act_deriv(ly->act, ly->alpha, ly->z[at], ly->a[at]) * ly->mask[at];
	return act_deriv(ly->act, ly->alpha, ly->z[at], ly->a[at]);
}

static int
path_valid(const struct session *s, int l, int j, int k, long i)
{
	const struct net *n = s->net;

	return l >= 0 && l < n->nlayers && j >= 0 && j < n->layer[l].out && k >= 0 &&
	    k < n->layer[l].in && i >= 0 && i < n->n &&
	    (s->pos.phase == PHASE_BACKWARD || s->pos.phase == PHASE_UPDATE);
}

double
session_sample_grad(const struct session *s, int l, int j, int k, long i)
{
	const struct net *n = s->net;

	if (!path_valid(s, l, j, k, i))
		return NAN;
	return path_input(n, l, k, i) * n->layer[l].dz[i * n->layer[l].out + j];
}

int
session_path_factors(const struct session *s, int l, int k, long i,
    const struct grad_path *p, double *f, int max)
{
	const struct net *n = s->net;
	int q, m = 0;

	if (m < max)
		f[m++] = path_input(n, l, k, i);
	if (m < max)
		f[m++] = path_local(n, l, p->unit[0], i);
	for (q = 1; q < p->nunits && m + 1 < max; q++) {
		const struct layer *ly = &n->layer[l + q];

		f[m++] = n->param[ly->w_off + (long)p->unit[q] * ly->in + p->unit[q - 1]];
		f[m++] = path_local(n, l + q, p->unit[q], i);
	}
	return m;
}

/* Keeps p among the `max` largest |value| of out (n kept so far). */
static void
path_keep(struct grad_path *out, int *n, int max, const struct grad_path *p)
{
	int at;

	if (max <= 0)
		return;
	if (*n == max && fabs(p->value) <= fabs(out[max - 1].value))
		return;
	at = *n < max ? (*n)++ : max - 1;
	while (at > 0 && fabs(out[at - 1].value) < fabs(p->value)) {
		out[at] = out[at - 1];
		at--;
	}
	out[at] = *p;
}

long
session_grad_paths(const struct session *s, int l, int j, int k, long i,
    struct grad_path *out, int max, double *sum)
{
	const struct net *n = s->net;
	struct grad_path p;
	double prod[NET_MAX_LAYERS] = { 0 };
	long count = 1, total = 0;
	int q, kept = 0, depth;

	*sum = NAN;
	if (!path_valid(s, l, j, k, i))
		return -1;
	depth = n->nlayers - l;
	if (depth < 1 || depth > NET_MAX_LAYERS)
		return -1;
	for (q = 1; q < depth; q++) {
		count *= n->layer[l + q].out;
		if (count > PATHS_MAX)
			return -1;
	}
	memset(&p, 0, sizeof p);
	p.nunits = depth;
	p.unit[0] = j;
	/* prod[q]: the product of the factors up to and including layer l+q. */
	prod[0] = path_input(n, l, k, i) * path_local(n, l, j, i);
	*sum = 0;
	/* An odometer over the units of the later layers. */
	for (q = 1; q < depth; q++)
		p.unit[q] = 0;
	for (;;) {
		for (q = 1; q < depth; q++) {
			const struct layer *ly = &n->layer[l + q];

			prod[q] = prod[q - 1] *
			    n->param[ly->w_off + (long)p.unit[q] * ly->in + p.unit[q - 1]] *
			    path_local(n, l + q, p.unit[q], i);
		}
		p.value = prod[depth - 1];
		*sum += p.value;
		path_keep(out, &kept, max, &p);
		total++;
		for (q = depth - 1; q >= 1; q--) {
			if (++p.unit[q] < n->layer[l + q].out)
				break;
			p.unit[q] = 0;
		}
		if (q < 1)
			break;
	}
	return total;
}
