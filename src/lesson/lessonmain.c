/*
 * lessonmain.c: `nnstep lesson NAME|FILE` (the interactive player in the
 * terminal UI, or with --headless a replay that checks every expect) and
 * `nnstep --list-lessons`.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/options.h"
#include "lesson/front.h"
#include "lesson/lesson.h"
#include "lesson/lutil.h"
#include "lesson/player.h"
#include "util/i18n.h"

/* The lesson in the terminal UI (tuiplay.c): the learner's keys drive p;
 * returns the exit status. */
int tui_lesson(struct options *o, struct lesson_player *p);

/* The screen of a stop as text (tuiplay.c). */
struct lesson_screen;
struct lesson_screen *lesson_screen_new(void);
void lesson_screen_free(struct lesson_screen *ls);
int lesson_screen_print(struct lesson_screen *ls, struct lesson_player *p, int w, int h,
    int ascii, FILE *out);

/* The folder above dir ("lessons" -> ".", "/a/b/lessons" -> "/a/b"). */
static char *
parent_of(const char *dir)
{
	size_t n = strlen(dir);
	const char *last;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	last = dir + n;
	while (last > dir && last[-1] != '/')
		last--;
	if ((dir + n - last == 1 && last[0] == '.') ||
	    (dir + n - last == 2 && last[0] == '.' && last[1] == '.'))
		return xasprintf("%.*s/..", (int)n, dir);
	if (last == dir)
		return xstrdup(".");
	if (last - 1 == dir)
		return xstrdup("/");
	return xstrndup(dir, (size_t)(last - 1 - dir));
}

/* The lesson's name for people: the file name without folder and .lesson. */
static char *
lesson_stem(const char *path)
{
	const char *b = strrchr(path, '/');
	size_t n;

	b = b ? b + 1 : path;
	n = strlen(b);
	if (n > 7 && strcmp(b + n - 7, ".lesson") == 0)
		n -= 7;
	return xstrndup(b, n);
}

/* Is the lesson Korean: in a folder named ko, or titled in Hangul? */
static int
is_korean_lesson(const struct lesson *l, const char *folder)
{
	const char *base = strrchr(folder, '/');

	base = base ? base + 1 : folder;
	return strcmp(base, "ko") == 0 || i18n_is_korean(l->title);
}

/* Parses the lesson named by the command line; NULL after a message. */
static struct lesson *
open_lesson(const struct options *o, char **stem, int *status)
{
	const char *lang = o->lang ? o->lang : i18n_lang();
	struct lesson_env env = { 0 };
	char *path, *err = NULL, *dir, *folder, *root = NULL, *slash;
	struct lesson *l;

	*stem = NULL;
	path = lesson_find(o->command_arg, lang, &err);
	if (path == NULL) {
		fprintf(stderr, "nnstep: %s\n", err);
		free(err);
		*status = 2;
		return NULL;
	}
	slash = strrchr(path, '/');
	folder = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	dir = lesson_dir();
	if (dir)
		root = parent_of(dir);
	env.lesson_dir = folder;
	env.data_root = root;
	env.check_files = 1;
	l = lesson_load(path, &env, &err);
	if (l == NULL) {
		fprintf(stderr, "%s\n", err);
		free(err);
		*status = 1;
	} else {
		*stem = lesson_stem(path);
		/* A Korean lesson speaks Korean all over, unless --lang says. */
		if (o->lang == NULL && is_korean_lesson(l, folder))
			i18n_set_lang("ko");
	}
	free(root);
	free(dir);
	free(folder);
	free(path);
	return l;
}

static void
print_events(const struct lesson_player *p, const struct lesson *l, int *seen, int quiet)
{
	for (; *seen < player_nevents(p); (*seen)++) {
		const struct player_event *e = player_event(p, *seen);

		if (e->kind == PEV_FAIL)
			fprintf(stderr, "%s:%d: %s\n", l->file, e->line, e->text);
		else if (!quiet)
			printf("%s:%d: %s%s\n", l->file, e->line, e->kind == PEV_NOTE ? _("note: ") : "",
			    e->text);
	}
}

