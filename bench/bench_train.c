/*
 * bench_train.c: training throughput of nnstep against FANN, measured in the
 * same run on the same network shapes and data.
 *
 *   T1  2-16-16-1, sigmoid hidden and output, MSE, 1000 samples,
 *       mini-batch 32 and batch 1
 *   T2  64-128-64-10, sigmoid hidden and output, MSE, 10000 samples of 10
 *       Gaussian blobs (one-hot targets), mini-batch 32; and nnstep alone
 *       with ReLU hidden, softmax output and cross-entropy
 *
 * nnstep is measured through the session API (what the front ends run:
 * shuffling, gathering, the divergence guard, the rewind snapshot, and the
 * diagnostics when they are on) and through the bare network phases
 * (net_forward, net_loss, net_backward, optim_step, net_sync), which shows
 * what the session adds. FANN is measured with fann_train on one sample at
 * a time (incremental training, its fastest mode), the peer for both batch
 * sizes. Each configuration runs in rounds of NNSTEP_BENCH_SECONDS seconds
 * (default 0.5), taken in turns with the others; its best round counts.
 *
 * When python3-torch is installed, PyTorch (CPU, one thread, float64) is a
 * second peer at mini-batch 32 on T1 and T2 with the same data, network and
 * SGD (bench/torch_peer.py, run after the others, best of the same rounds).
 */
#include <doublefann.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/net.h"
#include "engine/optim.h"
#include "engine/session.h"

#define ROUNDS 3

static double min_seconds = 0.5;	/* per round */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* ---------------------------------------------------------------- data */

static uint64_t rstate = 0x9e3779b97f4a7c15ULL;

static double
runif(void)
{
	/* splitmix64 */
	uint64_t z = (rstate += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return (double)(z >> 11) * 0x1.0p-53;
}

static double
rnorm(void)
{
	double u = runif(), v = runif();

	return sqrt(-2.0 * log(u + 1e-300)) * cos(6.283185307179586 * v);
}

/* A training-only data set in memory: all rows in train, none held out, so
 * that the figures are of training alone. */
static struct dataset *
make_dataset(const char *name, long n, int nin, int nout, enum task task)
{
	struct dataset *d = calloc(1, sizeof *d);
	int i;

	d->name = (char *)name;
	d->ninputs = nin;
	d->noutputs = nout;
	d->task = task;
	d->train.n = n;
	d->train.x = calloc((size_t)(n * nin), sizeof(double));
	d->train.y = calloc((size_t)(n * nout), sizeof(double));
	d->train.label = calloc((size_t)n, sizeof(int));
	d->train.w = NULL;
	d->train.row = calloc((size_t)n, sizeof(long));
	for (i = 0; i < 64; i++)
		d->class_weight[i] = 1.0;
	return d;
}

static void
free_dataset(struct dataset *d)
{
	free(d->train.x);
	free(d->train.y);
	free(d->train.label);
	free(d->train.row);
	free(d);
}

/* T1: two interleaved noisy half-circles in the plane, a 0/1 target. */
static struct dataset *
data_t1(void)
{
	struct dataset *d = make_dataset("moons", 1000, 2, 1, TASK_BINARY);
	long i;

	for (i = 0; i < d->train.n; i++) {
		int c = (int)(i % 2);
		double t = 3.141592653589793 * runif();

		d->train.x[2 * i] = (c ? 1.0 - cos(t) : cos(t)) + 0.2 * rnorm();
		d->train.x[2 * i + 1] = (c ? 0.5 - sin(t) : sin(t)) + 0.2 * rnorm();
		d->train.y[i] = c;
		d->train.label[i] = c;
		d->train.row[i] = i;
	}
	return d;
}

/* T2: ten Gaussian blobs in 64 dimensions, one-hot targets. */
static struct dataset *
data_t2(void)
{
	struct dataset *d = make_dataset("blobs64", 10000, 64, 10, TASK_MULTICLASS);
	double centre[10][64];
	long i;
	int c, k;

	for (c = 0; c < 10; c++)
		for (k = 0; k < 64; k++)
			centre[c][k] = rnorm();
	for (i = 0; i < d->train.n; i++) {
		c = (int)(runif() * 10);
		for (k = 0; k < 64; k++)
			d->train.x[i * 64 + k] = centre[c][k] + rnorm();
		d->train.y[i * 10 + c] = 1.0;
		d->train.label[i] = c;
		d->train.row[i] = i;
	}
	return d;
}

/* ------------------------------------------------------------- shapes */

struct shape {
	int nhidden;
	int hidden[4];
	enum act hidden_act;
	enum act out_act;
	enum loss loss;
};

static long
shape_weights(const struct shape *sh, const struct dataset *d)
{
	long w = 0;
	int in = d->ninputs, l;

	for (l = 0; l < sh->nhidden; l++) {
		w += (long)in * sh->hidden[l];
		in = sh->hidden[l];
	}
	return w + (long)in * d->noutputs;
}

/* ------------------------------------------------------------ runners */

/*
 * Each measured configuration is a runner that trains one pass over its data
 * per call. The runners of a task are timed in turns, round after round, and
 * each keeps its best round: a burst of other work on the machine then
 * slows one round of every runner rather than all rounds of one.
 */
enum kind { RUN_SESSION, RUN_BARE, RUN_FANN };

struct runner {
	const char *label;
	enum kind kind;
	const struct dataset *d;
	long batch;
	struct session *s;
	struct net *n;
	struct rng rng;
	long step;
	struct fann *ann;
	double best;		/* samples per second */
};

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "bench_train: %s: %s\n", what, why);
	exit(1);
}

