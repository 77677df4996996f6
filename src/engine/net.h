/*
 * net.h: a multi-layer perceptron and its batch buffers.
 *
 * Layer l has in inputs and out units; its weights are out rows of in numbers
 * (row j holds the weights into unit j), followed by its out biases. All
 * weights and biases of the network live in one array, param, laid out layer
 * after layer as [W rows][b]; grad has the same layout. The buffers of a
 * batch (z, a, dL/da, dL/dz, dropout masks) are allocated once for `cap`
 * rows, so training allocates nothing.
 */
#ifndef NNSTEP_NET_H
#define NNSTEP_NET_H

#include "act.h"
#include "loss.h"
#include "rng.h"

#define NET_MAX_LAYERS 16	/* hidden layers + the output layer */
#define NET_MAX_UNITS 4096
#define NET_MAX_PARAMS (64L * 1024 * 1024)

enum init {
	INIT_ZEROS = 0,
	INIT_CONSTANT,	/* every weight = init value */
	INIT_UNIFORM,	/* U(-v, v), v = init value */
	INIT_XAVIER,	/* Glorot uniform: U(-r, r), r = sqrt(6 / (in + out)) */
	INIT_HE,	/* He normal: N(0, 2 / in) */
	INIT_COUNT
};

const char *init_name(enum init i);
int init_parse(const char *s);

struct layer {
	int in, out;		/* inputs and units */
	enum act act;		/* activation */
	double alpha;		/* leaky ReLU slope or ELU alpha */
	double dropout;		/* drop probability (hidden layers, training only) */
	long w_off, b_off;	/* where W and b start in param and grad */
	/* batch buffers, cap rows of out numbers */
	double *z;		/* pre-activation */
	double *a;		/* activation (before dropout) */
	double *out_a;		/* what the next layer reads: a, or drop_a */
	double *mask;		/* inverted-dropout mask (0 or 1/(1-p)), or NULL */
	double *drop_a;		/* a * mask, when dropout is on in this batch */
	double *da;		/* dL/da */
	double *dz;		/* dL/dz */
};

struct net {
	int ninputs;
	int nlayers;		/* hidden layers + 1 */
	struct layer layer[NET_MAX_LAYERS];
	enum loss loss;
	long nparams;
	double *param;		/* all W and b */
	double *grad;		/* dL/dparam of the last backward pass */
	double *wt;		/* each layer's W transposed, same offsets */
	long cap;		/* rows the batch buffers hold */
	long n;			/* rows in the current batch */
	double *x;		/* cap x ninputs: the batch's inputs */
	double *y;		/* cap x outputs: its targets */
	double *w;		/* cap: its sample weights */
	double *sample_loss;	/* cap: per-sample loss */
	double batch_loss;	/* weighted mean of sample_loss */
	int grad_finite;	/* the last net_backward's dW and db are all finite */
	/* evaluation scratch (no dropout), so evaluating never disturbs the
	 * batch buffers that views show */
	double *eval_z, *eval_a, *eval_loss;
	long eval_width;	/* widest layer or input */
	void *block;		/* the one allocation behind the buffers */
	double *param_block;	/* the one allocation behind param, grad, wt */
};

struct net_shape {
	int ninputs;
	int nhidden;
	int hidden[NET_MAX_LAYERS - 1];
	enum act hidden_act[NET_MAX_LAYERS - 1];
	enum act out_act;
	int noutputs;
	double alpha;		/* leaky ReLU slope (ELU uses 1) */
	double dropout;		/* hidden layers */
	enum loss loss;
};

/* Allocates a network for batches of up to cap rows. Returns NULL and sets
 * *err (static text) when the shape is invalid or too large. */
struct net *net_new(const struct net_shape *shape, long cap, const char **err);
void net_free(struct net *n);
int net_noutputs(const struct net *n);

/* Sets weights by the initializer (drawing from r layer by layer, row by
 * row), hidden biases to bias and output biases to 0. */
void net_init(struct net *n, enum init how, double value, double bias, struct rng *r);
/* Call after param changes outside net_update (keeps W^T in step). */
void net_sync(struct net *n);

/* Phases of one batch, on rows already placed in x, y, w (n rows). */
void net_forward(struct net *n, int training, struct rng *r);
void net_loss(struct net *n);
void net_backward(struct net *n, double l2);

/*
 * Predictions for rows of x without dropout, in chunks of cap rows through
 * the evaluation scratch (the batch buffers are left alone). Writes
 * rows x outputs to pred when it is not NULL, and returns the weighted mean
 * loss against y (0 when y is NULL; w may be NULL).
 */
/* The activations a of layer `layer` (0-based) for rows of x, without
 * dropout, in buffers of its own (n is only read): rows x that layer's
 * units to out. What a hidden neuron computes over the inputs. 0, or -1
 * when memory ran out or there is no such layer. */
int net_evaluate_layer(const struct net *n, const double *x, long rows, int layer, double *out);

double net_evaluate(struct net *n, const double *x, const double *y,
    const double *w, long rows, double *pred);

/*
 * Buffers of the caller (a view, a check) for evaluating a network that it
 * may not write: a copy of the weights, which the caller may change (then
 * net_scratch_sync), and the evaluation buffers. net_scratch_fit sizes it
 * for n and copies n's weights; 0, or -1 when memory ran out.
 */
struct net_scratch {
	double *param, *wt;		/* nparams each */
	double *z, *a, *loss;		/* evaluation buffers, cap rows */
	long nparams, cap, width;	/* what they were sized for */
};
int net_scratch_fit(struct net_scratch *sc, const struct net *n);
void net_scratch_sync(struct net_scratch *sc, const struct net *n);
void net_scratch_free(struct net_scratch *sc);
/* net_evaluate with sc's weights and buffers; n is only read. */
double net_evaluate_in(const struct net *n, struct net_scratch *sc, const double *x,
    const double *y, const double *w, long rows, double *pred);

/*
 * How rough the first layer's weights are when the inputs are an h x w
 * picture: the mean squared difference of weights of neighbouring pixels
 * (left-right and up-down), over twice the mean squared weight. Weights that
 * are independent noise give about 1; smooth, stroke-like pictures less.
 * 0 when the layer has no weights or no neighbouring pixels.
 */
double net_weight_roughness(const struct net *n, int h, int w);

#endif
