/*
 * tty.c: ncurses behind the small interface of tty.h. No other file of
 * nnstep includes curses.h.
 */
#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "tty.h"
#include "util/i18n.h"

struct tty {
	SCREEN *scr;
	enum theme_kind kind;
	enum theme_id id;		/* the room's theme */
	int open;
	attr_t attr[C_ROLES];		/* attributes of each role */
	short pair[C_ROLES];		/* colour pair of each role */
	struct sigaction old[4];	/* handlers to put back */
};

/* SIGQUIT (Ctrl and backslash) too: its default leaves the terminal raw. */
static const int tty_signals[4] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

/* The terminal must be restored however the program ends; signal handlers
 * can only set a flag, so these two live at file level. */
static volatile sig_atomic_t tty_signalled;
static struct tty *tty_current;

static void
tty_on_signal(int sig)
{
	tty_signalled = sig;
}

/*
 * A crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) must not leave the
 * terminal in raw mode on the alternate screen. endwin() is not safe in a
 * signal handler, so the handler puts back the terminal modes saved before
 * ncurses started and writes the escapes that leave the alternate screen,
 * show the cursor and stop mouse reports (write() and tcsetattr() are
 * async-signal-safe); then the signal is raised again with its default
 * action, so the exit status and any core dump stay as they were.
 */
static const int tty_crash_signals[5] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
static struct termios tty_saved_modes;
static volatile sig_atomic_t tty_have_modes;