static void
runner_session(struct runner *ru, const struct dataset *d, const struct shape *sh,
    long batch, int diagnostics)
{
	struct session_config c;
	char *err = NULL;
	int l;

	session_config_default(&c);
	c.nhidden = sh->nhidden;
	for (l = 0; l < sh->nhidden; l++) {
		c.hidden[l] = sh->hidden[l];
		c.hidden_act[l] = sh->hidden_act;
	}
	c.out_act = (int)sh->out_act;
	c.loss = (int)sh->loss;
	c.optimizer = OPT_SGD;
	c.lr = 0.1;
	c.batch = batch;
	c.epochs = 100000;
	c.diagnostics = diagnostics;
	c.history_phases = 0;
	ru->kind = RUN_SESSION;
	ru->d = d;
	ru->batch = batch;
	ru->s = session_new(&c, d, &err);
	if (ru->s == NULL)
		die("session_new", err);
}

static void
runner_bare(struct runner *ru, const struct dataset *d, const struct shape *sh, long batch)
{
	struct net_shape ns;
	const char *err;
	int l;

	memset(&ns, 0, sizeof ns);
	ns.ninputs = d->ninputs;
	ns.nhidden = sh->nhidden;
	for (l = 0; l < sh->nhidden; l++) {
		ns.hidden[l] = sh->hidden[l];
		ns.hidden_act[l] = sh->hidden_act;
	}
	ns.out_act = sh->out_act;
	ns.noutputs = d->noutputs;
	ns.alpha = 0.01;
	ns.loss = sh->loss;
	ru->kind = RUN_BARE;
	ru->d = d;
	ru->batch = batch;
	ru->n = net_new(&ns, batch, &err);
	if (ru->n == NULL)
		die("net_new", err);
	rng_seed(&ru->rng, 1);
	net_init(ru->n, INIT_XAVIER, 0.1, 0.0, &ru->rng);
}