/* Plays the lesson without a terminal: every directive, every expect; with
 * --screen WxH, the screen of every stop. */
static int
lesson_replay(const struct options *o, const struct lesson *l, const char *stem)
{
	struct lesson_player *p = player_new(l);
	struct lesson_screen *ls = o->screen_w > 0 ? lesson_screen_new() : NULL;
	static const int stops[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	int seen = 0, state, status;
	struct sigaction sa;
	size_t i;

	/* A signal stops the lesson at its next batch: its files are removed. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = player_interrupt;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof stops / sizeof stops[0]; i++)
		sigaction(stops[i], &sa, NULL);
	if (!o->quiet)
		printf(_("lesson %s: %s\n"), stem, l->title);
	do {
		state = player_next_pause(p);
		print_events(p, l, &seen, o->quiet);
		if (ls && state != PLAYER_ERROR) {
			printf(_("lesson %s: stop %d/%d\n"), stem, player_stop(p), player_nstops(p));
			fflush(stdout);
			lesson_screen_print(ls, p, o->screen_w, o->screen_h, o->ascii, stdout);
			printf("\f\n");
		}
	} while (state != PLAYER_END && state != PLAYER_ERROR);
	lesson_screen_free(ls);
	if (state == PLAYER_ERROR)
		fprintf(stderr, "%s\n", player_error(p));
	printf(_("lesson %s: %d expects passed, %d failed\n"), stem, player_passed(p),
	    player_failed(p));
	fflush(stdout);
	status = state == PLAYER_ERROR || player_failed(p) > 0 ? 1 : 0;
	player_free(p);
	if (player_interrupted())
		status = 128 + player_interrupted();
	return status;
}

int
lesson_main(struct options *o)
{
	struct lesson *l;
	char *stem = NULL;
	int status = 0;

	l = open_lesson(o, &stem, &status);
	if (l == NULL)
		goto out;
	if (o->headless) {
		status = lesson_replay(o, l, stem);
	} else if (strcmp(i18n_lang(), "ko") == 0 && i18n_require_utf8() != 0) {
		status = 1;
	} else {
		struct lesson_player *p = player_new(l);

		status = tui_lesson(o, p);
		player_free(p);
	}
out:
	lesson_free(l);
	free(stem);
	return status;
}

int
lesson_list(struct options *o)
{
	const char *lang = o->lang ? o->lang : i18n_lang();
	struct lesson_env env = { 0 };
	char *dir, *folder, **names;
	int n, i, width = 0, status = 0;

	dir = lesson_dir();
	if (dir == NULL) {
		fprintf(stderr, _("nnstep: no lessons folder found (looked at $NNSTEP_LESSONS, "
		    "./lessons, <program folder>/../share/nnstep/lessons and %s/lessons)\n"),
		    NNSTEP_SHAREDIR);
		return 1;
	}
	folder = xasprintf("%s/%s", dir, lang);
	names = lesson_names(folder, &n);
	if (names == NULL) {
		fprintf(stderr, _("nnstep: no lessons in %s\n"), folder);
		free(folder);
		free(dir);
		return 1;
	}
	for (i = 0; i < n; i++)
		if ((int)strlen(names[i]) > width)
			width = (int)strlen(names[i]);
	env.lesson_dir = folder;
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s.lesson", folder, names[i]), *err = NULL;
		struct lesson *l = lesson_load(path, &env, &err);

		if (l) {
			printf("%-*s  %s\n", width, names[i], l->title);
		} else {
			fprintf(stderr, "%s\n", err);
			status = 1;
		}
		lesson_free(l);
		free(err);
		free(path);
		free(names[i]);
	}
	free(names);
	free(folder);
	free(dir);
	return status;
}
