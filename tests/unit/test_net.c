/* test_net.c: the network's shape checks, parameter layout, initializers,
 * forward pass by hand and evaluation in chunks. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "engine/net.h"

static void
shape(struct net_shape *sh, int nin, int nhidden, const int *hidden, enum act hact,
    enum act out, int nout, enum loss loss)
{
	int l;

	memset(sh, 0, sizeof *sh);
	sh->ninputs = nin;
	sh->nhidden = nhidden;
	for (l = 0; l < nhidden; l++) {
		sh->hidden[l] = hidden[l];
		sh->hidden_act[l] = hact;
	}
	sh->out_act = out;
	sh->noutputs = nout;
	sh->alpha = ACT_LEAKY_ALPHA;
	sh->loss = loss;
}

START_TEST(test_shape_errors)
{
	static const int h4[] = { 4 }, h0[] = { 0 }, hbig[] = { NET_MAX_UNITS + 1 };
	struct net_shape sh;
	const char *err;

#define REFUSE(what) do { err = NULL; ck_assert_ptr_null(net_new(&sh, 8, &err)); \
	ck_assert_msg(err != NULL && *err, "%s: no message", what); } while (0)
	shape(&sh, 0, 1, h4, ACT_TANH, ACT_LINEAR, 1, LOSS_MSE);
	REFUSE("no inputs");
	shape(&sh, 2, 1, h4, ACT_TANH, ACT_LINEAR, 0, LOSS_MSE);
	REFUSE("no outputs");
	shape(&sh, 2, 1, h0, ACT_TANH, ACT_LINEAR, 1, LOSS_MSE);
	REFUSE("empty hidden layer");
	shape(&sh, 2, 1, hbig, ACT_TANH, ACT_LINEAR, 1, LOSS_MSE);
	REFUSE("huge hidden layer");
	shape(&sh, 2, 1, h4, ACT_TANH, ACT_LINEAR, 1, LOSS_MSE);
	sh.nhidden = NET_MAX_LAYERS;
	REFUSE("too many layers");
	shape(&sh, 2, 1, h4, ACT_SOFTMAX, ACT_LINEAR, 1, LOSS_MSE);
	REFUSE("softmax hidden");
	shape(&sh, 2, 1, h4, ACT_TANH, ACT_LINEAR, 1, LOSS_BCE);
	REFUSE("bce without sigmoid");
	shape(&sh, 2, 1, h4, ACT_TANH, ACT_SIGMOID, 3, LOSS_CCE);
	REFUSE("cce without softmax");
	shape(&sh, 2, 1, h4, ACT_TANH, ACT_SOFTMAX, 1, LOSS_MSE);
	REFUSE("softmax of one unit");
	shape(&sh, 2, 1, h4, ACT_TANH, ACT_LINEAR, 1, LOSS_MSE);
	err = NULL;
	ck_assert_ptr_null(net_new(&sh, 0, &err));
	ck_assert_ptr_nonnull(err);
#undef REFUSE
}
END_TEST

START_TEST(test_layout)
{
	static const int h[] = { 4, 5 };
	struct net_shape sh;
	struct net *n;
	const char *err;

	/* 3 -> 4 -> 5 -> 2: [W 4x3][b 4][W 5x4][b 5][W 2x5][b 2] */
	shape(&sh, 3, 2, h, ACT_RELU, ACT_SOFTMAX, 2, LOSS_CCE);
	n = net_new(&sh, 6, &err);
	ck_assert_ptr_nonnull(n);
	ck_assert_int_eq(n->nlayers, 3);
	ck_assert_int_eq(n->nparams, 12 + 4 + 20 + 5 + 10 + 2);
	ck_assert_int_eq(n->layer[0].w_off, 0);
	ck_assert_int_eq(n->layer[0].b_off, 12);
	ck_assert_int_eq(n->layer[1].w_off, 16);
	ck_assert_int_eq(n->layer[1].b_off, 36);
	ck_assert_int_eq(n->layer[2].w_off, 41);
	ck_assert_int_eq(n->layer[2].b_off, 51);
	ck_assert_int_eq(n->layer[1].in, 4);
	ck_assert_int_eq(n->layer[1].out, 5);
	ck_assert_int_eq(n->layer[2].act, ACT_SOFTMAX);
	ck_assert_int_eq(net_noutputs(n), 2);
	ck_assert_int_eq(n->cap, 6);
	net_free(n);
	net_free(NULL);
}
END_TEST

