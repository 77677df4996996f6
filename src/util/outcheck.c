/* outcheck.c: fds 0-2 always open, stdout's write errors reported. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/outcheck.h"

void
outcheck_init(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
			/* open() returns the lowest free number: this one. */
			int got = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);

			if (got >= 0 && got != fd)
				close(got);
		}
	signal(SIGPIPE, SIG_IGN);
}

/* A pipe or a socket fails only when its reader has gone. */
static int
outcheck_reader_gone(int err)
{
	struct stat st;

	if (err == EPIPE)
		return 1;
	return fstat(STDOUT_FILENO, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

int
outcheck_finish(int status)
{
	int err = 0, failed;

	errno = 0;
	failed = fflush(stdout) != 0;
	if (failed)
		err = errno;
	failed |= ferror(stdout);
	if (!failed || outcheck_reader_gone(err))
		return status;
	/* The reason of an earlier failed write is known only when this one failed too. */
	fprintf(stderr, _("nnstep: cannot write the standard output: %s\n"),
	    err ? strerror(err) : _("write error"));
	return status == 0 ? 1 : status;
}
