/*
 * paths.h: the chain rule, path by path, and the batch as a tug of war.
 *
 * For the weight w from input k into unit j of layer l, one sample's share
 * of dL/dw is x_k * dL/dz_j, and dL/dz_j is a sum over every path from unit
 * j to the output: along a path j -> m -> ... -> o the local derivatives
 * multiply, f'(z_j) * w_mj * f'(z_m) * ... * dL/dz_o. session_grad_paths
 * writes those products out; they add up to what backprop computed.
 * session_sample_grad gives each sample's pull on the weight: the batch's
 * dL/dw is their sum (plus l2 * w).
 *
 * Layers are engine layers (0 = the first hidden layer); units, inputs and
 * batch rows from 0. Everything reads the current batch after its backward
 * pass and changes nothing.
 */
#ifndef NNSTEP_PATHS_H
#define NNSTEP_PATHS_H

#include "session.h"

#define PATHS_MAX 200000	/* paths enumerated at most */

struct grad_path {
	int unit[NET_MAX_LAYERS];	/* unit of each layer from l on (unit[0] = j) */
	int nunits;			/* layers the path passes: nlayers - l */
	double value;			/* x_k times every local derivative on the path */
};

/*
 * Enumerates the paths of the weight (l, j, k) for batch row i, keeping the
 * `max` largest by |value| in out (largest first). *sum receives the sum of
 * all paths (x_k * dL/dz_j of that row, up to rounding). Returns the number
 * of paths, or -1 when there are more than PATHS_MAX or the arguments do not
 * name a weight and row of the current batch.
 */
long session_grad_paths(const struct session *s, int l, int j, int k, long i,
    struct grad_path *out, int max, double *sum);

/* A factor of a path: position 0 is x_k, then f'(z) of unit[0], then for
 * each later layer the weight into unit[q] from unit[q-1] and f'(z) (at the
 * output, dL/dz instead of f'). n receives the number of factors. */
int session_path_factors(const struct session *s, int l, int k, long i,
    const struct grad_path *p, double *f, int max);

/* Row i's share of dL/dw for the weight (l, j, k): x_k * dL/dz_j. */
double session_sample_grad(const struct session *s, int l, int j, int k, long i);

#endif
