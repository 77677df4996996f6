/*
 * dataset.h: tabular data ready for training.
 *
 * A data set is built in two steps. First a *table* (named columns of numbers
 * or text) is read from a CSV file or made by a generator. Then
 * dataset_build() types and encodes it, splits it into train / validation /
 * test, fills or drops missing values, fits the scaler on the training split
 * only and applies it to all three.
 *
 * Everything in a built dataset is plain arrays of double, row-major, so the
 * engine can read them without knowing where they came from. The
 * preprocessing (column encodings, classes, scaler) is kept in struct prep so
 * that a checkpoint can store it and apply it to new data later.
 */
#ifndef NNSTEP_DATASET_H
#define NNSTEP_DATASET_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Limits that keep a hostile file from exhausting memory. */
#define DATA_MAX_COLUMNS 4096
#define DATA_MAX_ROWS 2000000
#define DATA_MAX_FIELD (1 << 20)      /* bytes in one field */
#define DATA_MAX_CATEGORIES 1024      /* distinct values of one text column */
#define DATA_MAX_INPUTS 4096          /* encoded inputs: a network's (NET_MAX_UNITS) */
#define DATA_MAX_INT_CLASSES 20       /* integer targets with more values are numbers */

enum task {
	TASK_AUTO = 0,   /* decide from the target column */
	TASK_REGRESS,    /* one numeric output per target */
	TASK_BINARY,     /* one 0/1 output */
	TASK_MULTICLASS  /* K one-hot outputs */
};

enum scale_kind { SCALE_STANDARD = 0, SCALE_MINMAX, SCALE_NONE };
enum missing_policy { MISSING_ERROR = 0, MISSING_DROP, MISSING_MEAN };

/* ------------------------------------------------------------------ table */

struct column {
	char *name;
	int is_text;          /* 1: text values in text[], 0: numbers in num[] */
	double *num;          /* nrows numbers; NAN marks a missing cell */
	char **text;          /* nrows strings; NULL marks a missing cell */
};

struct table {
	char *source;         /* file name or generator name, for messages */
	int ncols;
	long nrows;
	struct column *cols;
	long *line;           /* nrows: 1-based line in the source where each row starts */
};

/* Reads a CSV file with a header row through libcsv. Returns NULL and sets
 * *err (malloc'd, "FILE:LINE:COLUMN: what (expected ...)") on any problem. */
struct table *table_read_csv(const char *path, char **err);
/* The same from a buffer in memory (used by tests and the fuzzer); name is
 * used in messages. */
struct table *table_parse_csv(const char *name, const char *buf, size_t len, char **err);
void table_free(struct table *t);
/* Writes the table as CSV (header row, numbers in the shortest of %.15g,
 * %.16g, %.17g that reads back exactly, missing cells empty, quoting as
 * needed, LF line ends). Returns 0, or -1 with *err. */
int table_write_csv(const struct table *t, FILE *out, char **err);

/* ------------------------------------------------------- preprocessing */

struct prep_column {           /* one input column of the source table */
	char *name;
	int is_text;
	int ncat;                  /* text: number of categories (sorted) */
	char **cats;               /* text: category names, sorted (strcmp) */
	double fill;               /* numeric: value used by --missing mean
	                              (training mean); text: index in cats of
	                              the category used (most frequent) */
};

struct prep {
	enum task task;
	char *target;              /* target column name */
	int nclasses;              /* classification: number of classes */
	char **classes;            /* class names, sorted (text by strcmp, numbers
	                              numerically, printed in the shortest form
	                              that reads back: "0", "1", "2.5") */
	int ncols;                 /* input columns of the source (target excluded) */
	struct prep_column *cols;
	int ninputs;               /* width after one-hot encoding */
	char **input_names;        /* ninputs names: "age", "contract=monthly" */
	enum scale_kind scale;
	double *offset;            /* ninputs: x' = (x - offset) / scale */
	double *scalev;            /* ninputs; never 0 (constant columns get 1) */
};

void prep_free(struct prep *p);
/* Deep copy; returns NULL only when p is NULL. */
struct prep *prep_copy(const struct prep *p);

/* ------------------------------------------------------------ dataset */

struct split {
	long n;                    /* rows */
	double *x;                 /* n * ninputs, encoded and scaled */
	double *y;                 /* n * noutputs: 0/1 (binary), one-hot, or values */
	int *label;                /* n class indices (classification), else NULL */
	double *w;                 /* n sample weights from the class weights (1 by default) */
	long *row;                 /* n: index of the row in the source table */
};

