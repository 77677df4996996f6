/*
 * layout.h: where each part of the screen goes for a given size.
 *
 * The screen is a two-line status bar, a body of slots, and a one-line key
 * hint bar. A slot shows one panel; some slots are shared by several panels
 * (Tab reaches all of them), and show whichever was focused last. With zoom
 * the focused panel takes the whole body. In a lesson the narration pane
 * runs along the bottom of the body; with several runs (--compare) the body
 * has one column per run.
 */
#ifndef NNSTEP_LAYOUT_H
#define NNSTEP_LAYOUT_H

#include "view.h"

#define LAYOUT_MAX_SLOTS 24

struct layout_slot {
	struct rect r;
	int run;			/* which run it belongs to */
	int npanels;
	int panels[P_COUNT];		/* candidates, in Tab order */
	int shown;			/* the one drawn */
};

struct layout {
	int too_small;			/* below UI_MIN_W x UI_MIN_H */
	struct rect status, body, hints;
	struct rect label[UI_MAX_RUNS];	/* one line per run (compare) */
	int nslots;
	struct layout_slot slot[LAYOUT_MAX_SLOTS];
};

void layout_compute(const struct ui_frame *f, int w, int h, struct layout *L);

#endif