/* Row j of W holds the weights into unit j: z_j = sum_k W[j][k] x_k + b_j. */
START_TEST(test_forward_by_hand)
{
	static const int h[] = { 2 };
	struct net_shape sh;
	struct net *n;
	const char *err;

	/* 3 -> 2 (relu) -> 1 (linear)
	 * W1 = [[1, 2, 3], [-1, 0.5, 0]], b1 = [0.5, -1]
	 * W2 = [[2, -3]], b2 = [0.25]
	 * x = (1, -1, 2): z1 = (1 - 2 + 6 + 0.5, -1 - 0.5 + 0 - 1) = (5.5, -2.5)
	 *                 a1 = (5.5, 0);  z2 = 11 + 0 + 0.25 = 11.25 */
	static const double p[] = { 1, 2, 3, -1, 0.5, 0, 0.5, -1, 2, -3, 0.25 };

	shape(&sh, 3, 1, h, ACT_RELU, ACT_LINEAR, 1, LOSS_MSE);
	n = net_new(&sh, 4, &err);
	ck_assert_ptr_nonnull(n);
	ck_assert_int_eq(n->nparams, 11);
	memcpy(n->param, p, sizeof p);
	net_sync(n);
	n->n = 1;
	n->x[0] = 1, n->x[1] = -1, n->x[2] = 2;
	n->y[0] = 10.25;
	n->w[0] = 1;
	net_forward(n, 0, NULL);
	ck_assert(n->layer[0].z[0] == 5.5);
	ck_assert(n->layer[0].z[1] == -2.5);
	ck_assert(n->layer[0].a[0] == 5.5);
	ck_assert(n->layer[0].a[1] == 0.0);
	ck_assert(n->layer[1].z[0] == 11.25);
	ck_assert(n->layer[1].a[0] == 11.25);
	net_loss(n);
	ck_assert(n->batch_loss == 1.0);	/* (11.25 - 10.25)^2 */
	net_backward(n, 0.0);
	/* dL/dz2 = 2 (a - y) = 2; dW2 = 2 a1 = (11, 0); db2 = 2
	 * dL/da1 = 2 W2 = (4, -6); dz1 = (4, 0) (relu' = 1, 0)
	 * dW1 = [[4, -4, 8], [0, 0, 0]]; db1 = (4, 0) */
	ck_assert(n->grad[8] == 11.0 && n->grad[9] == 0.0 && n->grad[10] == 2.0);
	ck_assert(n->layer[0].da[0] == 4.0 && n->layer[0].da[1] == -6.0);
	ck_assert(n->grad[0] == 4.0 && n->grad[1] == -4.0 && n->grad[2] == 8.0);
	ck_assert(n->grad[3] == 0.0 && n->grad[4] == 0.0 && n->grad[5] == 0.0);
	ck_assert(n->grad[6] == 4.0 && n->grad[7] == 0.0);
	/* L2 0.5 adds 0.5 W to the weights only */
	net_backward(n, 0.5);
	ck_assert(n->grad[0] == 4.5 && n->grad[1] == -3.0 && n->grad[2] == 9.5);
	ck_assert(n->grad[3] == -0.5 && n->grad[4] == 0.25 && n->grad[5] == 0.0);
	ck_assert(n->grad[6] == 4.0 && n->grad[7] == 0.0);
	ck_assert(n->grad[8] == 12.0 && n->grad[9] == -1.5 && n->grad[10] == 2.0);
	net_free(n);
}
END_TEST

static struct net *
init_net(enum init how, double value, double bias, uint64_t seed)
{
	static const int h[] = { 200 };
	struct net_shape sh;
	struct net *n;
	struct rng r;
	const char *err;

	/* 300 -> 200 -> 3: the first W has 60000 entries */
	shape(&sh, 300, 1, h, ACT_TANH, ACT_LINEAR, 3, LOSS_MSE);
	n = net_new(&sh, 2, &err);
	ck_assert_ptr_nonnull(n);
	rng_seed(&r, seed);
	net_init(n, how, value, bias, &r);
	return n;
}

static void
moments(const double *w, long m, double *mean, double *sd, double *maxabs)
{
	double s = 0, q = 0;
	long i;

	*maxabs = 0;
	for (i = 0; i < m; i++) {
		s += w[i];
		*maxabs = fmax(*maxabs, fabs(w[i]));
	}
	*mean = s / m;
	for (i = 0; i < m; i++)
		q += (w[i] - *mean) * (w[i] - *mean);
	*sd = sqrt(q / m);
}

