/*
 * act.h: activation functions, each beside its derivative.
 * Rows are samples, columns are units; arrays are row-major.
 */
#ifndef NNSTEP_ACT_H
#define NNSTEP_ACT_H

enum act {
	ACT_LINEAR = 0,
	ACT_SIGMOID,
	ACT_TANH,
	ACT_RELU,
	ACT_LEAKY_RELU,
	ACT_ELU,
	ACT_SOFTMAX,	/* output layer only */
	ACT_COUNT
};

#define ACT_LEAKY_ALPHA 0.01	/* default slope of leaky ReLU for z < 0 */
#define ACT_ELU_ALPHA 1.0

const char *act_name(enum act a);
/* Returns the activation named s, or -1. */
int act_parse(const char *s);

/* a = f(z) for n rows of width units. alpha: leaky ReLU slope or ELU alpha. */
void act_forward(enum act f, double alpha, const double *z, double *a, long n, int width);
/* dz = f'(z) * da, row by row (softmax: the Jacobian-vector product). */
void act_backward(enum act f, double alpha, const double *z, const double *a,
    const double *da, double *dz, long n, int width);
/* f'(z) of one unit, for display and diagnostics (softmax: a(1 - a)). */
double act_deriv(enum act f, double alpha, double z, double a);
/* The formula of f as text, e.g. "max(0, z)", for the inspector. */
const char *act_formula(enum act f);

#endif
