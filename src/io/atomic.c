/* atomic.c: write a temporary file, flush it to disk, rename it. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/atomic.h"
#include "util/xmalloc.h"

#define ATOMIC_MAX_LINKS 40	/* symbolic links followed, as the kernel does */

/* The folder part of path ("." when it has none); malloc'd. */
static char *
atomic_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xasprintf("%.*s", (int)(slash - path), path);
}

/*
 * The file a save really replaces: path with its symbolic links followed
 * (the link stays, its target is replaced). NULL with *why when that file
 * exists and is not a regular file: renaming over a device, a FIFO or a
 * folder would replace it with a regular file.
 */
static char *
atomic_target(const char *path, const char **why, struct stat *st, int *exists)
{
	char *p = xstrdup(path);
	int hops;

	*exists = 0;
	for (hops = 0; hops <= ATOMIC_MAX_LINKS; hops++) {
		char link[PATH_MAX];
		ssize_t n;
		char *dir, *next;

		if (lstat(p, st) != 0) {
			if (errno == ENOENT)
				return p;	/* a new file */
			*why = strerror(errno);
			free(p);
			return NULL;
		}
		if (!S_ISLNK(st->st_mode)) {
			if (!S_ISREG(st->st_mode)) {
				*why = "it is not a regular file (expected a file or a new name)";
				free(p);
				return NULL;
			}
			*exists = 1;
			return p;
		}
		n = readlink(p, link, sizeof link - 1);
		if (n < 0) {
			*why = strerror(errno);
			free(p);
			return NULL;
		}
		link[n] = '\0';
		dir = atomic_dir(p);
		next = link[0] == '/' ? xstrdup(link) : xasprintf("%s/%s", dir, link);
		free(dir);
		free(p);
		p = next;
	}
	*why = strerror(ELOOP);
	free(p);
	return NULL;
}

/* The mode a new file gets from the umask (read without changing it for
 * long: the program has one thread). */
static mode_t
atomic_new_mode(void)
{
	mode_t mask = umask(022);

	umask(mask);
	return 0666 & ~mask;
}

/* A rename is durable once the folder that holds the name is on disk too. */
static void
atomic_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int
atomic_check(const char *path, char **err)
{
	const char *why = NULL;
	struct stat st;
	int exists;
	char *target = atomic_target(path, &why, &st, &exists);

	*err = NULL;
	if (target == NULL) {
		*err = xasprintf("%s: cannot save: %s", path, why);
		return -1;
	}
	free(target);
	return 0;
}

int
atomic_write(const char *path, int (*write)(FILE *f, void *user), void *user, char **err)
{
	static const int stops[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	const char *why = NULL, *slash;
	char *target, *dir, *tmp;
	sigset_t block, old;
	struct stat st;
	FILE *f = NULL;
	int rc = -1, fd, exists, saved = 0;
	size_t i;

	*err = NULL;
	target = atomic_target(path, &why, &st, &exists);
	if (target == NULL) {
		*err = xasprintf("%s: cannot save: %s", path, why);
		return -1;
	}
	dir = atomic_dir(target);
	slash = strrchr(target, '/');
	tmp = xasprintf("%s/.%s.XXXXXX", dir, slash ? slash + 1 : target);
	/* A signal that would end the program waits until the temporary file
	 * is renamed or removed, so no interrupted save leaves one behind. */
	sigemptyset(&block);
	for (i = 0; i < sizeof stops / sizeof stops[0]; i++)
		sigaddset(&block, stops[i]);
	sigprocmask(SIG_BLOCK, &block, &old);
	/* mkstemp creates a new name (O_EXCL): nothing planted there is followed. */
	fd = mkstemp(tmp);
	if (fd < 0) {
		saved = errno;
		goto out;
	}
	if (fchmod(fd, exists ? st.st_mode & 07777 : atomic_new_mode()) != 0 ||
	    (f = fdopen(fd, "w")) == NULL) {
		saved = errno;
		close(fd);
		unlink(tmp);
		goto out;
	}
	errno = 0;
	rc = write(f, user);
	if (ferror(f) || fflush(f) != 0 || fsync(fileno(f)) != 0)
		rc = -1;
	saved = errno;
	if (fclose(f) != 0) {
		rc = -1;
		saved = saved ? saved : errno;
	}
	if (rc == 0 && rename(tmp, target) != 0) {
		rc = -1;
		saved = errno;
	}
	if (rc == 0)
		atomic_sync_dir(dir);
	else
		unlink(tmp);
out:
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (rc != 0)
		*err = xasprintf("%s: cannot save: %s", path, saved ? strerror(saved) :
		    "write error");
	free(tmp);
	free(dir);
	free(target);
	return rc;
}