START_TEST(test_init)
{
	struct net *n, *n2;
	double mean, sd, mx, r;
	long i, m = 60000;

	/* zeros: all weights 0, hidden biases as asked, output biases 0 */
	n = init_net(INIT_ZEROS, 0, 0.3, 1);
	for (i = 0; i < n->nparams; i++) {
		double want = (i >= n->layer[0].b_off && i < n->layer[1].w_off) ? 0.3 : 0.0;

		ck_assert(n->param[i] == want);
	}
	net_free(n);

	/* constant */
	n = init_net(INIT_CONSTANT, 0.7, -1, 1);
	for (i = 0; i < m; i++)
		ck_assert(n->param[i] == 0.7);
	ck_assert(n->param[n->layer[1].w_off] == 0.7);
	ck_assert(n->param[n->layer[0].b_off] == -1);
	ck_assert(n->param[n->layer[1].b_off] == 0.0);
	net_free(n);

	/* uniform(-0.3, 0.3): var = 0.3^2 / 3 */
	n = init_net(INIT_UNIFORM, 0.3, 0, 1);
	moments(n->param, m, &mean, &sd, &mx);
	ck_assert(mx <= 0.3 && mx > 0.299);
	ck_assert(fabs(mean) < 0.005);
	ck_assert_double_eq_tol(sd, 0.3 / sqrt(3.0), 0.003);
	net_free(n);

	/* Xavier (Glorot uniform): r = sqrt(6 / (300 + 200)) */
	r = sqrt(6.0 / 500.0);
	n = init_net(INIT_XAVIER, 0, 0, 2);
	moments(n->param, m, &mean, &sd, &mx);
	ck_assert_msg(mx <= r && mx > 0.999 * r, "max %g, r %g", mx, r);
	ck_assert(fabs(mean) < 0.002);
	ck_assert_double_eq_tol(sd, r / sqrt(3.0), 0.01 * r);
	/* the output layer has its own range: sqrt(6 / (200 + 3)) */
	moments(n->param + n->layer[1].w_off, 600, &mean, &sd, &mx);
	ck_assert(mx <= sqrt(6.0 / 203.0) && mx > 0.9 * sqrt(6.0 / 203.0));
	net_free(n);

	/* He normal: N(0, 2 / in), std sqrt(2/300) */
	n = init_net(INIT_HE, 0, 0, 3);
	moments(n->param, m, &mean, &sd, &mx);
	ck_assert(fabs(mean) < 0.0005);
	ck_assert_msg(fabs(sd - sqrt(2.0 / 300.0)) < 0.02 * sqrt(2.0 / 300.0), "sd %g", sd);
	ck_assert(mx > 3 * sqrt(2.0 / 300.0));
	moments(n->param + n->layer[1].w_off, 600, &mean, &sd, &mx);
	ck_assert(fabs(sd - sqrt(2.0 / 200.0)) < 0.1 * sqrt(2.0 / 200.0));

	/* the same seed gives the same weights; W^T is ready */
	n2 = init_net(INIT_HE, 0, 0, 3);
	ck_assert(memcmp(n->param, n2->param, (size_t)n->nparams * sizeof(double)) == 0);
	ck_assert(n->wt[1] == n->param[300]);	/* W^T[0][1] = W[1][0] */
	net_free(n2);
	n2 = init_net(INIT_HE, 0, 0, 4);
	ck_assert(memcmp(n->param, n2->param, (size_t)n->nparams * sizeof(double)) != 0);
	net_free(n2);
	net_free(n);
	ck_assert_int_eq(init_parse("glorot"), INIT_XAVIER);
	ck_assert_int_eq(init_parse("he"), INIT_HE);
	ck_assert_int_eq(init_parse("bogus"), -1);
}
END_TEST

/* Evaluation goes through the scratch buffers cap rows at a time; the
 * predictions and the weighted mean loss are those of a forward pass of
 * each row, and the batch buffers are untouched. */
