/*
 * pyscript.c: the run as a Python script (see pyscript.h).
 *
 * The script is written in three parts: the data (shared by both
 * frameworks: the same rows, encoding, split and scaling as nnstep), the
 * network and its training (PyTorch or Keras), and the evaluation that
 * prints the test figure. The split is nnstep's own: splitmix64 and
 * Fisher-Yates written out in Python, so that the same rows go to train,
 * validation and test.
 */
#define _GNU_SOURCE 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/pyscript.h"
#include "util/xmalloc.h"

static void py_str(FILE *f, const char *s);
static void py_num(FILE *f, double v);
static int py_logits(const struct session *s);
static void py_header(FILE *f, const struct session *s, enum pyscript_framework fw);
static void py_data(FILE *f, const struct session *s);
static void py_torch(FILE *f, const struct session *s);
static void py_keras(FILE *f, const struct session *s);

/* A Python string literal; UTF-8 passes through (Python 3 source). */
static void
py_str(FILE *f, const char *s)
{
	const unsigned char *p;

	fputc('"', f);
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\x%02x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

/* A number in its shortest form that reads back exactly. */
static void
py_num(FILE *f, double v)
{
	char buf[40];
	int p;

	for (p = 15; p < 17; p++) {
		snprintf(buf, sizeof buf, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if (p == 17)
		snprintf(buf, sizeof buf, "%.17g", v);
	fputs(buf, f);
}

/* BCE after a sigmoid and CCE after a softmax are computed from the logits
 * (as nnstep does): the network's last layer then has no activation in
 * PyTorch. */
static int
py_logits(const struct session *s)
{
	const struct net *n = s->net;
	enum act out = n->layer[n->nlayers - 1].act;

	return (n->loss == LOSS_BCE && out == ACT_SIGMOID) ||
	    (n->loss == LOSS_CCE && out == ACT_SOFTMAX);
}

static void
py_header(FILE *f, const struct session *s, enum pyscript_framework fw)
{
	const struct session_config *c = session_cfg(s);
	const struct net *n = s->net;
	int l;

	fprintf(f, "#!/usr/bin/env python3\n");
	fprintf(f, "# nnstep's run in %s, written by `nnstep code --framework %s`:\n",
	    fw == PYSCRIPT_KERAS ? "Keras" : "PyTorch", fw == PYSCRIPT_KERAS ? "keras" : "pytorch");
	fprintf(f, "# network %d", n->ninputs);
	for (l = 0; l < n->nlayers; l++)
		fprintf(f, "-%d", n->layer[l].out);
	fprintf(f, ", loss %s, %s lr %g, batch %ld, %d epochs, seed %llu.\n", loss_name(n->loss),
	    optim_name(c->optimizer), c->lr, s->batch_size, c->epochs,
	    (unsigned long long)c->seed);
	fprintf(f, "# The weights start from other random numbers than nnstep's, so the\n"
	    "# figures come out close to nnstep's, not equal.\n");
	fprintf(f, "import csv\nimport io\nimport subprocess\n\nimport numpy as np\n");
	if (fw == PYSCRIPT_KERAS)
		fprintf(f, "import keras\nfrom keras import layers\n\n");
	else
		fprintf(f, "import torch\nfrom torch import nn\n\n");
	fprintf(f, "SEED = %llu\n", (unsigned long long)c->seed);
}

/* ------------------------------------------------------------------ data */

static void
py_data(FILE *f, const struct session *s)
{
	const struct dataset *d = s->data;
	const struct prep *p = d->prep;
	int j, k;

	fprintf(f, "\n# ---- Data: the same rows, encoding, split and scaling as nnstep\n");
	if (d->origin) {
		fprintf(f, "with open(");
		py_str(f, d->origin);
		fprintf(f, ", newline=\"\", encoding=\"utf-8-sig\") as src:\n"
		    "    rows = list(csv.DictReader(src))\n");
	} else if (d->gen_args) {
		char *args = xstrdup(d->gen_args), *tok, *save = NULL, *q;

		fprintf(f, "# the generated rows, as `nnstep %s` writes them\n", d->gen_args);
		fprintf(f, "text = subprocess.run([\"nnstep\"");
		for (q = args; (tok = strtok_r(q, " ", &save)) != NULL; q = NULL) {
			fputs(", ", f);
			py_str(f, tok);
		}
		fprintf(f, "],\n                      capture_output=True, text=True, "
		    "check=True).stdout\nrows = list(csv.DictReader(io.StringIO(text)))\n");
		free(args);
	} else
		fprintf(f, "rows = [{\"x1\": \"0\", \"x2\": \"0\", \"y\": \"0\"}, "
		    "{\"x1\": \"0\", \"x2\": \"1\", \"y\": \"1\"},\n"
		    "        {\"x1\": \"1\", \"x2\": \"0\", \"y\": \"1\"}, "
		    "{\"x1\": \"1\", \"x2\": \"1\", \"y\": \"0\"}]   # XOR\n");
	fprintf(f, "TARGET = ");
	py_str(f, p ? p->target : "y");
	fprintf(f, "\nCLASSES = [");
	for (k = 0; d->task != TASK_REGRESS && p && k < p->nclasses; k++) {
		fputs(k ? ", " : "", f);
		py_str(f, p->classes[k]);
	}
	fprintf(f, "]   # sorted as nnstep sorts them; [] for regression\n");
	fprintf(f, "# input columns: (name, categories of a one-hot text column or None, "
	    "fill value)\nCOLUMNS = [\n");
	for (j = 0; p && j < p->ncols; j++) {
		const struct prep_column *pc = &p->cols[j];

		fprintf(f, "    (");
		py_str(f, pc->name);
		if (pc->is_text) {
			fprintf(f, ", [");
			for (k = 0; k < pc->ncat; k++) {
				fputs(k ? ", " : "", f);
				py_str(f, pc->cats[k]);
			}
			fprintf(f, "], ");
			py_str(f, pc->ncat > 0 && pc->fill >= 0 && pc->fill < pc->ncat ?
			    pc->cats[(int)pc->fill] : "");
		} else {
			fprintf(f, ", None, ");
			py_num(f, pc->fill);
		}
		fprintf(f, "),\n");
	}
	if (p == NULL)
		fprintf(f, "    (\"x1\", None, 0), (\"x2\", None, 0),\n");
	fprintf(f, "]\nMISSING_POLICY = \"%s\"   # --missing\n",
	    d->missing == MISSING_DROP ? "drop" : d->missing == MISSING_MEAN ? "mean" : "error");
	fprintf(f, "SPLIT = [");
	py_num(f, d->split[0]);
	fputs(", ", f);
	py_num(f, d->split[1]);
	fputs(", ", f);
	py_num(f, d->split[2]);
	fprintf(f, "]   # --split: train, validation, test\nSPLIT_SEED = %llu\n",
	    (unsigned long long)d->split_seed);
	fprintf(f, "SCALE = \"%s\"   # fit on the training rows only\n",
	    !p || p->scale == SCALE_NONE ? "none" : p->scale == SCALE_MINMAX ? "minmax" :
	    "standard");
	fprintf(f, "THRESHOLD = ");
	py_num(f, session_cfg(s)->threshold);
	fprintf(f, "\n");
	if (d->task != TASK_REGRESS && d->class_weight_auto)
		fprintf(f, "CLASS_WEIGHT = \"auto\"   # n_train / (K x count of the class)\n");
	else if (d->task != TASK_REGRESS && d->nclass_weights > 0) {
		fprintf(f, "CLASS_WEIGHT = [");
		for (k = 0; k < p->nclasses; k++) {
			fputs(k ? ", " : "", f);
			py_num(f, d->class_weight[k]);
		}
		fprintf(f, "]\n");
	} else
		fprintf(f, "CLASS_WEIGHT = None\n");
	fputs("\n"
	    "def missing(v):\n"
	    "    return v is None or v == \"\" or v == \"NA\" or v == \"?\"\n"
	    "\n"
	    "if MISSING_POLICY == \"drop\":\n"
	    "    rows = [r for r in rows if not any(missing(r[c]) for c in [TARGET] + "
	    "[c[0] for c in COLUMNS])]\n"
	    "\n"
	    "def encode(r):\n"
	    "    x = []\n"
	    "    for name, cats, fill in COLUMNS:\n"
	    "        v = fill if missing(r[name]) else r[name]\n"
	    "        if cats is None:\n"
	    "            x.append(float(v))\n"
	    "        else:\n"
	    "            x.extend(1.0 if v == c else 0.0 for c in cats)\n"
	    "    return x\n"
	    "\n"
	    "def is_number(v):\n"
	    "    try:\n"
	    "        float(v)\n"
	    "        return True\n"
	    "    except ValueError:\n"
	    "        return False\n"
	    "\n"
	    "X = np.array([encode(r) for r in rows], dtype=np.float64)\n"
	    "if CLASSES:\n"
	    "    if is_number(rows[0][TARGET]):   # numeric labels compare as numbers\n"
	    "        values = [float(c) for c in CLASSES]\n"
	    "        labels = np.array([values.index(float(r[TARGET])) for r in rows])\n"
	    "    else:\n"
	    "        labels = np.array([CLASSES.index(r[TARGET]) for r in rows])\n"
	    "else:\n"
	    "    values = np.array([float(r[TARGET]) for r in rows], dtype=np.float64)\n"
	    "\n"
	    "class SplitMix64:\n"
	    "    \"\"\"nnstep's data random numbers (splitmix64) and Fisher-Yates shuffle.\"\"\"\n"
	    "    MASK = (1 << 64) - 1\n"
	    "\n"
	    "    def __init__(self, seed):\n"
	    "        self.state = seed & self.MASK\n"
	    "\n"
	    "    def next(self):\n"
	    "        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK\n"
	    "        z = self.state\n"
	    "        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK\n"
	    "        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK\n"
	    "        return z ^ (z >> 31)\n"
	    "\n"
	    "    def below(self, n):\n"
	    "        limit = self.MASK - self.MASK % n\n"
	    "        while True:\n"
	    "            x = self.next()\n"
	    "            if x < limit:\n"
	    "                return x % n\n"
	    "\n"
	    "    def shuffle(self, a):\n"
	    "        for i in range(len(a) - 1, 0, -1):\n"
	    "            j = self.below(i + 1)\n"
	    "            a[i], a[j] = a[j], a[i]\n"
	    "\n"
	    "def round_half_away(x):\n"
	    "    i = int(x)\n"
	    "    return i + 1 if x - i >= 0.5 else i\n"
	    "\n"
	    "def nnstep_split(n):\n"
	    "    \"\"\"Train, validation and test rows: stratified by class, seeded.\"\"\"\n"
	    "    if SPLIT == [1, 0, 0]:\n"
	    "        return list(range(n)), [], []\n"
	    "    rng = SplitMix64(SPLIT_SEED)\n"
	    "    parts = ([], [], [])\n"
	    "    groups = ([[i for i in range(n) if labels[i] == c] for c in range(len(CLASSES))]\n"
	    "              if CLASSES else [list(range(n))])\n"
	    "    for g in groups:\n"
	    "        rng.shuffle(g)\n"
	    "        ntr = min(round_half_away(SPLIT[0] * len(g)), len(g))\n"
	    "        nva = min(round_half_away(SPLIT[1] * len(g)), len(g) - ntr)\n"
	    "        for i, r in enumerate(g):\n"
	    "            parts[0 if i < ntr else 1 if i < ntr + nva else 2].append(r)\n"
	    "    for part in parts:\n"
	    "        rng.shuffle(part)\n"
	    "    return parts\n"
	    "\n"
	    "train, val, test = (np.array(p, dtype=np.int64) for p in nnstep_split(len(rows)))\n"
	    "if SCALE == \"standard\":\n"
	    "    offset, scale = X[train].mean(axis=0), X[train].std(axis=0)\n"
	    "elif SCALE == \"minmax\":\n"
	    "    offset = X[train].min(axis=0)\n"
	    "    scale = X[train].max(axis=0) - offset\n"
	    "else:\n"
	    "    offset, scale = np.zeros(X.shape[1]), np.ones(X.shape[1])\n"
	    "scale[~(scale > 0)] = 1.0   # a constant column is left as it is\n"
	    "X = (X - offset) / scale\n"
	    "\n"
	    "K = len(CLASSES)\n"
	    "if CLASS_WEIGHT == \"auto\":\n"
	    "    W = len(train) / (K * np.bincount(labels[train], minlength=K))\n"
	    "elif CLASS_WEIGHT is not None:\n"
	    "    W = np.array(CLASS_WEIGHT, dtype=np.float64)\n"
	    "else:\n"
	    "    W = np.ones(max(K, 1))\n"
	    "weights = W[labels] if CLASSES else np.ones(len(rows))   # one per row\n"
	    "evaluate = test if len(test) else val if len(val) else train\n"
	    "EVAL = \"test\" if len(test) else \"val\" if len(val) else \"train\"\n", f);
}

/* --------------------------------------------------------------- PyTorch */

static const char *
torch_init(enum init i)
{
	switch (i) {
	case INIT_ZEROS: return "nn.init.zeros_(m.weight)";
	case INIT_CONSTANT: return "nn.init.constant_(m.weight, %.17g)";
	case INIT_UNIFORM: return "nn.init.uniform_(m.weight, -%.17g, %.17g)";
	case INIT_HE: return "nn.init.kaiming_normal_(m.weight, nonlinearity=\"relu\")  "
	    "# N(0, 2/in)";
	default: return "nn.init.xavier_uniform_(m.weight)  # U(+-sqrt(6/(in+out)))";
	}
}

static void
py_torch(FILE *f, const struct session *s)
{
	const struct session_config *c = session_cfg(s);
	const struct dataset *d = s->data;
	const struct net *n = s->net;
	int logits = py_logits(s), l, classes = d->task != TASK_REGRESS;
	char buf[200], *at;

	fprintf(f, "\n# ---- The network: the same layers and initializers\n");
	fprintf(f, "torch.manual_seed(SEED)\ntorch.set_default_dtype(torch.float64)   "
	    "# nnstep computes in double\nmodel = nn.Sequential(\n");
	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];
		const char *a = act_info(ly->act)->torch;
		int last = l == n->nlayers - 1;

		fprintf(f, "    nn.Linear(%d, %d),", ly->in, ly->out);
		if (last && logits)
			fprintf(f, "   # logits: the %s is in the loss", act_name(ly->act));
		else if (a != NULL) {
			fputc(' ', f);
			fprintf(f, a, ly->alpha);
			fputc(',', f);
		} else if (ly->act == ACT_SOFTMAX)
			fprintf(f, " nn.Softmax(dim=1),");
		if (!last && c->dropout > 0)
			fprintf(f, " nn.Dropout(%.17g),", c->dropout);
		fputc('\n', f);
	}
	fprintf(f, ")\nlinears = [m for m in model if isinstance(m, nn.Linear)]\n"
	    "with torch.no_grad():\n    for m in linears:\n        ");
	fprintf(f, torch_init(c->init), c->init_value, c->init_value);
	fprintf(f, "\n        nn.init.zeros_(m.bias)\n");
	if (c->bias_init != 0) {
		fprintf(f, "    for m in linears[:-1]:   # --bias-init: hidden units only\n"
		    "        nn.init.constant_(m.bias, ");
		py_num(f, c->bias_init);
		fprintf(f, ")\n");
	}

	fprintf(f, "\n# ---- Loss (class weights included: Σ w·l / n, as nnstep)\n");
	if (n->loss == LOSS_BCE && logits) {
		fprintf(f, "Y = torch.tensor(labels, dtype=torch.float64).reshape(-1, 1)\n"
		    "if CLASS_WEIGHT is None:\n"
		    "    bce = nn.BCEWithLogitsLoss()\n"
		    "    def loss_of(out, yb):\n        return bce(out, yb)\n"
		    "else:   # w1 for positives, w0 for negatives: w0 x BCE with pos_weight w1/w0\n"
		    "    bce = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([W[1] / W[0]]), "
		    "reduction=\"sum\")\n"
		    "    def loss_of(out, yb):\n        return W[0] * bce(out, yb) / len(yb)\n");
	} else if (n->loss == LOSS_CCE && logits) {
		fprintf(f, "Y = torch.tensor(labels, dtype=torch.int64)\n"
		    "if CLASS_WEIGHT is None:\n"
		    "    cce = nn.CrossEntropyLoss()\n"
		    "    def loss_of(out, yb):\n        return cce(out, yb)\n"
		    "else:\n"
		    "    cce = nn.CrossEntropyLoss(weight=torch.tensor(W), reduction=\"sum\")\n"
		    "    def loss_of(out, yb):\n        return cce(out, yb) / len(yb)\n");
	} else {
		if (!classes)
			fprintf(f, "Y = torch.tensor(values).reshape(-1, 1)\n");
		else if (d->noutputs == 1)
			fprintf(f, "Y = torch.tensor(labels, dtype=torch.float64).reshape(-1, 1)\n");
		else
			fprintf(f, "Y = nn.functional.one_hot(torch.tensor(labels), K).double()\n");
		if (n->loss == LOSS_HINGE)
			fprintf(f, "Y = 2 * Y - 1   # hinge: targets -1 and +1\n");
		fprintf(f, "SW = torch.tensor(weights)   # each row's class weight (1 without)\n"
		    "def per_row(out, yb):\n");
		switch (n->loss) {
		case LOSS_MAE:
			fprintf(f, "    return (out - yb).abs().mean(dim=1)\n");
			break;
		case LOSS_HUBER:
			fprintf(f, "    return nn.functional.huber_loss(out, yb, reduction=\"none\", "
			    "delta=1.0).mean(dim=1)\n");
			break;
		case LOSS_HINGE:
			fprintf(f, "    return torch.clamp(1 - yb * out, min=0).mean(dim=1)\n");
			break;
		case LOSS_BCE:
			fprintf(f, "    return nn.functional.binary_cross_entropy(out, yb, "
			    "reduction=\"none\").mean(dim=1)\n");
			break;
		default:
			fprintf(f, "    return ((out - yb) ** 2).mean(dim=1)\n");
			break;
		}
		fprintf(f, "def loss_of(out, yb, wb=None):\n"
		    "    l = per_row(out, yb)\n"
		    "    return (l if wb is None else l * wb).mean()\n");
	}

	fprintf(f, "\n# ---- Optimizer: L2 on the weights only (biases are not decayed)\n");
	fprintf(f, "params = [{\"params\": [m.weight for m in linears], \"weight_decay\": ");
	py_num(f, c->l2);
	fprintf(f, "},\n          {\"params\": [m.bias for m in linears], \"weight_decay\": 0.0}]\n");
	optim_describe(c->optimizer, OPTIM_TORCH, c->lr, buf, sizeof buf);
	at = strstr(buf, "model.parameters()");
	if (at != NULL)
		fprintf(f, "opt = %.*sparams%s)\n", (int)(at - buf), buf,
		    at + strlen("model.parameters()"));
	else
		fprintf(f, "opt = %s)\n", buf);

	fprintf(f, "\n# ---- Training: mini-batches of %ld rows, reshuffled every epoch\n",
	    s->batch_size);
	fprintf(f, "xt = torch.tensor(X[train])\nyt = Y[train]\n");
	fprintf(f, "wt = torch.tensor(weights[train])\n");
	fprintf(f, "loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(xt, yt, wt),\n"
	    "    batch_size=%ld, shuffle=%s, generator=torch.Generator().manual_seed(SEED))\n",
	    s->batch_size, c->shuffle ? "True" : "False");
	fprintf(f, "for epoch in range(%d):\n    model.train()\n    total = 0.0\n", c->epochs);
	fprintf(f, "    for xb, yb, wb in loader:\n");
	fprintf(f, "        out = model(xb)                  # forward\n");
	if (logits)
		fprintf(f, "        loss = loss_of(out, yb)          # loss\n");
	else
		fprintf(f, "        loss = loss_of(out, yb, wb)      # loss\n");
	fprintf(f, "        opt.zero_grad()\n"
	    "        loss.backward()                  # backward\n"
	    "        opt.step()                       # update\n"
	    "        total += loss.item() * len(xb)\n"
	    "    print(f\"epoch {epoch + 1}/%d  loss {total / len(xt):.6f}\")\n", c->epochs);

	fprintf(f, "\n# ---- Evaluation\nmodel.eval()\nwith torch.no_grad():\n"
	    "    out = model(torch.tensor(X[evaluate]))\n");
	if (!classes)
		fprintf(f, "    print(f\"{EVAL} loss {loss_of(out, Y[evaluate]).item():.6f}\")\n");
	else {
		if (d->noutputs == 1)
			fprintf(f, "    p = %s[:, 0]\n    pred = (p >= THRESHOLD).long().numpy()\n",
			    logits ? "torch.sigmoid(out)" : "out");
		else
			fprintf(f, "    pred = out.argmax(dim=1).numpy()\n");
		fprintf(f, "    print(f\"{EVAL} accuracy {(pred == labels[evaluate]).mean():.4f}\")\n");
	}
}

/* ----------------------------------------------------------------- Keras */

static const char *
keras_loss(enum loss l)
{
	switch (l) {
	case LOSS_MSE: return "\"mean_squared_error\"";
	case LOSS_MAE: return "\"mean_absolute_error\"";
	case LOSS_HUBER: return "keras.losses.Huber(delta=1.0)";
	case LOSS_BCE: return "\"binary_crossentropy\"";
	case LOSS_CCE: return "\"categorical_crossentropy\"";
	case LOSS_HINGE: return "\"hinge\"";
	default: return "\"mean_squared_error\"";
	}
}

static void
keras_init(FILE *f, const struct session_config *c, int hidden)
{
	switch (c->init) {
	case INIT_ZEROS:
		fprintf(f, ", kernel_initializer=\"zeros\"");
		break;
	case INIT_CONSTANT:
		fprintf(f, ", kernel_initializer=keras.initializers.Constant(%.17g)", c->init_value);
		break;
	case INIT_UNIFORM:
		fprintf(f, ", kernel_initializer=keras.initializers.RandomUniform(-%.17g, %.17g)",
		    c->init_value, c->init_value);
		break;
	case INIT_HE:
		fprintf(f, ", kernel_initializer=\"he_normal\"");
		break;
	default:
		fprintf(f, ", kernel_initializer=\"glorot_uniform\"");
		break;
	}
	if (hidden && c->bias_init != 0)
		fprintf(f, ", bias_initializer=keras.initializers.Constant(%.17g)", c->bias_init);
	if (c->l2 > 0)	/* Keras's L2(x) adds x*sum(W^2): its gradient 2x*W */
		fprintf(f, ", kernel_regularizer=keras.regularizers.L2(%.17g)", c->l2 / 2);
}

static void
py_keras(FILE *f, const struct session *s)
{
	const struct session_config *c = session_cfg(s);
	const struct dataset *d = s->data;
	const struct net *n = s->net;
	int l, classes = d->task != TASK_REGRESS;
	char buf[200];

	fprintf(f, "\n# ---- The network: the same layers and initializers\n"
	    "keras.utils.set_random_seed(SEED)\nkeras.backend.set_floatx(\"float64\")   "
	    "# nnstep computes in double\n");
	fprintf(f, "model = keras.Sequential([\n    keras.Input(shape=(%d,)),\n", n->ninputs);
	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];
		const struct act_info *a = act_info(ly->act);
		int hidden = l < n->nlayers - 1;

		if (a->props & ACTP_SLOPE) {
			fprintf(f, "    layers.Dense(%d", ly->out);
			keras_init(f, c, hidden);
			fprintf(f, "),\n    ");
			fprintf(f, a->keras, ly->alpha);
			fprintf(f, ",\n");
		} else {
			fprintf(f, "    layers.Dense(%d, activation=\"%s\"", ly->out, a->keras);
			keras_init(f, c, hidden);
			fprintf(f, "),\n");
		}
		if (hidden && c->dropout > 0)
			fprintf(f, "    layers.Dropout(%.17g),\n", c->dropout);
	}
	fprintf(f, "])\n");
	fprintf(f, "model.compile(optimizer=%s,\n              loss=%s%s)\n",
	    optim_describe(c->optimizer, OPTIM_KERAS, c->lr, buf, sizeof buf),
	    keras_loss(n->loss), classes ? ", metrics=[\"accuracy\"]" : "");
	if (!classes)
		fprintf(f, "Y = values.reshape(-1, 1)\n");
	else if (d->noutputs == 1)
		fprintf(f, "Y = labels.astype(np.float64).reshape(-1, 1)\n");
	else
		fprintf(f, "Y = np.eye(K)[labels]   # one-hot\n");
	if (n->loss == LOSS_HINGE)
		fprintf(f, "Y = 2 * Y - 1   # hinge: targets -1 and +1\n");
	fprintf(f, "\n# ---- Training (class_weight: Σ w·l / n, as nnstep)\n"
	    "model.fit(X[train], Y[train], batch_size=%ld, epochs=%d, shuffle=%s,\n"
	    "          class_weight=%s", s->batch_size, c->epochs, c->shuffle ? "True" : "False",
	    classes ? "None if CLASS_WEIGHT is None else dict(enumerate(W))" : "None");
	if (d->val.n > 0)
		fprintf(f, ",\n          validation_data=(X[val], Y[val])");
	if (c->early_stop > 0 || c->reduce_lr > 0) {
		fprintf(f, ",\n          callbacks=[");
		if (c->early_stop > 0)
			fprintf(f, "keras.callbacks.EarlyStopping(patience=%d, min_delta=%.17g, "
			    "restore_best_weights=True)%s", c->early_stop, c->early_stop_delta,
			    c->reduce_lr > 0 ? ",\n                     " : "");
		if (c->reduce_lr > 0)
			fprintf(f, "keras.callbacks.ReduceLROnPlateau(patience=%d, factor=%.17g, "
			    "min_lr=%.17g, min_delta=%.17g)", c->reduce_lr, c->reduce_factor,
			    c->reduce_min_lr, c->reduce_delta);
		fprintf(f, "]");
	}
	fprintf(f, ", verbose=2)\n");
	fprintf(f, "\n# ---- Evaluation\nout = model.predict(X[evaluate], verbose=0)\n");
	if (!classes)
		fprintf(f, "print(f\"{EVAL} loss {model.evaluate(X[evaluate], Y[evaluate], "
		    "verbose=0):.6f}\")\n");
	else {
		if (d->noutputs == 1)
			fprintf(f, "pred = (out[:, 0] >= THRESHOLD).astype(np.int64)\n");
		else
			fprintf(f, "pred = out.argmax(axis=1)\n");
		fprintf(f, "print(f\"{EVAL} accuracy {(pred == labels[evaluate]).mean():.4f}\")\n");
	}
}

/* ------------------------------------------------------------------ entry */

void
pyscript_write(FILE *f, const struct session *s, enum pyscript_framework fw)
{
	py_header(f, s, fw);
	py_data(f, s);
	if (fw == PYSCRIPT_KERAS)
		py_keras(f, s);
	else
		py_torch(f, s);
}

char *
pyscript_text(const struct session *s, enum pyscript_framework fw)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		return xstrdup("# out of memory\n");
	pyscript_write(f, s, fw);
	if (fclose(f) != 0 || buf == NULL) {
		free(buf);
		return xstrdup("# out of memory\n");
	}
	return buf;
}
