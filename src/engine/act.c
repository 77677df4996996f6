/* act.c: activation functions and their derivatives, one row each. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kernels.h"
#include "act.h"

/* ------------------------------------------------------------ linear */

static void
linear_forward(double alpha, const double *z, double *a, long n, int width)
{
	if (a != z)
		memcpy(a, z, (size_t)(n * width) * sizeof *a);
}

KERN_WIDE static void
linear_backward(double alpha, const double *z, const double *a, const double *da,
    double *dz, long n, int width)
{
	if (dz != da)
		memcpy(dz, da, (size_t)(n * width) * sizeof *dz);
}

static double
linear_deriv(double alpha, double z, double a)
{
	return 1.0;
}

/* ----------------------------------------------------------- sigmoid */

/* The logistic function without overflow for large |z|. */
static double
act_sigmoid(double z)
{
	double e = exp(-fabs(z));

	return (z >= 0 ? 1.0 : e) / (1.0 + e);
}

/* The second half of act_sigmoid over a block whose e = exp(-|z|) is in a:
 * no call in the loop, so it runs in vectors (the same roundings). */
KERN_WIDE static void
sigmoid_finish(const double *restrict z, double *restrict a, long m)
{
	long i;

	for (i = 0; i < m; i++)
		a[i] = (z[i] >= 0 ? 1.0 : a[i]) / (1.0 + a[i]);
}

static void
sigmoid_forward(double alpha, const double *z, double *a, long n, int width)
{
	long i, m = n * width;

	if (a == z) {
		for (i = 0; i < m; i++)
			a[i] = act_sigmoid(z[i]);
		return;
	}
	for (i = 0; i < m; i++)
		a[i] = exp(-fabs(z[i]));
	sigmoid_finish(z, a, m);
}

KERN_WIDE static void
sigmoid_backward(double alpha, const double *z, const double *a, const double *da,
    double *dz, long n, int width)
{
	long i, m = n * width;

	for (i = 0; i < m; i++)
		dz[i] = da[i] * (a[i] * (1.0 - a[i]));
}

static double
sigmoid_deriv(double alpha, double z, double a)
{
	return a * (1.0 - a);
}

/* -------------------------------------------------------------- tanh */

static void
tanh_forward(double alpha, const double *z, double *a, long n, int width)
{
	long i, m = n * width;

	for (i = 0; i < m; i++)
		a[i] = tanh(z[i]);
}

KERN_WIDE static void
tanh_backward(double alpha, const double *z, const double *a, const double *da,
    double *dz, long n, int width)
{
	long i, m = n * width;

	for (i = 0; i < m; i++)
		dz[i] = da[i] * (1.0 - a[i] * a[i]);
}

static double
tanh_deriv(double alpha, double z, double a)
{
	return 1.0 - a * a;
}

/* -------------------------------------------------------------- relu */

KERN_WIDE static void
relu_forward(double alpha, const double *z, double *a, long n, int width)
{
	long i, m = n * width;

	for (i = 0; i < m; i++)
		a[i] = z[i] > 0 ? z[i] : 0.0;
}

KERN_WIDE static void
relu_backward(double alpha, const double *z, const double *a, const double *da,
    double *dz, long n, int width)
{
	long i, m = n * width;

	for (i = 0; i < m; i++)
		dz[i] = z[i] > 0 ? da[i] : 0.0;
}

static double
relu_deriv(double alpha, double z, double a)
{
	return z > 0 ? 1.0 : 0.0;	/* ReLU'(0) = 0 */
}

/* -------------------------------------------------------- leaky relu */

KERN_WIDE static void
leaky_forward(double alpha, const double *z, double *a, long n, int width)
{
	long i, m = n * width;

	for (i = 0; i < m; i++)
		a[i] = z[i] > 0 ? z[i] : alpha * z[i];
}

KERN_WIDE static void
leaky_backward(double alpha, const double *z, const double *a, const double *da,
    double *dz, long n, int width)
{
	long i, m = n * width;

	for (i = 0; i < m; i++)
		dz[i] = z[i] > 0 ? da[i] : da[i] * alpha;
}

static double
leaky_deriv(double alpha, double z, double a)
{
	return z > 0 ? 1.0 : alpha;
}

/* --------------------------------------------------------------- elu */

static void
elu_forward(double alpha, const double *z, double *a, long n, int width)
{
	long i, m = n * width;

	for (i = 0; i < m; i++)
		a[i] = z[i] > 0 ? z[i] : alpha * expm1(z[i]);
}

static void
elu_backward(double alpha, const double *z, const double *a, const double *da,
    double *dz, long n, int width)
{
	long i, m = n * width;

	for (i = 0; i < m; i++)
		dz[i] = z[i] > 0 ? da[i] : da[i] * (alpha * exp(z[i]));
}

static double
elu_deriv(double alpha, double z, double a)
{
	return z > 0 ? 1.0 : alpha * exp(z);
}

/* ----------------------------------------------------------- softmax */

