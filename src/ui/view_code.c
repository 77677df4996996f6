/*
 * view_code.c: the current network written as Keras and as PyTorch code, and
 * the lesson narration pane.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "view.h"
#include "util/i18n.h"

#define CODE_MAX 8192

struct code {
	char buf[CODE_MAX];
	size_t len;
};

static void code_add(struct code *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
code_add(struct code *k, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (k->len >= sizeof k->buf - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(k->buf + k->len, sizeof k->buf - k->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		k->len += (size_t)n;
	if (k->len >= sizeof k->buf)
		k->len = sizeof k->buf - 1;
}

/* ---------------------------------------------------------------- Keras */

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
	default: return "?";
	}
}

static void
keras_init(struct code *k, const struct session_config *c, int hidden)
{
	switch (c->init) {
	case INIT_ZEROS:
		code_add(k, ", kernel_initializer=\"zeros\"");
		break;
	case INIT_CONSTANT:
		code_add(k, ", kernel_initializer=keras.initializers.Constant(%g)", c->init_value);
		break;
	case INIT_UNIFORM:
		code_add(k, ", kernel_initializer=keras.initializers.RandomUniform(%g, %g)",
		    -c->init_value, c->init_value);
		break;
	case INIT_HE:
		code_add(k, ", kernel_initializer=\"he_normal\"");
		break;
	default:
		break;		/* glorot_uniform is Keras's default */
	}
	if (hidden && c->bias_init != 0)
		code_add(k, ", bias_initializer=keras.initializers.Constant(%g)", c->bias_init);
	if (c->l2 > 0)
		code_add(k, ", kernel_regularizer=keras.regularizers.L2(%g)", c->l2 / 2);
}

static void
code_keras(const struct session *s, struct code *k)
{
	const struct session_config *c = &s->pos.cfg;
	const struct net *n = s->net;
	char buf[160];
	int l;

	code_add(k, "# Keras\nimport keras\nfrom keras import layers\n\n");
	code_add(k, "model = keras.Sequential([\n    keras.Input(shape=(%d,)),\n", n->ninputs);
	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];
		int hidden = l < n->nlayers - 1;

		const struct act_info *f = act_info(ly->act);

		if (f->props & ACTP_SLOPE) {
			/* A layer of its own after the Dense layer; f->keras takes the slope. */
			code_add(k, "    layers.Dense(%d", ly->out);
			keras_init(k, c, hidden);
			code_add(k, "),\n    ");
			code_add(k, f->keras, ly->alpha);
			code_add(k, ",\n");
		} else {
			code_add(k, "    layers.Dense(%d, activation=\"%s\"", ly->out, f->keras);
			keras_init(k, c, hidden);
			code_add(k, "),\n");
		}
		if (hidden && c->dropout > 0)
			code_add(k, "    layers.Dropout(%g),\n", c->dropout);
	}
	code_add(k, "])\n");
	code_add(k, "opt = %s\n", optim_describe(c->optimizer, OPTIM_KERAS, c->lr, buf,
	    sizeof buf));
	code_add(k, "model.compile(optimizer=opt, loss=%s%s)\n", keras_loss(n->loss),
	    s->data->task == TASK_REGRESS ? "" : ", metrics=[\"accuracy\"]");
	code_add(k, "model.fit(x_train, y_train, batch_size=%ld, epochs=%d%s%s", s->batch_size,
	    c->epochs, c->shuffle ? "" : ", shuffle=False",
	    s->data->val.n > 0 ? ",\n          validation_data=(x_val, y_val)" : "");
	if (c->early_stop > 0 || c->reduce_lr > 0) {
		code_add(k, ",\n          callbacks=[");
		if (c->early_stop > 0)
			code_add(k, "keras.callbacks.EarlyStopping(patience=%d, min_delta=%g, "
			    "restore_best_weights=True)%s", c->early_stop, c->early_stop_delta,
			    c->reduce_lr > 0 ? ",\n                     " : "");
		if (c->reduce_lr > 0)
			code_add(k, "keras.callbacks.ReduceLROnPlateau(patience=%d, factor=%g, "
			    "min_lr=%g)", c->reduce_lr, c->reduce_factor, c->reduce_min_lr);
		code_add(k, "]");
	}
	code_add(k, ")\n");
}

/* -------------------------------------------------------------- PyTorch */

static const char *
torch_loss(enum loss l)
{
	switch (l) {
	case LOSS_MSE: return "nn.MSELoss()";
	case LOSS_MAE: return "nn.L1Loss()";
	case LOSS_HUBER: return "nn.HuberLoss(delta=1.0)";
	case LOSS_BCE: return "nn.BCELoss()";
	case LOSS_CCE: return "nn.CrossEntropyLoss()  # applies the softmax itself";
	case LOSS_HINGE: return "lambda out, y: torch.clamp(1 - y * out, min=0).mean()  # y in {-1, 1}";
	default: return "?";
	}
}