static void
runner_fann(struct runner *ru, const struct dataset *d, const struct shape *sh)
{
	unsigned int layers[6];
	int nl = 0, l;

	layers[nl++] = (unsigned)d->ninputs;
	for (l = 0; l < sh->nhidden; l++)
		layers[nl++] = (unsigned)sh->hidden[l];
	layers[nl++] = (unsigned)d->noutputs;
	ru->kind = RUN_FANN;
	ru->d = d;
	ru->batch = 1;
	ru->ann = fann_create_standard_array((unsigned)nl, layers);
	if (ru->ann == NULL)
		die("fann_create_standard", "failed");
	fann_set_activation_function_hidden(ru->ann, FANN_SIGMOID);
	fann_set_activation_function_output(ru->ann, FANN_SIGMOID);
	fann_set_training_algorithm(ru->ann, FANN_TRAIN_INCREMENTAL);
	fann_set_train_error_function(ru->ann, FANN_ERRORFUNC_LINEAR);
	fann_set_learning_rate(ru->ann, 0.1f);
	fann_set_learning_momentum(ru->ann, 0.0f);
	fann_randomize_weights(ru->ann, -0.3, 0.3);
}

/* One pass over the training rows. */
static void
runner_pass(struct runner *ru)
{
	const struct dataset *d = ru->d;
	long nin = d->ninputs, nout = d->noutputs, i, j;
	struct net *n = ru->n;

	switch (ru->kind) {
	case RUN_SESSION:
		if (session_step_epoch(ru->s) != SESSION_OK)
			die(ru->label, "training stopped");
		break;
	case RUN_BARE:
		/* The phases alone: rows copied in, forward, loss, backward, SGD
		 * update and the transposed weights' refresh; no shuffle, no checks. */
		for (i = 0; i < d->train.n; i += ru->batch) {
			n->n = d->train.n - i < ru->batch ? d->train.n - i : ru->batch;
			memcpy(n->x, d->train.x + i * nin, (size_t)(n->n * nin) * sizeof(double));
			memcpy(n->y, d->train.y + i * nout, (size_t)(n->n * nout) * sizeof(double));
			for (j = 0; j < n->n; j++)
				n->w[j] = 1.0;
			net_forward(n, 1, &ru->rng);
			net_loss(n);
			net_backward(n, 0.0);
			optim_step(OPT_SGD, 0.1, n->nparams, n->param, n->grad, NULL, NULL,
			    ++ru->step, NULL);
			net_sync(n);
		}
		if (!isfinite(n->batch_loss))
			die(ru->label, "the loss is not finite");
		break;
	case RUN_FANN:
		for (i = 0; i < d->train.n; i++)
			fann_train(ru->ann, d->train.x + i * nin, d->train.y + i * nout);
		break;
	}
}

static void
runner_free(struct runner *ru)
{
	session_free(ru->s);
	net_free(ru->n);
	if (ru->ann != NULL)
		fann_destroy(ru->ann);
}

static void
measure(struct runner *ru, int count)
{
	int round, k;

	for (k = 0; k < count; k++) {
		runner_pass(&ru[k]);	/* warm up */
		ru[k].best = 0;
	}
	for (round = 0; round < ROUNDS; round++)
		for (k = 0; k < count; k++) {
			long samples = 0;
			double t0 = now(), t;

			do {
				runner_pass(&ru[k]);
				samples += ru[k].d->train.n;
			} while ((t = now() - t0) < min_seconds);
			if (samples / t > ru[k].best)
				ru[k].best = samples / t;
		}
}

/* ------------------------------------------------------------ PyTorch */

static char torch_script[4096];     /* bench/torch_peer.py */
static char torch_version[64];

/* The interpreter that has the Debian package's torch. */
static const char *
torch_python(void)
{
	const char *p = getenv("NNSTEP_BENCH_PYTHON");

	if (p != NULL && *p != '\0')
		return p;
	return access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
}

/* Samples per second of PyTorch training sh on d's training rows at this
 * batch size, or 0 when it cannot run (PyTorch not installed). */
