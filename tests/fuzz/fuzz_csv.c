/* fuzz_csv.c: the CSV loader and the dataset builder on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "data/dataset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct data_options o;
	struct table *t;
	struct dataset *d;
	char *err = NULL;

	t = table_parse_csv("fuzz.csv", (const char *)data, size, &err);
	free(err);
	err = NULL;
	if (t == NULL)
		return 0;
	data_options_default(&o);
	o.missing = size % 3 == 0 ? MISSING_MEAN : (size % 3 == 1 ? MISSING_DROP : MISSING_ERROR);
	d = dataset_build(t, &o, NULL, &err);
	free(err);
	dataset_free(d);
	table_free(t);
	return 0;
}
