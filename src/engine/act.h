/*
 * act.h: activation functions, each beside its derivative, and the one table
 * (act.c) that says what each activation is. Rows are samples, columns are
 * units; arrays are row-major.
 *
 * Adding an activation: a value here (before ACT_COUNT) and a row of
 * act_table in act.c with its functions; everything else reads the row.
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

/* Properties of an activation (struct act_info.props). */
enum {
	ACTP_BOUNDED = 1 << 0,		/* a lies in [-1, 1]: drawn on a fixed scale */
	ACTP_SATURATES = 1 << 1,	/* f'(z) goes to 0 for large |z|: "saturated" units */
	ACTP_CAN_DIE = 1 << 2,		/* f'(z) = 0 for all z <= 0: "dead" units */
	ACTP_OUTPUT_ONLY = 1 << 3,	/* only for the output layer */
	ACTP_IN_CYCLE = 1 << 4,		/* offered by the TUI's `a` key, in table order */
	ACTP_SLOPE = 1 << 5		/* uses the --alpha slope */
};

struct act_info {
	const char *name;
	/* a = f(z) for n rows of width units; alpha: the slope or ELU's alpha. */
	void (*forward)(double alpha, const double *z, double *a, long n, int width);
	/* dz = f'(z) * da, row by row (softmax: the Jacobian-vector product). */
	void (*backward)(double alpha, const double *z, const double *a, const double *da,
	    double *dz, long n, int width);
	/* f'(z) of one unit, for display and diagnostics (softmax: a(1 - a)). */
	double (*deriv)(double alpha, double z, double a);
	unsigned props;			/* ACTP_* */
	double own_alpha;		/* alpha of its own (ELU), or 0: the --alpha slope */
	double hist_lo, hist_hi;	/* histogram range of a: 1, 2, 4 or 8 wide */
	const char *formula;		/* for the inspector, e.g. "max(0, z)" */
	/* Code views: Keras `activation=` name, or the layer that follows the
	 * Dense layer when it takes the slope; the PyTorch module (NULL: none). */
	const char *keras;
	const char *torch;
};

/* The row of a (a valid enum act). */
const struct act_info *act_info(enum act a);
const char *act_name(enum act a);
/* Returns the activation named s, or -1. */
int act_parse(const char *s);
/* The names of the activations with all of props and none of without, in
 * table order, separated by sep and the last two by last (" or "), for
 * help texts and messages. Returns buf. */
const char *act_names(unsigned props, unsigned without, const char *sep, const char *last,
    char *buf, unsigned long size);
/* The alpha a layer with activation a uses, given the --alpha slope. */
double act_alpha(enum act a, double slope);
/* The activation after a in the `a` key's cycle. */
enum act act_cycle_next(enum act a);

void act_forward(enum act f, double alpha, const double *z, double *a, long n, int width);
void act_backward(enum act f, double alpha, const double *z, const double *a,
    const double *da, double *dz, long n, int width);
double act_deriv(enum act f, double alpha, double z, double a);
/* The formula of f as text, e.g. "max(0, z)", for the inspector. */
const char *act_formula(enum act f);

#endif