static double
torch_rate(const struct dataset *d, const struct shape *sh, long batch)
{
	char path[] = "/tmp/nnstep-bench-torch-XXXXXX", cmd[8192], hidden[64], out[256];
	long n = d->train.n;
	double rate = 0;
	size_t used = 0;
	FILE *f, *p;
	int fd, l;

	hidden[0] = '\0';
	for (l = 0; l < sh->nhidden; l++)
		used += (size_t)snprintf(hidden + used, sizeof hidden - used, "%s%d",
		    l > 0 ? "," : "", sh->hidden[l]);
	fd = mkstemp(path);
	if (fd < 0 || (f = fdopen(fd, "wb")) == NULL)
		die("bench_train", "cannot write a temporary file");
	if (fwrite(d->train.x, sizeof(double), (size_t)(n * d->ninputs), f) !=
	    (size_t)(n * d->ninputs) ||
	    fwrite(d->train.y, sizeof(double), (size_t)(n * d->noutputs), f) !=
	    (size_t)(n * d->noutputs) || fclose(f) != 0)
		die(path, "cannot write");
	snprintf(cmd, sizeof cmd, "%s '%s' %s %ld %d %d %s %ld %g %d 2>/dev/null",
	    torch_python(), torch_script, path, n, d->ninputs, d->noutputs, hidden,
	    batch, min_seconds, ROUNDS);
	p = popen(cmd, "r");
	if (p != NULL) {
		if (fgets(out, sizeof out, p) != NULL &&
		    sscanf(out, "samples_per_second %lf version %63s", &rate,
		    torch_version) != 2)
			rate = 0;
		if (pclose(p) != 0)
			rate = 0;
	}
	remove(path);
	return rate;
}

static void
torch_report(double rate, const struct runner *ru, int count)
{
	int k;

	if (rate <= 0) {
		printf("  PyTorch: not measured (python3-torch is not installed)\n");
		return;
	}
	printf("  %-44s %10.0f samples/s\n", "PyTorch (CPU, 1 thread, float64), batch 32", rate);
	for (k = 0; k < count; k++)
		printf("    %-42s %5.2fx PyTorch\n", ru[k].label, ru[k].best / rate);
}

/* ------------------------------------------------------------ report */

static void
line(const struct runner *ru, double peer, long weights)
{
	printf("  %-44s %10.0f samples/s", ru->label, ru->best);
	if (peer > 0)
		printf("  %5.2fx FANN", ru->best / peer);
	if (weights > 0)
		printf("  %6.2f GFLOP/s", ru->best * 6.0 * weights * 1e-9);
	printf("\n");
}

static void
overhead(const char *what, const struct runner *on, const struct runner *off)
{
	printf("  %-44s %5.1f%% more time per sample (%.1f%% fewer samples/s)\n", what,
	    100.0 * (off->best / on->best - 1.0), 100.0 * (1.0 - on->best / off->best));
}

