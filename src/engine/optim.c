/* optim.c: the update rules. */
#include <math.h>
#include <string.h>

#include "optim.h"

static const char *const optim_names[OPT_COUNT] = {
	"sgd", "momentum", "rmsprop", "adam"
};

const char *
optim_name(enum optim o)
{
	return (o >= 0 && o < OPT_COUNT) ? optim_names[o] : "?";
}

int
optim_parse(const char *s)
{
	int i;

	for (i = 0; i < OPT_COUNT; i++)
		if (strcmp(s, optim_names[i]) == 0)
			return i;
	return -1;
}

int
optim_state_arrays(enum optim o)
{
	return o == OPT_ADAM ? 2 : (o == OPT_SGD ? 0 : 1);
}

void
optim_step(enum optim o, double lr, long n, double *w, const double *g,
    double *m, double *v, long t, double *delta)
{
	double c1, c2, step;
	long i;

	switch (o) {
	case OPT_SGD:
		for (i = 0; i < n; i++) {
			step = lr * g[i];
			w[i] -= step;
			if (delta)
				delta[i] = -step;
		}
		break;
	case OPT_MOMENTUM:
		for (i = 0; i < n; i++) {
			m[i] = OPT_MOMENTUM_MU * m[i] + g[i];
			step = lr * m[i];
			w[i] -= step;
			if (delta)
				delta[i] = -step;
		}
		break;
	case OPT_RMSPROP:
		for (i = 0; i < n; i++) {
			m[i] = OPT_RMSPROP_ALPHA * m[i] + (1.0 - OPT_RMSPROP_ALPHA) * g[i] * g[i];
			step = lr * g[i] / (sqrt(m[i]) + OPT_EPS);
			w[i] -= step;
			if (delta)
				delta[i] = -step;
		}
		break;
	case OPT_ADAM:
		c1 = 1.0 - pow(OPT_ADAM_BETA1, (double)t);
		c2 = 1.0 - pow(OPT_ADAM_BETA2, (double)t);
		for (i = 0; i < n; i++) {
			m[i] = OPT_ADAM_BETA1 * m[i] + (1.0 - OPT_ADAM_BETA1) * g[i];
			v[i] = OPT_ADAM_BETA2 * v[i] + (1.0 - OPT_ADAM_BETA2) * g[i] * g[i];
			step = lr * (m[i] / c1) / (sqrt(v[i] / c2) + OPT_EPS);
			w[i] -= step;
			if (delta)
				delta[i] = -step;
		}
		break;
	default:
		break;
	}
}
