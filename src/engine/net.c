/* net.c: the multi-layer perceptron: shape, initialisation and the phases. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"
#include "net.h"

static const char *const init_names[INIT_COUNT] = {
	"zeros", "constant", "uniform", "xavier", "he"
};

const char *
init_name(enum init i)
{
	return (i >= 0 && i < INIT_COUNT) ? init_names[i] : "?";
}

int
init_parse(const char *s)
{
	int i;

	for (i = 0; i < INIT_COUNT; i++)
		if (strcmp(s, init_names[i]) == 0)
			return i;
	if (strcmp(s, "glorot") == 0)
		return INIT_XAVIER;
	if (strcmp(s, "zero") == 0)
		return INIT_ZEROS;
	return -1;
}

int
net_noutputs(const struct net *n)
{
	return n->layer[n->nlayers - 1].out;
}

struct net *
net_new(const struct net_shape *sh, long cap, const char **err)
{
	struct net *n;
	long units = 0, maxw, nparams = 0, doubles, masks = 0;
	double *p;
	int l, in;

	if (sh->ninputs < 1 || sh->ninputs > NET_MAX_UNITS) {
		*err = "the number of inputs must be between 1 and 4096";
		return NULL;
	}
	if (sh->nhidden < 0 || sh->nhidden > NET_MAX_LAYERS - 1) {
		*err = "at most 15 hidden layers are allowed";
		return NULL;
	}
	if (sh->noutputs < 1 || sh->noutputs > NET_MAX_UNITS) {
		*err = "the number of outputs must be between 1 and 4096";
		return NULL;
	}
	if (cap < 1) {
		*err = "the batch must hold at least one row";
		return NULL;
	}
	if ((*err = loss_check_output(sh->loss, sh->out_act, sh->noutputs)) != NULL)
		return NULL;
	n = calloc(1, sizeof *n);
	if (n == NULL) {
		*err = "out of memory";
		return NULL;
	}
	n->ninputs = sh->ninputs;
	n->nlayers = sh->nhidden + 1;
	n->loss = sh->loss;
	maxw = sh->ninputs;
	in = sh->ninputs;
	for (l = 0; l < n->nlayers; l++) {
		struct layer *ly = &n->layer[l];
		int hidden = l < sh->nhidden;

		ly->in = in;
		ly->out = hidden ? sh->hidden[l] : sh->noutputs;
		if (ly->out < 1 || ly->out > NET_MAX_UNITS) {
			*err = "every layer must have between 1 and 4096 units";
			free(n);
			return NULL;
		}
		ly->act = hidden ? sh->hidden_act[l] : sh->out_act;
		if (hidden && (act_info(ly->act)->props & ACTP_OUTPUT_ONLY)) {
			*err = "softmax is for the output layer only";
			free(n);
			return NULL;
		}
		ly->alpha = act_alpha(ly->act, sh->alpha);
		ly->dropout = hidden ? sh->dropout : 0.0;
		ly->w_off = nparams;
		nparams += (long)ly->in * ly->out;
		ly->b_off = nparams;
		nparams += ly->out;
		units += ly->out;
		if (ly->dropout > 0)
			masks += ly->out;
		if (ly->out > maxw)
			maxw = ly->out;
		in = ly->out;
	}
	if (nparams > NET_MAX_PARAMS || cap > (1L << 40) / (units + masks + maxw + 8)) {
		*err = "the network or the batch is too large";
		free(n);
		return NULL;
	}
	n->nparams = nparams;
	n->cap = cap;
	/* batch: z, a, da, dz per unit, masks and masked outputs, x, y, w, loss;
	 * evaluation: two ping-pong buffers of the widest layer, and a loss. */
	doubles = cap * (4 * units + 2 * masks + sh->ninputs + sh->noutputs + 2) +
	    cap * (3 * maxw + 1);
	n->block = kern_calloc(doubles);
	n->param_block = kern_calloc(3 * nparams);
	if (n->block == NULL || n->param_block == NULL) {
		*err = "out of memory for the network and its batch buffers";
		net_free(n);
		return NULL;
	}
	n->param = n->param_block;
	n->grad = n->param + nparams;
	n->wt = n->grad + nparams;
	p = n->block;
	for (l = 0; l < n->nlayers; l++) {
		struct layer *ly = &n->layer[l];
		long m = cap * ly->out;

		ly->z = p, p += m;
		ly->a = p, p += m;
		ly->da = p, p += m;
		ly->dz = p, p += m;
		if (ly->dropout > 0) {
			ly->mask = p, p += m;
			ly->drop_a = p, p += m;
		}
		ly->out_a = ly->a;
	}
	n->x = p, p += cap * sh->ninputs;
	n->y = p, p += cap * sh->noutputs;
	n->w = p, p += cap;
	n->sample_loss = p, p += cap;
	n->eval_width = maxw;
	n->eval_z = p, p += cap * maxw;
	n->eval_a = p, p += 2 * cap * maxw;
	n->eval_loss = p;
	return n;
}

void
net_free(struct net *n)
{
	if (n == NULL)
		return;
	kern_free(n->block);
	kern_free(n->param_block);
	free(n);
}