int
main(int argc, char **argv)
{
	const char *e = getenv("NNSTEP_BENCH_SECONDS");
	struct shape t1 = { 2, { 16, 16 }, ACT_SIGMOID, ACT_SIGMOID, LOSS_MSE };
	struct shape t2 = { 2, { 128, 64 }, ACT_SIGMOID, ACT_SIGMOID, LOSS_MSE };
	struct shape t2r = { 2, { 128, 64 }, ACT_RELU, ACT_SOFTMAX, LOSS_CCE };
	struct runner r1[7], r2[7];
	struct dataset *d1, *d2;
	double load[3] = { 0, 0, 0 };
	const char *slash = argc > 0 ? strrchr(argv[0], '/') : NULL;
	double torch1, torch2;
	FILE *f;
	long w2;
	int k;

	if (e != NULL && atof(e) > 0)
		min_seconds = atof(e);
	/* bench/build/bench_train finds bench/torch_peer.py */
	snprintf(torch_script, sizeof torch_script, "%.*s../torch_peer.py",
	    slash != NULL ? (int)(slash - argv[0] + 1) : 0, slash != NULL ? argv[0] : "");
	if ((f = fopen("/proc/loadavg", "r")) != NULL) {
		if (fscanf(f, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3)
			load[0] = 0;
		fclose(f);
	}
	d1 = data_t1();
	d2 = data_t2();
	w2 = shape_weights(&t2, d2);
	memset(r1, 0, sizeof r1);
	memset(r2, 0, sizeof r2);

	printf("bench_train: samples per second of forward + backward + SGD update\n");
	printf("(each figure: the best of %d rounds of >= %.2f s, the configurations of a\n"
	    "task taking turns; FANN trains one sample at a time; load average %.2f)\n\n",
	    ROUNDS, min_seconds, load[0]);

	runner_fann(&r1[0], d1, &t1);
	runner_session(&r1[1], d1, &t1, 32, 1);
	runner_session(&r1[2], d1, &t1, 32, 0);
	runner_bare(&r1[3], d1, &t1, 32);
	runner_session(&r1[4], d1, &t1, 1, 1);
	runner_session(&r1[5], d1, &t1, 1, 0);
	runner_bare(&r1[6], d1, &t1, 1);
	r1[0].label = "FANN fann_train (incremental)";
	r1[1].label = "nnstep session, batch 32, diagnostics on";
	r1[2].label = "nnstep session, batch 32, diagnostics off";
	r1[3].label = "nnstep bare phases, batch 32";
	r1[4].label = "nnstep session, batch 1, diagnostics on";
	r1[5].label = "nnstep session, batch 1, diagnostics off";
	r1[6].label = "nnstep bare phases, batch 1";
	measure(r1, 7);
	printf("T1  2-16-16-1 sigmoid, MSE, 1000 samples\n");
	line(&r1[0], 0, 0);
	for (k = 1; k < 7; k++)
		line(&r1[k], r1[0].best, 0);
	overhead("cost of the diagnostics, batch 32", &r1[1], &r1[2]);
	overhead("cost of the diagnostics, batch 1", &r1[4], &r1[5]);
	torch1 = torch_rate(d1, &t1, 32);
	torch_report(torch1, &r1[1], 3);
	printf("RESULT T1 fann=%.0f on32=%.0f off32=%.0f bare32=%.0f on1=%.0f off1=%.0f bare1=%.0f "
	    "torch32=%.0f\n\n", r1[0].best, r1[1].best, r1[2].best, r1[3].best, r1[4].best,
	    r1[5].best, r1[6].best, torch1);

	runner_fann(&r2[0], d2, &t2);
	runner_session(&r2[1], d2, &t2, 32, 1);
	runner_session(&r2[2], d2, &t2, 32, 0);
	runner_bare(&r2[3], d2, &t2, 32);
	runner_session(&r2[4], d2, &t2r, 32, 1);
	runner_session(&r2[5], d2, &t2r, 32, 0);
	runner_bare(&r2[6], d2, &t2r, 32);
	r2[0].label = "FANN fann_train (incremental)";
	r2[1].label = "nnstep session, batch 32, diagnostics on";
	r2[2].label = "nnstep session, batch 32, diagnostics off";
	r2[3].label = "nnstep bare phases, batch 32";
	r2[4].label = r2[1].label;
	r2[5].label = r2[2].label;
	r2[6].label = r2[3].label;
	measure(r2, 7);
	printf("T2  64-128-64-10 sigmoid, MSE, 10000 samples, 10 classes (%ld weights)\n", w2);
	line(&r2[0], 0, w2);
	for (k = 1; k < 4; k++)
		line(&r2[k], r2[0].best, w2);
	overhead("cost of the diagnostics, batch 32", &r2[1], &r2[2]);
	torch2 = torch_rate(d2, &t2, 32);
	torch_report(torch2, &r2[1], 3);
	printf("T2  the same with ReLU hidden, softmax output, cross-entropy (nnstep alone)\n");
	for (k = 4; k < 7; k++)
		line(&r2[k], 0, w2);
	overhead("cost of the diagnostics, batch 32", &r2[4], &r2[5]);
	printf("RESULT T2 fann=%.0f on32=%.0f off32=%.0f bare32=%.0f relu_on32=%.0f "
	    "relu_off32=%.0f relu_bare32=%.0f torch32=%.0f\n", r2[0].best, r2[1].best,
	    r2[2].best, r2[3].best, r2[4].best, r2[5].best, r2[6].best, torch2);
	if (torch_version[0] != '\0')
		printf("PyTorch %s\n", torch_version);

	for (k = 0; k < 7; k++) {
		runner_free(&r1[k]);
		runner_free(&r2[k]);
	}
	free_dataset(d1);
	free_dataset(d2);
	return 0;
}
