/* trace.c: JSON Lines of batches, epochs and events. */
#include "io/jsonout.h"
#include "io/trace.h"

static void
trace_matrix(FILE *f, const double *m, int rows, int cols)
{
	int r;

	fputc('[', f);
	for (r = 0; r < rows; r++) {
		if (r)
			fputc(',', f);
		jsonout_array(f, m + (long)r * cols, cols);
	}
	fputc(']', f);
}

void
trace_batch(FILE *f, const struct session *s)
{
	const struct net *n = s->net;
	long i;
	int l;

	fprintf(f, "{\"event\":\"batch\",\"epoch\":%d,\"batch\":%ld,\"samples\":[",
	    s->pos.epoch, s->pos.batch);
	for (i = 0; i < s->batch_n; i++)
		fprintf(f, "%s%ld", i ? "," : "", s->batch_rows[i]);
	/* The same samples as 1-based rows of the data file, as the inspector
	 * names them. */
	fputs("],\"rows\":[", f);
	for (i = 0; i < s->batch_n; i++)
		fprintf(f, "%s%ld", i ? "," : "", s->data->train.row ?
		    s->data->train.row[s->batch_rows[i]] + 1 : s->batch_rows[i] + 1);
	fputs("],\"loss\":", f);
	jsonout_number(f, n->batch_loss);
	fputs(",\"layers\":[", f);
	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];

		fputs(l ? ",{\"W\":" : "{\"W\":", f);
		trace_matrix(f, s->prev_param + ly->w_off, ly->out, ly->in);
		fputs(",\"b\":", f);
		jsonout_array(f, s->prev_param + ly->b_off, ly->out);
		fputs(",\"dW\":", f);
		trace_matrix(f, n->grad + ly->w_off, ly->out, ly->in);
		fputs(",\"db\":", f);
		jsonout_array(f, n->grad + ly->b_off, ly->out);
		fputs(",\"W_after\":", f);
		trace_matrix(f, n->param + ly->w_off, ly->out, ly->in);
		fputs(",\"b_after\":", f);
		jsonout_array(f, n->param + ly->b_off, ly->out);
		fputc('}', f);
	}
	fputs("]}\n", f);
}

void
trace_epoch(FILE *f, const struct session *s)
{
	const struct epoch_record *e;
	int i;

	if (s->pos.nepochs < 1)
		return;
	e = &s->epochs[s->pos.nepochs - 1];
	{
		/* No wall time: traces of the same run are byte-identical. */
		const struct { const char *key; double v; } field[] = {
			{ "loss", e->loss }, { "val_loss", e->val_loss },
			{ "accuracy", e->accuracy }, { "val_accuracy", e->val_accuracy },
			{ "lr", e->lr }, { "dead_fraction", e->dead_fraction },
			{ "saturated_fraction", e->saturated_fraction },
			{ "grad_ratio", e->grad_ratio },
		};

		fprintf(f, "{\"event\":\"epoch\",\"epoch\":%d", e->epoch);
		for (i = 0; i < (int)(sizeof field / sizeof field[0]); i++) {
			fprintf(f, ",\"%s\":", field[i].key);
			jsonout_number(f, field[i].v);
		}
	}
	fputs("}\n", f);
}

void
trace_event(FILE *f, const struct session *s, const struct session_event *e)
{
	static const char *const names[] = { "early_stop", "restore", "reduce_lr", "best",
		"diverged", "finished", "exploding_loss" };

	fprintf(f, "{\"event\":\"%s\",\"epoch\":%d,\"text\":", names[e->kind], e->epoch);
	jsonout_string(f, e->text);
	if (e->kind == EV_DIVERGED) {
		fprintf(f, ",\"phase\":\"%s\",\"layer\":%d,\"quantity\":",
		    phase_name(s->pos.diverged.phase), s->pos.diverged.layer);
		jsonout_string(f, s->pos.diverged.quantity);
	}
	fputs("}\n", f);
}
