/* atomic.c: write a temporary file, flush it to disk, rename it. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/atomic.h"
#include "util/xmalloc.h"

int
atomic_write(const char *path, int (*write)(FILE *f, void *user), void *user, char **err)
{
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	FILE *f;
	int rc, saved;

	*err = NULL;
	f = fopen(tmp, "w");
	if (f == NULL) {
		*err = xasprintf("%s: cannot save: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	rc = write(f, user);
	if (ferror(f) || fflush(f) != 0 || fsync(fileno(f)) != 0)
		rc = -1;
	saved = errno;
	if (fclose(f) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc != 0) {
		if (errno == 0)
			errno = saved;
		*err = xasprintf("%s: cannot save: %s", path, errno ? strerror(errno) :
		    "write error");
		unlink(tmp);
	}
	free(tmp);
	return rc;
}
