/* loss.c: losses of one sample and gradients of the batch mean. */
#include <math.h>
#include <string.h>

#include "loss.h"

static const char *const loss_names[LOSS_COUNT] = {
	"mse", "mae", "huber", "bce", "cce", "hinge"
};

const char *
loss_name(enum loss l)
{
	return (l >= 0 && l < LOSS_COUNT) ? loss_names[l] : "?";
}

int
loss_parse(const char *s)
{
	int i;

	for (i = 0; i < LOSS_COUNT; i++)
		if (strcmp(s, loss_names[i]) == 0)
			return i;
	return -1;
}

enum act
loss_default_output(enum loss l)
{
	if (l == LOSS_BCE)
		return ACT_SIGMOID;
	if (l == LOSS_CCE)
		return ACT_SOFTMAX;
	return ACT_LINEAR;
}

const char *
loss_check_output(enum loss l, enum act out, int width)
{
	if (l == LOSS_BCE && out != ACT_SIGMOID)
		return "loss bce needs a sigmoid output layer";
	if (l == LOSS_CCE && out != ACT_SOFTMAX)
		return "loss cce needs a softmax output layer";
	if (out == ACT_SOFTMAX && width < 2)
		return "a softmax output needs at least two units";
	return NULL;
}

/* Hinge targets: 0/1 become -1/+1, anything else keeps its sign. */
static double
loss_hinge_target(double y)
{
	return y > 0 ? 1.0 : -1.0;
}

static double
loss_sign(double r)
{
	return r > 0 ? 1.0 : (r < 0 ? -1.0 : 0.0);
}

/* num / den for display, where a saturated output makes den 0. */
static double
loss_ratio(double num, double den)
{
	if (den != 0)
		return num / den;
	return num == 0 ? 0.0 : (num > 0 ? HUGE_VAL : -HUGE_VAL);
}

void
loss_per_sample(enum loss l, enum act out, const double *z, const double *a,
    const double *y, long n, int width, double *res)
{
	long i;
	int j;

	for (i = 0; i < n; i++) {
		const double *zr = z + i * width, *ar = a + i * width, *yr = y + i * width;
		double s = 0;

		switch (l) {
		case LOSS_MSE:
			for (j = 0; j < width; j++)
				s += (ar[j] - yr[j]) * (ar[j] - yr[j]);
			s /= width;
			break;
		case LOSS_MAE:
			for (j = 0; j < width; j++)
				s += fabs(ar[j] - yr[j]);
			s /= width;
			break;
		case LOSS_HUBER:
			for (j = 0; j < width; j++) {
				double r = fabs(ar[j] - yr[j]);

				s += r <= LOSS_HUBER_DELTA ? 0.5 * r * r :
				    LOSS_HUBER_DELTA * (r - 0.5 * LOSS_HUBER_DELTA);
			}
			s /= width;
			break;
		case LOSS_BCE:
			/* -(y log p + (1-y) log(1-p)) with p = sigmoid(z), from the logit:
			 * max(z,0) - z y + log(1 + e^-|z|). */
			for (j = 0; j < width; j++)
				s += (zr[j] > 0 ? zr[j] : 0) - zr[j] * yr[j] +
				    log1p(exp(-fabs(zr[j])));
			s /= width;
			(void)out;
			break;
		case LOSS_CCE: {
			/* sum_k y_k (logsumexp(z) - z_k) */
			double max = zr[0], sum, lse;

			for (j = 1; j < width; j++)
				if (zr[j] > max)
					max = zr[j];
			/* sum >= 1: the largest term is e^0 */
			for (sum = exp(zr[0] - max), j = 1; j < width; j++)
				sum += exp(zr[j] - max);
			lse = max + log(sum);
			for (j = 0; j < width; j++)
				s += yr[j] * (lse - zr[j]);
			break;
		}
		case LOSS_HINGE:
			for (j = 0; j < width; j++) {
				double m = 1.0 - loss_hinge_target(yr[j]) * ar[j];

				s += m > 0 ? m : 0;
			}
			s /= width;
			break;
		default:
			break;
		}
		res[i] = s;
	}
}

double
loss_mean(const double *per_sample, const double *w, long n)
{
	double s = 0;
	long i;

	for (i = 0; i < n; i++)
		s += (w ? w[i] : 1.0) * per_sample[i];
	return n > 0 ? s / n : 0.0;
}

void
loss_backward(enum loss l, enum act out, double alpha, const double *z,
    const double *a, const double *y, const double *w, long n, int width,
    double *da, double *dz)
{
	long i;
	int j;

	for (i = 0; i < n; i++) {
		const double *ar = a + i * width, *yr = y + i * width;
		double *dar = da + i * width, *dzr = dz + i * width;
		double k = (w ? w[i] : 1.0) / (double)n;	/* d(batch mean)/d(l_i) */

		switch (l) {
		case LOSS_MSE:
			for (j = 0; j < width; j++)
				dar[j] = k * 2.0 * (ar[j] - yr[j]) / width;
			break;
		case LOSS_MAE:
			for (j = 0; j < width; j++)
				dar[j] = k * loss_sign(ar[j] - yr[j]) / width;
			break;
		case LOSS_HUBER:
			for (j = 0; j < width; j++) {
				double r = ar[j] - yr[j];

				dar[j] = k * (fabs(r) <= LOSS_HUBER_DELTA ? r :
				    LOSS_HUBER_DELTA * loss_sign(r)) / width;
			}
			break;
		case LOSS_BCE:
			/* Fused with the sigmoid: dL/dz = (p - y) / width. */
			for (j = 0; j < width; j++) {
				dzr[j] = k * (ar[j] - yr[j]) / width;
				dar[j] = loss_ratio(dzr[j], ar[j] * (1.0 - ar[j]));
			}
			continue;
		case LOSS_CCE: {
			/* Fused with the softmax: dL/dz_j = p_j sum(y) - y_j. */
			double ysum = 0;

			for (j = 0; j < width; j++)
				ysum += yr[j];
			for (j = 0; j < width; j++) {
				dzr[j] = k * (ar[j] * ysum - yr[j]);
				dar[j] = loss_ratio(-k * yr[j], ar[j]);
			}
			continue;
		}
		case LOSS_HINGE:
			for (j = 0; j < width; j++) {
				double t = loss_hinge_target(yr[j]);

				dar[j] = (1.0 - t * ar[j] > 0) ? -k * t / width : 0.0;
			}
			break;
		default:
			break;
		}
		act_backward(out, alpha, z + i * width, ar, dar, dzr, 1, width);
	}
}