START_TEST(test_evaluate_in_chunks)
{
	static const int h[] = { 5, 4 };
	enum { ROWS = 11 };
	struct net_shape sh;
	struct net *n;
	struct rng r;
	const char *err;
	double x[ROWS * 3], y[ROWS * 2], w[ROWS], pred[ROWS * 2], sum = 0, loss, zcopy[20];
	long i;

	shape(&sh, 3, 2, h, ACT_ELU, ACT_SIGMOID, 2, LOSS_BCE);
	sh.dropout = 0.5;
	n = net_new(&sh, 4, &err);
	ck_assert_ptr_nonnull(n);
	rng_seed(&r, 8);
	net_init(n, INIT_XAVIER, 0, 0.1, &r);
	for (i = 0; i < ROWS * 3; i++)
		x[i] = 2 * rng_uniform(&r) - 1;
	for (i = 0; i < ROWS * 2; i++)
		y[i] = rng_uniform(&r) < 0.5;
	for (i = 0; i < ROWS; i++)
		w[i] = 0.5 + rng_uniform(&r);
	/* something in the batch buffers to keep */
	n->n = 4;
	memcpy(n->x, x, 12 * sizeof(double));
	net_forward(n, 1, &r);
	memcpy(zcopy, n->layer[0].z, sizeof zcopy);

	loss = net_evaluate(n, x, y, w, ROWS, pred);
	ck_assert(memcmp(zcopy, n->layer[0].z, sizeof zcopy) == 0);
	ck_assert(net_evaluate(n, x, NULL, NULL, ROWS, NULL) == 0.0);
	for (i = 0; i < ROWS; i++) {
		n->n = 1;
		memcpy(n->x, x + i * 3, 3 * sizeof(double));
		memcpy(n->y, y + i * 2, 2 * sizeof(double));
		n->w[0] = 1;
		net_forward(n, 0, NULL);	/* no dropout when not training */
		net_loss(n);
		ck_assert(memcmp(pred + i * 2, n->layer[2].a, 2 * sizeof(double)) == 0);
		sum += w[i] * n->sample_loss[0];
	}
	ck_assert_double_eq_tol(loss, sum / ROWS, 1e-15);
	net_free(n);
}
END_TEST

/* A hidden layer's activations over many rows (the neuron maps) are those
 * of a forward pass of each row, in chunks of cap rows; the last layer's
 * are the predictions. */
START_TEST(test_evaluate_layer)
{
	static const int h[] = { 5, 4 };
	enum { ROWS = 11 };
	struct net_shape sh;
	struct net *n;
	struct rng r;
	const char *err;
	double x[ROWS * 3], a1[ROWS * 5], a2[ROWS * 4], out[ROWS * 2], pred[ROWS * 2];
	long i;

	shape(&sh, 3, 2, h, ACT_TANH, ACT_SIGMOID, 2, LOSS_BCE);
	n = net_new(&sh, 4, &err);
	ck_assert_ptr_nonnull(n);
	rng_seed(&r, 9);
	net_init(n, INIT_XAVIER, 0, 0.1, &r);
	for (i = 0; i < ROWS * 3; i++)
		x[i] = 2 * rng_uniform(&r) - 1;
	net_evaluate_layer(n, x, ROWS, 0, a1);
	net_evaluate_layer(n, x, ROWS, 1, a2);
	net_evaluate_layer(n, x, ROWS, 2, out);
	net_evaluate(n, x, NULL, NULL, ROWS, pred);
	ck_assert(memcmp(out, pred, sizeof out) == 0);
	for (i = 0; i < ROWS; i++) {
		n->n = 1;
		memcpy(n->x, x + i * 3, 3 * sizeof(double));
		net_forward(n, 0, NULL);
		ck_assert(memcmp(a1 + i * 5, n->layer[0].a, 5 * sizeof(double)) == 0);
		ck_assert(memcmp(a2 + i * 4, n->layer[1].a, 4 * sizeof(double)) == 0);
	}
	/* Not every activation is the same: the maps would be blank. */
	ck_assert(a1[0] != a1[5] && a1[0] != 0);
	net_free(n);
}
END_TEST

Suite *
net_suite(void)
{
	Suite *s = suite_create("net");
	TCase *tc = tcase_create("net");

	tcase_add_test(tc, test_shape_errors);
	tcase_add_test(tc, test_layout);
	tcase_add_test(tc, test_forward_by_hand);
	tcase_add_test(tc, test_init);
	tcase_add_test(tc, test_evaluate_in_chunks);
	tcase_add_test(tc, test_evaluate_layer);
	suite_add_tcase(s, tc);
	return s;
}
