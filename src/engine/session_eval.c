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