struct data_options {
	const char *target;        /* column name or 1-based index; NULL = last column */
	enum task task;            /* TASK_AUTO decides from the target */
	double split[3];           /* train, val, test fractions; {1,0,0} keeps file order */
	enum scale_kind scale;
	enum missing_policy missing;
	int class_weight_auto;     /* 1: inverse frequency on train, mean 1 */
	int nclass_weights;        /* > 0: explicit weights, one per class */
	double class_weights[64];
	uint64_t seed;             /* for the split */
	int image_h, image_w;      /* --image HxW: the inputs are an image (0: not) */
	const long *rows[3];       /* when rows[0] is not NULL: the table rows
	                              (0-based, in order) of train, val and test,
	                              used instead of a fresh split (resuming) */
	long nrows[3];
};

struct dataset {
	char *name;                /* "moons", "iris.csv", ... */
	char *origin;              /* the CSV file as given, or NULL */
	char *gen_args;            /* or the `nnstep gen` arguments that make it */
	struct prep *prep;         /* how raw rows became x and y */
	int ninputs;
	int noutputs;              /* 1 (binary / one regression target) or K classes */
	enum task task;
	struct split train, val, test;
	double class_weight[64];   /* per class weight in use (1 when none) */
	int integer_labels;        /* 1: a numeric target of 3 to 20 integer
	                              values was taken for classes */
	/* what the split, class weights and missing values were made with,
	 * so that a checkpoint can record them */
	double split[3];
	uint64_t split_seed;
	enum missing_policy missing;
	int class_weight_auto;     /* 1: auto; else explicit when nclass_weights > 0 */
	int nclass_weights;
	int image_h, image_w;      /* inputs are an image_h x image_w picture in
	                              row order (0 when they are not) */
};

/* Fills o with the defaults: last column, auto task, split 0.7/0.15/0.15,
 * standard scaling, missing values are an error, no class weights, seed 1. */
void data_options_default(struct data_options *o);

/* Builds a dataset from a table. When fixed is not NULL, its encodings,
 * classes and scaler are used instead of being fit (applying a saved model
 * to new data); an unknown category or class is then an error. Returns NULL
 * and sets *err ("FILE:LINE:COLUMN: what (expected ...)" where a cell is to
 * blame) on failure. The table is not modified and may be freed after. */
struct dataset *dataset_build(const struct table *t, const struct data_options *o,
    const struct prep *fixed, char **err);
void dataset_free(struct dataset *d);

/* The built-in XOR set: four points, all in train, inputs 0/1, binary target. */
struct dataset *dataset_xor(void);

/* ---------------------------------------------------------- generators */

struct gen_options {
	long samples;              /* 0 = the generator's default */
	double noise;              /* < 0 = the generator's default */
	int classes;               /* spiral, blobs: number of classes (0 = default) */
	uint64_t seed;
};

/* Names: xor, circles, moons, spiral, blobs, churn. Returns NULL and *err
 * for an unknown name or bad options. */
struct table *gen_table(const char *name, const struct gen_options *o, char **err);
/* NULL-terminated list of generator names, for --help and errors. */
extern const char *const gen_names[];
/* How the generator's target is meant to be learnt: TASK_BINARY or
 * TASK_MULTICLASS (spiral, blobs: their numeric labels 0..K-1 would be
 * taken for a regression target by TASK_AUTO); TASK_AUTO for an unknown
 * name. */
enum task gen_task(const char *name);

/* ------------------------------------------------- editing the training split */

/* Adds one row to the training split of a classification set: x holds
 * ninputs numbers in the scaled coordinates the network sees (the data
 * panel's axes), label a class 0..nclasses-1; y is its one-hot (or 0/1)
 * target, w the class's weight, and its source row -1 (made by hand).
 * Returns 0, or -1 with *err (static text). */
int dataset_train_add(struct dataset *d, const double *x, int label, const char **err);
/* Removes training row i; the rows after it move up one. Returns 0, or -1
 * with *err when i is out of range or it is the last row left. */
int dataset_train_remove(struct dataset *d, long i, const char **err);
/* The training row nearest (x0, x1) in the first two inputs, or -1. */
long dataset_train_nearest(const struct dataset *d, double x0, double x1);

#endif
