/*
 * session_eval.c: evaluation of a session's network on a split (loss,
 * predictions, metrics) and the training accuracy of each batch.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session_impl.h"

void
session_count_correct(struct session *s)
{
	struct net *n = s->net;
	const struct layer *o = &n->layer[n->nlayers - 1];
	int nout = o->out, j;
	long i;

	if (s->data->task == TASK_REGRESS)
		return;
	for (i = 0; i < n->n; i++) {
		const double *a = o->a + i * nout, *y = n->y + i * nout;
		int p = 0, t = 0;

		if (nout == 1) {
			p = a[0] >= s->pos.cfg.threshold;
			t = y[0] >= 0.5;
		} else {
			for (j = 1; j < nout; j++) {
				if (a[j] > a[p])
					p = j;
				if (y[j] > y[t])
					t = j;
			}
		}
		s->pos.correct += p == t;
	}
	s->pos.seen += n->n;
}

double
session_evaluate(struct session *s, int which, struct metrics *m)
{
	const struct split *sp = which == 0 ? &s->data->train :
	    which == 1 ? &s->data->val : &s->data->test;
	int width = net_noutputs(s->net);
	double loss;

	/* Class weights shape training only (Keras's convention): the
	 * validation and test losses, which the callbacks watch, are plain. */
	loss = net_evaluate(s->net, sp->x, sp->y, which == 0 ? sp->w : NULL, sp->n,
	    s->pred[which]);
	if (m != NULL) {
		metrics_compute(m, s->data->task, width, sp->n, s->pred[which], sp->y,
		    sp->label, s->pos.cfg.threshold, s->metrics_work);
		m->loss = loss;
	}
	return loss;
}

/* The evaluation buffers of a caller that only reads the session. */
int
session_eval_scratch_fit(const struct session *s, int which, struct session_eval_scratch *e)
{
	const struct split *sp = which == 0 ? &s->data->train :
	    which == 1 ? &s->data->val : &s->data->test;
	long rows = sp->n > 0 ? sp->n : 1, outs = rows * net_noutputs(s->net);

	if (net_scratch_fit(&e->net, s->net) != 0)
		return -1;
	if (outs > e->pred_cap) {
		free(e->pred);
		e->pred = malloc((size_t)outs * sizeof(double));
		e->pred_cap = e->pred ? outs : 0;
	}
	if (rows > e->work_rows) {
		free(e->work);
		e->work = malloc(metrics_work_size(rows));
		e->work_rows = e->work ? rows : 0;
	}
	return e->pred && e->work ? 0 : -1;
}

void
session_eval_scratch_free(struct session_eval_scratch *e)
{
	net_scratch_free(&e->net);
	free(e->pred);
	free(e->work);
	memset(e, 0, sizeof *e);
}

double
session_evaluate_in(const struct session *s, int which, struct session_eval_scratch *e,
    struct metrics *m)
{
	const struct split *sp = which == 0 ? &s->data->train :
	    which == 1 ? &s->data->val : &s->data->test;
	double loss;

	if (session_eval_scratch_fit(s, which, e) != 0)
		return NAN;
	/* The same evaluation as session_evaluate, into e. */
	loss = net_evaluate_in(s->net, &e->net, sp->x, sp->y, which == 0 ? sp->w : NULL, sp->n,
	    e->pred);
	if (m != NULL) {
		metrics_compute(m, s->data->task, net_noutputs(s->net), sp->n, e->pred, sp->y,
		    sp->label, s->pos.cfg.threshold, e->work);
		m->loss = loss;
	}
	return loss;
}