void
net_sync(struct net *n)
{
	int l;

	for (l = 0; l < n->nlayers; l++) {
		struct layer *ly = &n->layer[l];

		kern_transpose(ly->in, ly->out, n->param + ly->w_off, n->wt + ly->w_off);
	}
}

void
net_init(struct net *n, enum init how, double value, double bias, struct rng *r)
{
	int l;
	long i;

	for (l = 0; l < n->nlayers; l++) {
		struct layer *ly = &n->layer[l];
		double *w = n->param + ly->w_off;
		long m = (long)ly->in * ly->out;
		double lim;

		switch (how) {
		case INIT_ZEROS:
			memset(w, 0, (size_t)m * sizeof *w);
			break;
		case INIT_CONSTANT:
			for (i = 0; i < m; i++)
				w[i] = value;
			break;
		case INIT_UNIFORM:
			for (i = 0; i < m; i++)
				w[i] = value * (2.0 * rng_uniform(r) - 1.0);
			break;
		case INIT_XAVIER:
			lim = sqrt(6.0 / (ly->in + ly->out));
			for (i = 0; i < m; i++)
				w[i] = lim * (2.0 * rng_uniform(r) - 1.0);
			break;
		case INIT_HE:
			lim = sqrt(2.0 / ly->in);
			for (i = 0; i < m; i++)
				w[i] = lim * rng_normal(r);
			break;
		default:
			break;
		}
		for (i = 0; i < ly->out; i++)
			n->param[ly->b_off + i] = l < n->nlayers - 1 ? bias : 0.0;
	}
	net_sync(n);
}

void
net_forward(struct net *n, int training, struct rng *r)
{
	const double *x = n->x;
	int l;
	long i;

	for (l = 0; l < n->nlayers; l++) {
		struct layer *ly = &n->layer[l];
		long m = n->n * ly->out;

		kern_forward(n->n, ly->in, ly->out, x, n->wt + ly->w_off,
		    n->param + ly->b_off, ly->z);
		act_forward(ly->act, ly->alpha, ly->z, ly->a, n->n, ly->out);
		ly->out_a = ly->a;
		if (training && ly->mask != NULL && ly->dropout > 0) {
			/* Inverted dropout: kept units are scaled by 1/(1-p) so the
			 * expected activation is unchanged and evaluation needs nothing. */
			double keep = 1.0 / (1.0 - ly->dropout);

			for (i = 0; i < m; i++) {
				ly->mask[i] = rng_uniform(r) >= ly->dropout ? keep : 0.0;
				ly->drop_a[i] = ly->a[i] * ly->mask[i];
			}
			ly->out_a = ly->drop_a;
		}
		x = ly->out_a;
	}
}

void
net_loss(struct net *n)
{
	struct layer *o = &n->layer[n->nlayers - 1];

	loss_per_sample(n->loss, o->act, o->z, o->a, n->y, n->n, o->out, n->sample_loss);
	n->batch_loss = loss_mean(n->sample_loss, n->w, n->n);
}

void
net_backward(struct net *n, double l2)
{
	struct layer *o = &n->layer[n->nlayers - 1];
	int l, finite = 1;
	long i;

	loss_backward(n->loss, o->act, o->alpha, o->z, o->a, n->y, n->w, n->n, o->out,
	    o->da, o->dz);
	for (l = n->nlayers - 1; l >= 0; l--) {
		struct layer *ly = &n->layer[l];
		const double *x = l > 0 ? n->layer[l - 1].out_a : n->x;

		if (l < n->nlayers - 1)
			act_backward(ly->act, ly->alpha, ly->z, ly->a, ly->da, ly->dz,
			    n->n, ly->out);
		finite &= kern_grad_w(n->n, ly->in, ly->out, x, ly->dz, n->param + ly->w_off, l2,
		    n->grad + ly->w_off, n->grad + ly->b_off);
		if (l > 0) {
			struct layer *prev = &n->layer[l - 1];

			/* dL/d(out_a) of the layer below, then through its dropout mask
			 * to dL/da. */
			kern_grad_x(n->n, ly->in, ly->out, ly->dz, n->param + ly->w_off, prev->da);
			if (prev->out_a != prev->a)
				for (i = 0; i < n->n * prev->out; i++)
					prev->da[i] *= prev->mask[i];
		}
	}
	n->grad_finite = finite;
}

