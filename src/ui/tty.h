/*
 * tty.h: the terminal, through ncurses. The only part of nnstep that talks
 * to the terminal: it copies a canvas to the screen, reads keys and mouse
 * clicks, reports resizes, and restores the terminal on quit, on error
 * (atexit) and on SIGINT, SIGTERM and SIGHUP (a flag the loop polls).
 */
#ifndef NNSTEP_TTY_H
#define NNSTEP_TTY_H

#include "canvas.h"
#include "theme.h"

/* Keys that are not characters (characters are their code points). */
enum tty_key {
	TK_NONE = 0,
	TK_BASE = 0x110000,
	TK_UP, TK_DOWN, TK_LEFT, TK_RIGHT,
	TK_ENTER, TK_TAB, TK_BTAB, TK_ESC, TK_BACKSPACE,
	TK_PGUP, TK_PGDN, TK_HOME, TK_END,
	TK_RESIZE,		/* the terminal changed size */
	TK_MOUSE		/* a click: see tty_event.x, y */
};

struct tty_event {
	int key;		/* code point or enum tty_key */
	int x, y;		/* TK_MOUSE: where */
};

struct tty;

/* Opens the terminal. want: the best colours the caller allows, id: the
 * room's theme; the result says what the terminal can show (*kind). NULL
 * with *err on failure. */
struct tty *tty_open(enum theme_kind want, enum theme_id id, enum theme_kind *kind,
    char **err);
/* Draws from now on in another theme (the next tty_draw repaints all). */
void tty_set_theme(struct tty *t, enum theme_id id);
/* Restores the terminal; safe to call twice. */
void tty_close(struct tty *t);
void tty_size(struct tty *t, int *w, int *h);
/* Shows the canvas (its size should be the terminal's). */
void tty_draw(struct tty *t, const struct canvas *c);
/* Waits up to timeout_ms (-1: forever, 0: poll) for input. Returns 1 with
 * *ev filled, or 0 when nothing came. */
int tty_read(struct tty *t, int timeout_ms, struct tty_event *ev);
/* A terminating signal arrived: the loop should end. */
int tty_interrupted(void);

#endif