static void
code_torch(const struct session *s, struct code *k)
{
	const struct session_config *c = &s->pos.cfg;
	const struct net *n = s->net;
	const char *a;
	char buf[160];
	int l;

	code_add(k, "\n# PyTorch\nimport torch\nfrom torch import nn\n\n");
	code_add(k, "model = nn.Sequential(\n");
	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];

		code_add(k, "    nn.Linear(%d, %d),", ly->in, ly->out);
		a = act_info(ly->act)->torch;
		if (a != NULL) {
			/* f->torch takes the slope when the activation has one */
			code_add(k, " ");
			code_add(k, a, ly->alpha);
			code_add(k, ",");
		} else if (act_info(ly->act)->props & ACTP_OUTPUT_ONLY) {
			code_add(k, "  # %s: in the loss", act_name(ly->act));
		}
		if (l < n->nlayers - 1 && c->dropout > 0)
			code_add(k, " nn.Dropout(%g),", c->dropout);
		code_add(k, "\n");
	}
	code_add(k, ")\n");
	code_add(k, "for m in model:\n    if isinstance(m, nn.Linear):\n");
	switch (c->init) {
	case INIT_ZEROS:
		code_add(k, "        nn.init.zeros_(m.weight)\n");
		break;
	case INIT_CONSTANT:
		code_add(k, "        nn.init.constant_(m.weight, %g)\n", c->init_value);
		break;
	case INIT_UNIFORM:
		code_add(k, "        nn.init.uniform_(m.weight, %g, %g)\n", -c->init_value,
		    c->init_value);
		break;
	case INIT_HE:
		code_add(k, "        nn.init.kaiming_normal_(m.weight, nonlinearity=\"relu\")\n");
		break;
	default:
		code_add(k, "        nn.init.xavier_uniform_(m.weight)\n");
		break;
	}
	if (c->bias_init != 0)
		code_add(k, "        nn.init.constant_(m.bias, %g)  # (the output layer's: 0)\n",
		    c->bias_init);
	else
		code_add(k, "        nn.init.zeros_(m.bias)\n");
	code_add(k, "loss_fn = %s\n", torch_loss(n->loss));
	code_add(k, "opt = %s", optim_describe(c->optimizer, OPTIM_TORCH, c->lr, buf, sizeof buf));
	if (c->l2 > 0)
		code_add(k, ", weight_decay=%g)  # decays biases too; nnstep does not\n", c->l2);
	else
		code_add(k, ")\n");
	code_add(k, "loader = torch.utils.data.DataLoader(\n"
	    "    torch.utils.data.TensorDataset(x_train, y_train),\n"
	    "    batch_size=%ld, shuffle=%s)\n", s->batch_size, c->shuffle ? "True" : "False");
	code_add(k, "for epoch in range(%d):\n    model.train()\n", c->epochs);
	code_add(k, "    for xb, yb in loader:\n");
	code_add(k, "        out = model(xb)            # forward\n");
	code_add(k, "        loss = loss_fn(out, yb)    # loss\n");
	code_add(k, "        opt.zero_grad()\n");
	code_add(k, "        loss.backward()            # backward\n");
	code_add(k, "        opt.step()                 # update\n");
}

void
view_code(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	struct code k;
	struct rect in;
	const char *line, *nl;
	int y, skip = p->v->scroll[P_CODE], n = 0;
	char buf[256];

	k.len = 0;
	k.buf[0] = '\0';
	code_keras(p->s, &k);
	code_torch(p->s, &k);
	in = view_box(p, c, r, _("Code"), _("Keras and PyTorch; j k scroll"));
	if (in.w < 4 || in.h < 1)
		return;
	y = in.y;
	for (line = k.buf; *line && y < in.y + in.h; line = *nl ? nl + 1 : nl, n++) {
		size_t len;

		nl = strchr(line, '\n');
		if (nl == NULL)
			nl = line + strlen(line);
		if (n < skip)
			continue;
		len = (size_t)(nl - line) < sizeof buf - 1 ? (size_t)(nl - line) : sizeof buf - 1;
		memcpy(buf, line, len);
		buf[len] = '\0';
		canvas_text_cut(c, in.x, y++, in.w, buf[0] == '#' || strstr(buf, "  #") == buf ?
		    C_DIM : C_DEFAULT, 0, buf);
	}
}

/* ------------------------------------------------------------ narration */

void
view_narration(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	const struct ui_lesson *ls = &p->v->lesson;
	struct rect in;
	char extra[64];
	int lines;

	if (ls->count > 0)
		snprintf(extra, sizeof extra, "%d/%d", ls->index, ls->count);
	else
		extra[0] = '\0';
	in = view_box(p, c, r, ls->title ? ls->title : _("Lesson"), extra);
	if (in.w < 4 || in.h < 1)
		return;
	in.x++;
	in.w -= 2;
	lines = canvas_wrap(c, in, p->v->scroll[P_NARRATION], ls->text ? ls->text : "",
	    C_DEFAULT, C_EMPHASIS, 1);
	if (lines - p->v->scroll[P_NARRATION] > in.h)
		canvas_printf(c, r.x + r.w - 14, r.y + r.h - 1, -1, C_DIM, 0, _(" %s more (j) "),
		    p->g->down);
	else if (ls->at_end)
		canvas_text(c, r.x + 2, r.y + r.h - 1, -1, C_PHASE_ACTIVE, 0,
		    _(" end of the lesson: b goes back, q quits "));
	else if (ls->ask == NULL)
		canvas_text(c, r.x + r.w - 20, r.y + r.h - 1, -1, C_KEY, 0, _(" space: continue "));
}