/* The evaluation of net_evaluate with given weights and buffers. */
static double
net_eval(const struct net *n, const double *param, const double *wt, double *ez, double *ea,
    double *eloss, long cap, long width, const double *x, const double *y, const double *w,
    long rows, double *pred)
{
	int nout = net_noutputs(n), l;
	double total = 0;
	long done, i;

	for (done = 0; done < rows; done += cap) {
		long c = rows - done < cap ? rows - done : cap;
		const double *in = x + done * n->ninputs;
		double *ab = ea;
		const struct layer *o = &n->layer[n->nlayers - 1];

		/* z always goes to ez; a alternates between the two halves of ea
		 * so that a layer's input is never its output. */
		for (l = 0; l < n->nlayers; l++) {
			const struct layer *ly = &n->layer[l];

			ab = ea + (l % 2) * cap * width;
			kern_forward(c, ly->in, ly->out, in, wt + ly->w_off, param + ly->b_off, ez);
			act_forward(ly->act, ly->alpha, ez, ab, c, ly->out);
			in = ab;
		}
		if (pred != NULL)
			memcpy(pred + done * nout, ab, (size_t)(c * nout) * sizeof *pred);
		if (y != NULL) {
			loss_per_sample(n->loss, o->act, ez, ab, y + done * nout, c, nout, eloss);
			for (i = 0; i < c; i++)
				total += (w ? w[done + i] : 1.0) * eloss[i];
		}
	}
	return rows > 0 ? total / rows : 0.0;
}

int
net_evaluate_layer(const struct net *n, const double *x, long rows, int layer, double *out)
{
	long done, cap = n->cap;
	double *z, *ab2;
	int l;

	if (layer < 0 || layer >= n->nlayers)
		return -1;
	/* Buffers of its own: the network is only read. */
	z = malloc((size_t)(3 * cap * n->eval_width) * sizeof *z);
	if (z == NULL)
		return -1;
	ab2 = z + cap * n->eval_width;
	for (done = 0; done < rows; done += cap) {
		long c = rows - done < cap ? rows - done : cap;
		const double *in = x + done * n->ninputs;
		double *ab = ab2;

		for (l = 0; l <= layer; l++) {
			const struct layer *ly = &n->layer[l];

			ab = ab2 + (l % 2) * cap * n->eval_width;
			kern_forward(c, ly->in, ly->out, in, n->wt + ly->w_off,
			    n->param + ly->b_off, z);
			act_forward(ly->act, ly->alpha, z, ab, c, ly->out);
			in = ab;
		}
		memcpy(out + done * n->layer[layer].out, ab,
		    (size_t)(c * n->layer[layer].out) * sizeof *out);
	}
	free(z);
	return 0;
}

double
net_evaluate(struct net *n, const double *x, const double *y, const double *w, long rows,
    double *pred)
{
	return net_eval(n, n->param, n->wt, n->eval_z, n->eval_a, n->eval_loss, n->cap,
	    n->eval_width, x, y, w, rows, pred);
}

int
net_scratch_fit(struct net_scratch *sc, const struct net *n)
{
	if (sc->nparams < n->nparams || sc->cap < n->cap || sc->width < n->eval_width) {
		long np = n->nparams, cap = n->cap, width = n->eval_width;

		net_scratch_free(sc);
		sc->param = malloc((size_t)np * sizeof(double));
		sc->wt = malloc((size_t)np * sizeof(double));
		sc->z = malloc((size_t)(cap * width) * sizeof(double));
		sc->a = malloc((size_t)(2 * cap * width) * sizeof(double));
		sc->loss = malloc((size_t)cap * sizeof(double));
		if (!sc->param || !sc->wt || !sc->z || !sc->a || !sc->loss) {
			net_scratch_free(sc);
			return -1;
		}
		sc->nparams = np;
		sc->cap = cap;
		sc->width = width;
	}
	memcpy(sc->param, n->param, (size_t)n->nparams * sizeof(double));
	memcpy(sc->wt, n->wt, (size_t)n->nparams * sizeof(double));
	return 0;
}

void
net_scratch_sync(struct net_scratch *sc, const struct net *n)
{
	int l;

	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];

		kern_transpose(ly->in, ly->out, sc->param + ly->w_off, sc->wt + ly->w_off);
	}
}

void
net_scratch_free(struct net_scratch *sc)
{
	free(sc->param);
	free(sc->wt);
	free(sc->z);
	free(sc->a);
	free(sc->loss);
	memset(sc, 0, sizeof *sc);
}

double
net_evaluate_in(const struct net *n, struct net_scratch *sc, const double *x, const double *y,
    const double *w, long rows, double *pred)
{
	return net_eval(n, sc->param, sc->wt, sc->z, sc->a, sc->loss, n->cap, sc->width, x, y, w,
	    rows, pred);
}

double
net_weight_roughness(const struct net *n, int h, int w)
{
	const struct layer *L = &n->layer[0];
	double diff = 0, sq = 0;
	long pairs = 0, j;
	int r, c;

	if (n->nlayers < 1 || (long)h * w != L->in || L->in == 0 || L->out == 0)
		return 0;
	for (j = 0; j < L->out; j++) {
		const double *v = n->param + L->w_off + j * L->in;

		for (r = 0; r < h; r++)
			for (c = 0; c < w; c++) {
				double x = v[r * w + c];

				sq += x * x;
				if (c + 1 < w) {
					diff += (x - v[r * w + c + 1]) * (x - v[r * w + c + 1]);
					pairs++;
				}
				if (r + 1 < h) {
					diff += (x - v[(r + 1) * w + c]) * (x - v[(r + 1) * w + c]);
					pairs++;
				}
			}
	}
	if (pairs == 0 || sq == 0)
		return 0;
	return (diff / (double)pairs) / (2 * sq / ((double)L->in * (double)L->out));
}
