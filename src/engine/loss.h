/*
 * loss.h: loss functions of one sample and the gradient of the batch mean.
 *
 * The batch loss is the mean over the batch of w_i * l_i, where l_i is the
 * per-sample loss and w_i the sample weight (1 unless class weights are set).
 * Per-sample MSE, MAE, Huber (delta 1), BCE and hinge are means over the
 * output units; CCE is summed over the classes of a softmax output and
 * computed from the logits. Hinge maps 0/1 targets to -1/+1.
 */
#ifndef NNSTEP_LOSS_H
#define NNSTEP_LOSS_H

#include "act.h"

enum loss {
	LOSS_MSE = 0,
	LOSS_MAE,
	LOSS_HUBER,
	LOSS_BCE,
	LOSS_CCE,
	LOSS_HINGE,
	LOSS_COUNT
};

#define LOSS_HUBER_DELTA 1.0

const char *loss_name(enum loss l);
int loss_parse(const char *s);
/* The output activation that goes with the loss by default. */
enum act loss_default_output(enum loss l);
/* NULL when the pair is valid, else why not (e.g. "bce needs a sigmoid output"). */
const char *loss_check_output(enum loss l, enum act out, int width);

/* out[i] = l_i for n samples of width outputs; z are the logits, a = f(z). */
void loss_per_sample(enum loss l, enum act out, const double *z, const double *a,
    const double *y, long n, int width, double *res);
/* The weighted batch mean of per-sample losses. w may be NULL (all 1). */
double loss_mean(const double *per_sample, const double *w, long n);
/*
 * Gradient of the batch-mean loss with respect to the output layer.
 * Writes dz (dL/dz) and da (dL/da; for the fused sigmoid+BCE and
 * softmax+CCE pairs da is for display only and may be infinite where a
 * saturates). w may be NULL.
 */
void loss_backward(enum loss l, enum act out, double alpha, const double *z,
    const double *a, const double *y, const double *w, long n, int width,
    double *da, double *dz);

#endif
