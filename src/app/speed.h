/*
 * speed.h: the speed ladder of continue mode, slowest first. One table says
 * what each rung does, what it is called on the command line (--speed) and
 * in the config file, and how the status bar names it.
 *
 * Slow motion takes one phase per step and waits between phases, so a class
 * can follow forward, loss, backward and update one at a time. The middle
 * rungs train a fixed number of batches per frame. Turbo trains until the
 * frame's time is used up, leaving just enough to redraw 30 times a second.
 */
#ifndef NNSTEP_SPEED_H
#define NNSTEP_SPEED_H

#define SPEED_FPS 30			/* frames a second while training runs */

enum speed_kind { SPEED_PHASES, SPEED_BATCHES, SPEED_TURBO };

struct speed {
	const char *name;		/* --speed NAME, config "speed = NAME" */
	enum speed_kind kind;
	int amount;			/* SPEED_PHASES: ms per phase; SPEED_BATCHES: batches per frame */
	const char *label;		/* status bar (N_: shown through _()) */
};

extern const struct speed speed_ladder[];
extern const int speed_count;
/* The rung continue mode starts on when nothing is chosen. */
#define SPEED_DEFAULT 3

/* The rung called name, or -1. */
int speed_find(const char *name);
/* "slow, 1, 4, ..., turbo" for messages and --help. */
const char *speed_names(void);

#endif
