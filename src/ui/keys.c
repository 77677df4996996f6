/* keys.c: every key of the terminal UI, one row each (see keys.h). */
#include <stdio.h>

#include "keys.h"
#include "util/i18n.h"

const struct key_def key_table[] = {
	{ KA_NONE, { 0 }, NULL, N_("Time: step the training one phase at a time, or run it"),
	    NULL, NULL, 0 },
	{ KA_PHASE, { ' ', TK_RIGHT }, N_("space  ->"),
	    N_("next phase: forward, loss, backward, update"), N_("space"), N_("phase"), 1 },
	{ KA_BATCH, { 'n', TK_ENTER }, N_("n  enter"), N_("finish the batch (to its update)"),
	    "n", N_("batch"), 2 },
	{ KA_EPOCH, { 'e' }, "e", N_("finish the epoch (after the last one: train on)"),
	    "e", N_("epoch"), 3 },
	{ KA_RUN, { 'c' }, "c", N_("continue / pause; after the last epoch, trains on for more"),
	    "c", N_("run"), 4 },
	{ KA_SPEED, { '+', '=', '-', '_' }, "+  -",
	    N_("faster / slower: slow motion, 1 4 16 64 256 batches a frame, turbo"),
	    "+-", N_("speed"), 14 },
	{ KA_BACK, { 'b', TK_LEFT, TK_BACKSPACE }, "b  <-", N_("step back one phase (rewind)"),
	    "b", N_("back"), 5 },
	{ KA_RESET, { 'r', 'R' }, "r  R", N_("reset the weights: same seed / next seed"),
	    NULL, NULL, 0 },
	{ KA_NONE, { 0 }, NULL,
	    N_("Looking: arrows left/right move in time; up/down and hjkl move the cursor"),
	    NULL, NULL, 0 },
	{ KA_MOVE, { 'h', 'l' }, "h  l", N_("previous / next layer"), "hjkl", N_("neuron"), 6 },
	{ KA_MOVE, { 'k', 'j', TK_UP, TK_DOWN }, "k  j",
	    N_("previous / next neuron (up / down arrows too)"), NULL, NULL, 0 },
	{ KA_PAGE, { TK_PGUP, TK_PGDN }, NULL, NULL, NULL, NULL, 0 },
	{ KA_SAMPLE, { ',', '.', '<', '>' }, ",  .", N_("previous / next sample of the batch"),
	    NULL, NULL, 0 },
	{ KA_MEAN, { 'm' }, "m", N_("network shows one sample / the mean of the batch"),
	    NULL, NULL, 0 },
	{ KA_INSPECT, { 'i' }, "i", N_("inspect the selected neuron: its formula with the numbers"),
	    "i", N_("inspect"), 7 },
	{ KA_NONE, { 0 }, N_("click"), N_("select and inspect a neuron"), NULL, NULL, 0 },
	{ KA_WEIGHT, { 'x', 'X' }, "x  X",
	    N_("next / previous weight into the neuron: gradient check, paths, tug of war"),
	    NULL, NULL, 0 },
	{ KA_TAB, { TK_TAB, TK_BTAB }, N_("tab"),
	    N_("next panel (shift-tab: previous); j k scroll text panels"), N_("tab"), N_("panel"),
	    8 },
	{ KA_ZOOM, { 'z' }, "z", N_("zoom the focused panel to the whole screen"), "z", N_("zoom"),
	    9 },
	{ KA_LOG, { 'L' }, "L", N_("loss curve on a log scale / linear"), NULL, NULL, 0 },
	{ KA_LR_FIND, { 'g' }, "g", N_("learning rate: loss along the gradient, and the LR range test"),
	    NULL, NULL, 0 },
	{ KA_CHECKS, { 'K' }, "K", N_("sanity checks of the settings, a verdict each"),
	    NULL, NULL, 0 },
	{ KA_PREDICT, { 'p' }, "p",
	    N_("predict the next phase's number for the selected neuron (scored)"), NULL, NULL, 0 },
	{ KA_BRANCH, { 'f' }, "f",
	    N_("branch from here: runs that differ in one setting, from this state"),
	    NULL, NULL, 0 },
	{ KA_EDIT, { 'E', 'B' }, "E  B", N_("set the selected weight / the neuron's bias by hand"),
	    NULL, NULL, 0 },
	{ KA_DATA_VIEW, { 'v' }, "v",
	    N_("picture inputs: data panel shows the sample / mistakes / confusion"),
	    NULL, NULL, 0 },
	{ KA_NET_VIEW, { 'w' }, "w",
	    N_("picture inputs: first-layer weights as pictures / the diagram"), NULL, NULL, 0 },
	{ KA_VAL_POINTS, { 'V' }, "V", N_("show / hide the validation points in the data panel"),
	    NULL, NULL, 0 },
	{ KA_NONE, { 0 }, NULL,
	    N_("Training points (two inputs, data panel focused: hjkl and up/down move its cursor)"),
	    NULL, NULL, 0 },
	{ KA_PAINT, { 'A', 'D' }, "A  D",
	    N_("add a training point of the paint class at the cursor / remove the nearest one"),
	    NULL, NULL, 0 },
	{ KA_PAINT, { 'C' }, "C", N_("next paint class for new training points"), NULL, NULL, 0 },
	{ KA_NONE, { 0 }, N_("click"),
	    N_("in the focused data panel: remove the point there, else add one"), NULL, NULL, 0 },
	{ KA_THEME, { 't' }, "t", N_("next theme: dark, light (projectors), contrast"),
	    "t", N_("theme"), 15 },
	{ KA_COMMAND, { 'P' }, "P", N_("the command line of these settings, to copy"),
	    NULL, NULL, 0 },
	{ KA_NONE, { 0 }, NULL, N_("Settings (from the next batch)"), NULL, NULL, 0 },
	{ KA_ACTIVATION, { 'a' }, "a", N_("next hidden activation"), "a", N_("act"), 10 },
	{ KA_OPTIMIZER, { 'o' }, "o", N_("next optimizer"), NULL, NULL, 0 },
	{ KA_LR, { '[', ']' }, "[  ]", N_("learning rate / 3, x 3"), "[]", N_("lr"), 11 },
	{ KA_BATCH_SIZE, { '{', '}' }, "{  }", N_("batch size halve / double (makes a new network)"),
	    NULL, NULL, 0 },
	{ KA_SAVE, { 's' }, "s", N_("save the model as a checkpoint"), NULL, NULL, 0 },
	{ KA_NONE, { 0 }, NULL, N_("Lessons"), NULL, NULL, 0 },
	{ KA_NONE, { 0 }, N_("space"),
	    N_("on to the next stop (after exploring: back to this stop first)"), NULL, NULL, 0 },
	{ KA_NONE, { 0 }, "b", N_("back to the previous stop"), NULL, NULL, 0 },
	{ KA_NONE, { 0 }, N_("right  n  c"),
	    N_("explore: one phase, one batch, run (the lesson waits)"), NULL, NULL, 0 },
	{ KA_NONE, { 0 }, "1-4", N_("answer a question"), NULL, NULL, 0 },
	{ KA_NONE, { 0 }, NULL, "", NULL, NULL, 0 },
	{ KA_HELP, { '?' }, "?", N_("this help"), "?", N_("help"), 12 },
	{ KA_ESCAPE, { TK_ESC }, "esc", N_("close a dialog"), NULL, NULL, 0 },
	{ KA_QUIT, { 'q' }, "q", N_("quit"), "q", N_("quit"), 13 },
	{ KA_REDRAW, { 0x0c }, NULL, NULL, NULL, NULL, 0 },	/* Ctrl-L */
};

const int key_count = (int)(sizeof key_table / sizeof key_table[0]);

const struct key_def *
key_find(int code)
{
	int i, k;

	for (i = 0; i < key_count; i++)
		for (k = 0; k < KEY_CODES && key_table[i].codes[k]; k++)
			if (key_table[i].action != KA_NONE && key_table[i].codes[k] == code)
				return &key_table[i];
	return NULL;
}

const char *
key_doc_name(int code, char *buf, unsigned long size)
{
	static const char *const names[] = { "Up", "Down", "Left", "Right", "Enter", "Tab",
		"Shift-Tab", "Esc", "Backspace", "PageUp", "PageDown", "Home", "End" };

	if (code > TK_BASE && code <= TK_END)
		snprintf(buf, size, "%s", names[code - TK_BASE - 1]);
	else if (code == ' ')
		snprintf(buf, size, "space");
	else if (code > 0 && code < 0x20)
		snprintf(buf, size, "Ctrl-%c", '@' + code);
	else
		snprintf(buf, size, "%c", code);
	return buf;
}
