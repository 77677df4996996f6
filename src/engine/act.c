/* act.c: activation functions and their derivatives. */
#include <math.h>
#include <string.h>

#include "act.h"

static const char *const act_names[ACT_COUNT] = {
	"linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softmax"
};

static const char *const act_formulas[ACT_COUNT] = {
	"z", "1/(1+e^-z)", "tanh(z)", "max(0, z)", "z>0 ? z : alpha*z",
	"z>0 ? z : alpha*(e^z-1)", "e^z_j / sum_k e^z_k"
};

const char *
act_name(enum act a)
{
	return (a >= 0 && a < ACT_COUNT) ? act_names[a] : "?";
}

const char *
act_formula(enum act a)
{
	return (a >= 0 && a < ACT_COUNT) ? act_formulas[a] : "?";
}

int
act_parse(const char *s)
{
	int i;

	for (i = 0; i < ACT_COUNT; i++)
		if (strcmp(s, act_names[i]) == 0)
			return i;
	if (strcmp(s, "leaky") == 0 || strcmp(s, "lrelu") == 0)
		return ACT_LEAKY_RELU;
	return -1;
}

/* The logistic function without overflow for large |z|. */
static double
act_sigmoid(double z)
{
	double e = exp(-fabs(z));

	return (z >= 0 ? 1.0 : e) / (1.0 + e);
}

static void
act_softmax_row(const double *z, double *a, int width)
{
	double max = z[0], sum = 0;
	int j;

	for (j = 1; j < width; j++)
		if (z[j] > max)
			max = z[j];
	for (j = 0; j < width; j++) {
		a[j] = exp(z[j] - max);
		sum += a[j];
	}
	for (j = 0; j < width; j++)
		a[j] /= sum;
}

void
act_forward(enum act f, double alpha, const double *z, double *a, long n, int width)
{
	long i, m = n * width;

	switch (f) {
	case ACT_LINEAR:
		if (a != z)
			memcpy(a, z, (size_t)m * sizeof *a);
		break;
	case ACT_SIGMOID:
		for (i = 0; i < m; i++)
			a[i] = act_sigmoid(z[i]);
		break;
	case ACT_TANH:
		for (i = 0; i < m; i++)
			a[i] = tanh(z[i]);
		break;
	case ACT_RELU:
		for (i = 0; i < m; i++)
			a[i] = z[i] > 0 ? z[i] : 0.0;
		break;
	case ACT_LEAKY_RELU:
		for (i = 0; i < m; i++)
			a[i] = z[i] > 0 ? z[i] : alpha * z[i];
		break;
	case ACT_ELU:
		for (i = 0; i < m; i++)
			a[i] = z[i] > 0 ? z[i] : alpha * expm1(z[i]);
		break;
	case ACT_SOFTMAX:
		for (i = 0; i < n; i++)
			act_softmax_row(z + i * width, a + i * width, width);
		break;
	default:
		break;
	}
}

double
act_deriv(enum act f, double alpha, double z, double a)
{
	switch (f) {
	case ACT_LINEAR:
		return 1.0;
	case ACT_SIGMOID:
	case ACT_SOFTMAX:
		return a * (1.0 - a);
	case ACT_TANH:
		return 1.0 - a * a;
	case ACT_RELU:
		return z > 0 ? 1.0 : 0.0;	/* ReLU'(0) = 0 */
	case ACT_LEAKY_RELU:
		return z > 0 ? 1.0 : alpha;
	case ACT_ELU:
		return z > 0 ? 1.0 : alpha * exp(z);
	default:
		return 0.0;
	}
}

void
act_backward(enum act f, double alpha, const double *z, const double *a,
    const double *da, double *dz, long n, int width)
{
	long i, m = n * width;
	int j;

	if (f == ACT_SOFTMAX) {
		/* dz_j = a_j (da_j - sum_k a_k da_k) */
		for (i = 0; i < n; i++) {
			const double *ar = a + i * width, *dar = da + i * width;
			double *dzr = dz + i * width, dot = 0;

			for (j = 0; j < width; j++)
				dot += ar[j] * dar[j];
			for (j = 0; j < width; j++)
				dzr[j] = ar[j] * (dar[j] - dot);
		}
		return;
	}
	switch (f) {
	case ACT_LINEAR:
		if (dz != da)
			memcpy(dz, da, (size_t)m * sizeof *dz);
		break;
	case ACT_SIGMOID:
		for (i = 0; i < m; i++)
			dz[i] = da[i] * (a[i] * (1.0 - a[i]));
		break;
	case ACT_TANH:
		for (i = 0; i < m; i++)
			dz[i] = da[i] * (1.0 - a[i] * a[i]);
		break;
	case ACT_RELU:
		for (i = 0; i < m; i++)
			dz[i] = z[i] > 0 ? da[i] : 0.0;
		break;
	case ACT_LEAKY_RELU:
		for (i = 0; i < m; i++)
			dz[i] = z[i] > 0 ? da[i] : da[i] * alpha;
		break;
	case ACT_ELU:
		for (i = 0; i < m; i++)
			dz[i] = z[i] > 0 ? da[i] : da[i] * (alpha * exp(z[i]));
		break;
	default:
		break;
	}
}