static void
softmax_forward(double alpha, const double *z, double *a, long n, int width)
{
	long i;
	int j;

	for (i = 0; i < n; i++) {
		const double *zr = z + i * width;
		double *ar = a + i * width, max = zr[0], sum = 0;

		for (j = 1; j < width; j++)
			if (zr[j] > max)
				max = zr[j];
		for (j = 0; j < width; j++) {
			ar[j] = exp(zr[j] - max);
			sum += ar[j];
		}
		for (j = 0; j < width; j++)
			ar[j] /= sum;
	}
}

/* As for the sigmoid: the diagonal of the Jacobian. */
static double
softmax_deriv(double alpha, double z, double a)
{
	return a * (1.0 - a);
}

/* dz_j = a_j (da_j - sum_k a_k da_k) */
static void
softmax_backward(double alpha, const double *z, const double *a, const double *da,
    double *dz, long n, int width)
{
	long i;
	int j;

	for (i = 0; i < n; i++) {
		const double *ar = a + i * width, *dar = da + i * width;
		double *dzr = dz + i * width, dot = 0;

		for (j = 0; j < width; j++)
			dot += ar[j] * dar[j];
		for (j = 0; j < width; j++)
			dzr[j] = ar[j] * (dar[j] - dot);
	}
}

/* ------------------------------------------------------------- table */

#define F(x) x##_forward, x##_backward, x##_deriv
static const struct act_info act_table[ACT_COUNT] = {
	[ACT_LINEAR] = { "linear", F(linear), ACTP_IN_CYCLE, 0, -4, 4,
		"z", "linear", NULL },
	[ACT_SIGMOID] = { "sigmoid", F(sigmoid),
		ACTP_BOUNDED | ACTP_SATURATES | ACTP_IN_CYCLE, 0, 0, 1,
		"1/(1+e^-z)", "sigmoid", "nn.Sigmoid()" },
	[ACT_TANH] = { "tanh", F(tanh), ACTP_BOUNDED | ACTP_SATURATES | ACTP_IN_CYCLE, 0, -1, 1,
		"tanh(z)", "tanh", "nn.Tanh()" },
	[ACT_RELU] = { "relu", F(relu), ACTP_CAN_DIE | ACTP_IN_CYCLE, 0, 0, 4,
		"max(0, z)", "relu", "nn.ReLU()" },
	[ACT_LEAKY_RELU] = { "leaky_relu", F(leaky), ACTP_IN_CYCLE | ACTP_SLOPE, 0, -4, 4,
		"z>0 ? z : alpha*z", "layers.LeakyReLU(negative_slope=%g)", "nn.LeakyReLU(%g)" },
	[ACT_ELU] = { "elu", F(elu), ACTP_IN_CYCLE, ACT_ELU_ALPHA, -4, 4,
		"z>0 ? z : alpha*(e^z-1)", "elu", "nn.ELU()" },
	[ACT_SOFTMAX] = { "softmax", F(softmax), ACTP_BOUNDED | ACTP_OUTPUT_ONLY, 0, 0, 1,
		"e^z_j / sum_k e^z_k", "softmax", NULL },
};
#undef F

const struct act_info *
act_info(enum act a)
{
	return &act_table[a];
}

const char *
act_name(enum act a)
{
	return (a >= 0 && a < ACT_COUNT) ? act_table[a].name : "?";
}

const char *
act_formula(enum act a)
{
	return (a >= 0 && a < ACT_COUNT) ? act_table[a].formula : "?";
}

int
act_parse(const char *s)
{
	int i;

	for (i = 0; i < ACT_COUNT; i++)
		if (strcmp(s, act_table[i].name) == 0)
			return i;
	if (strcmp(s, "leaky") == 0 || strcmp(s, "lrelu") == 0)
		return ACT_LEAKY_RELU;
	return -1;
}

const char *
act_names(unsigned props, unsigned without, const char *sep, const char *last,
    char *buf, unsigned long size)
{
	size_t len = 0;
	int i, n = 0, k = 0;

	for (i = 0; i < ACT_COUNT; i++)
		n += (act_table[i].props & props) == props && (act_table[i].props & without) == 0;
	buf[0] = '\0';
	for (i = 0; i < ACT_COUNT && len < size; i++) {
		unsigned p = act_table[i].props;

		if ((p & props) != props || (p & without) != 0)
			continue;
		snprintf(buf + len, size - len, "%s%s", k == 0 ? "" : k == n - 1 ? last : sep,
		    act_table[i].name);
		len += strlen(buf + len);
		k++;
	}
	return buf;
}

double
act_alpha(enum act a, double slope)
{
	return act_table[a].own_alpha > 0 ? act_table[a].own_alpha : slope;
}

enum act
act_cycle_next(enum act a)
{
	int i, k;

	for (k = 1; k <= ACT_COUNT; k++) {
		i = ((int)a + k) % ACT_COUNT;
		if (act_table[i].props & ACTP_IN_CYCLE)
			return (enum act)i;
	}
	return a;
}

void
act_forward(enum act f, double alpha, const double *z, double *a, long n, int width)
{
	act_table[f].forward(alpha, z, a, n, width);
}

void
act_backward(enum act f, double alpha, const double *z, const double *a,
    const double *da, double *dz, long n, int width)
{
	act_table[f].backward(alpha, z, a, da, dz, n, width);
}

double
act_deriv(enum act f, double alpha, double z, double a)
{
	return act_table[f].deriv(alpha, z, a);
}