static void
tty_on_crash(int sig)
{
	static const char reset[] = "\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?25h"
	    "\033[?1049l\r\n";
	ssize_t ignored;

	if (tty_have_modes) {
		ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
		(void)ignored;
		tcsetattr(STDIN_FILENO, TCSANOW, &tty_saved_modes);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

int
tty_interrupted(void)
{
	return tty_signalled;
}

static void
tty_atexit(void)
{
	if (tty_current != NULL && tty_current->open) {
		endwin();
		tty_current->open = 0;
	}
}

static attr_t
tty_attr(int a)
{
	attr_t r = A_NORMAL;

	if (a & ATTR_BOLD)
		r |= A_BOLD;
	if (a & ATTR_REVERSE)
		r |= A_REVERSE;
	if (a & ATTR_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & ATTR_DIM)
		r |= A_DIM;
	return r;
}

/* Colour pairs and attributes of every role in the current theme. */
static void
tty_pairs(struct tty *t)
{
	const struct theme_style *base = theme_style(t->kind, t->id, C_DEFAULT);
	int r;

	/* Pair 0 is the default: a theme may paint the whole background. */
	if (t->kind != THEME_NONE)
		assume_default_colors(base->fg, base->bg);
	for (r = 0; r < C_ROLES; r++) {
		const struct theme_style *st = theme_style(t->kind, t->id, r);

		t->attr[r] = tty_attr(st->attr);
		t->pair[r] = 0;
		if (t->kind != THEME_NONE && r > 0 && r < COLOR_PAIRS &&
		    (st->fg >= 0 || st->bg >= 0) && init_pair((short)r, st->fg, st->bg) == OK)
			t->pair[r] = (short)r;
	}
}

static void
tty_colours(struct tty *t, enum theme_kind want)
{
	t->kind = THEME_NONE;
	if (want != THEME_NONE && has_colors() && start_color() == OK) {
		use_default_colors();
		t->kind = want == THEME_256 && COLORS >= 256 ? THEME_256 : THEME_8;
	}
	tty_pairs(t);
}

void
tty_set_theme(struct tty *t, enum theme_id id)
{
	t->id = id;
	tty_pairs(t);
	/* Every cell is sent again in the new colours. */
	clearok(curscr, TRUE);
}

struct tty *
tty_open(enum theme_kind want, enum theme_id id, enum theme_kind *kind, char **err)
{
	static int registered;
	struct tty *t;
	struct sigaction sa;
	int i;

	*err = NULL;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*err = strdup(_("the interactive trainer needs a terminal (use --headless to "
		    "train without one)"));
		return NULL;
	}
	t = calloc(1, sizeof *t);
	if (t == NULL) {
		*err = strdup("out of memory");
		return NULL;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tty_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 4; i++)
		sigaction(tty_signals[i], &sa, &t->old[i]);
	if (tcgetattr(STDIN_FILENO, &tty_saved_modes) == 0) {
		tty_have_modes = 1;
		sa.sa_handler = tty_on_crash;
		sa.sa_flags = SA_RESETHAND;
		for (i = 0; i < 5; i++)
			sigaction(tty_crash_signals[i], &sa, NULL);
	}
	t->scr = newterm(NULL, stdout, stdin);
	if (t->scr == NULL) {
		const char *term = getenv("TERM");
		char buf[200];

		for (i = 0; i < 4; i++)
			sigaction(tty_signals[i], &t->old[i], NULL);
		snprintf(buf, sizeof buf, _("cannot use the terminal (TERM=%s); use --headless"),
		    term ? term : "");
		*err = strdup(buf);
		free(t);
		return NULL;
	}
	t->open = 1;
	tty_current = t;
	/* A terminal that cannot place the cursor (TERM=dumb) cannot show a screen. */
	{
		char *cup = tigetstr("cup");

		if (cup == NULL || cup == (char *)-1) {
			const char *term = getenv("TERM");
			char buf[200];

			snprintf(buf, sizeof buf, _("this terminal (TERM=%s) cannot place the cursor; use "
			    "--headless (with --screen WxH to see the screen as text)"), term ? term : "");
			tty_close(t);
			*err = strdup(buf);
			return NULL;
		}
	}
	if (!registered) {
		atexit(tty_atexit);
		registered = 1;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
	t->id = id;
	tty_colours(t, want);
	*kind = t->kind;
	return t;
}

void
tty_close(struct tty *t)
{
	int i;

	if (t == NULL)
		return;
	if (t->open) {
		endwin();
		t->open = 0;
		for (i = 0; i < 4; i++)
			sigaction(tty_signals[i], &t->old[i], NULL);
	}
	if (t->scr != NULL) {
		delscreen(t->scr);
		t->scr = NULL;
	}
	if (tty_current == t)
		tty_current = NULL;
	free(t);
}

void
tty_size(struct tty *t, int *w, int *h)
{
	int y, x;

	(void)t;
	getmaxyx(stdscr, y, x);
	*w = x;
	*h = y;
}

void
tty_draw(struct tty *t, const struct canvas *c)
{
	int x, y, w, h;
	cchar_t cc;
	wchar_t wc[2] = { 0, 0 };

	getmaxyx(stdscr, h, w);
	if (w > c->w)
		w = c->w;
	if (h > c->h)
		h = c->h;
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			const struct cell *p = &c->cells[(long)y * c->w + x];
			int role = p->role < C_ROLES ? p->role : 0;

			if (p->width == 0)
				continue;
			if (p->width == 2 && x + 1 >= w)
				wc[0] = ' ';
			else
				wc[0] = (wchar_t)p->cp;
			setcchar(&cc, wc, t->attr[role] | tty_attr(p->attr), t->pair[role], NULL);
			mvadd_wch(y, x, &cc);
		}
	wnoutrefresh(stdscr);
	doupdate();
}

int
tty_read(struct tty *t, int timeout_ms, struct tty_event *ev)
{
	wint_t ch;
	int r;
	MEVENT me;

	(void)t;
	memset(ev, 0, sizeof *ev);
	wtimeout(stdscr, timeout_ms);
	r = wget_wch(stdscr, &ch);
	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES) {
		switch (ch) {
		case KEY_UP: ev->key = TK_UP; break;
		case KEY_DOWN: ev->key = TK_DOWN; break;
		case KEY_LEFT: ev->key = TK_LEFT; break;
		case KEY_RIGHT: ev->key = TK_RIGHT; break;
		case KEY_ENTER: ev->key = TK_ENTER; break;
		case KEY_BTAB: ev->key = TK_BTAB; break;
		case KEY_BACKSPACE: ev->key = TK_BACKSPACE; break;
		case KEY_PPAGE: ev->key = TK_PGUP; break;
		case KEY_NPAGE: ev->key = TK_PGDN; break;
		case KEY_HOME: ev->key = TK_HOME; break;
		case KEY_END: ev->key = TK_END; break;
		case KEY_RESIZE: ev->key = TK_RESIZE; break;
		case KEY_MOUSE:
			if (getmouse(&me) != OK || !(me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
				return 0;
			ev->key = TK_MOUSE;
			ev->x = me.x;
			ev->y = me.y;
			break;
		default:
			return 0;
		}
		return 1;
	}
	switch (ch) {
	case '\n':
	case '\r':
		ev->key = TK_ENTER;
		break;
	case '\t':
		ev->key = TK_TAB;
		break;
	case 27:
		ev->key = TK_ESC;
		break;
	case 8:
	case 127:
		ev->key = TK_BACKSPACE;
		break;
	default:
		ev->key = (int)ch;
		break;
	}
	return 1;
}
