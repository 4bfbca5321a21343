/* Runs one loaded model from many threads at once, each with its own inputs
 * and outputs, and checks every output against the result of a run made
 * alone beforehand (bit for bit: the pool changes which thread computes a
 * chunk, never the arithmetic). Some threads change the pool's thread
 * count between runs, so runs also race with pool resizing.
 *
 *   stress MODEL.so THREADS RUNS
 *
 * Prints "THREADS threads x RUNS runs: N outputs checked, M mismatches" and
 * exits 1 on any mismatch or error. Only float32 inputs/outputs. */
#include "nd4j-mlir/Runtime/nd4j_runtime.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TENSORS 16

static nd4j_model *model;
static int runsPerThread;
static int64_t numInputs, numOutputs;

typedef struct {
  int id;
  nd4j_tensor *inputs[MAX_TENSORS];
  nd4j_tensor *outputs[MAX_TENSORS];
  float *expected[MAX_TENSORS];
  long checked, mismatches, errors;
} Worker;

static uint32_t nextRandom(uint32_t *state) {
  *state = *state * 1664525u + 1013904223u;
  return *state;
}

static int setUp(Worker *w) {
  uint32_t seed = 12345u + 977u * (uint32_t)w->id;
  for (int64_t i = 0; i < numInputs; ++i) {
    if (nd4j_tensor_create(nd4j_model_input_dtype(model, i),
                           nd4j_model_input_rank(model, i),
                           nd4j_model_input_shape(model, i), &w->inputs[i]))
      return 1;
    float *data = nd4j_tensor_data(w->inputs[i]);
    for (int64_t k = 0; k < nd4j_tensor_num_elements(w->inputs[i]); ++k)
      data[k] = (float)(nextRandom(&seed) >> 8) / 16777216.0f - 0.5f;
  }
  for (int64_t i = 0; i < numOutputs; ++i)
    if (nd4j_tensor_create(nd4j_model_output_dtype(model, i),
                           nd4j_model_output_rank(model, i),
                           nd4j_model_output_shape(model, i), &w->outputs[i]))
      return 1;
  /* The reference: a run alone. */
  if (nd4j_run(model, w->inputs, numInputs, w->outputs, numOutputs))
    return 1;
  for (int64_t i = 0; i < numOutputs; ++i) {
    size_t bytes = nd4j_tensor_byte_size(w->outputs[i]);
    w->expected[i] = malloc(bytes);
    memcpy(w->expected[i], nd4j_tensor_data(w->outputs[i]), bytes);
  }
  return 0;
}

static void *work(void *arg) {
  Worker *w = arg;
  for (int r = 0; r < runsPerThread; ++r) {
    if (w->id % 3 == 1 && r % 4 == 0)
      nd4j_set_num_threads(1 + (r / 4) % 3); /* 1, 2 or 3 threads */
    if (w->id % 3 == 2 && r % 5 == 0)
      nd4j_set_num_threads(0); /* back to the default */
    for (int64_t i = 0; i < numOutputs; ++i)
      memset(nd4j_tensor_data(w->outputs[i]), 0xff,
             nd4j_tensor_byte_size(w->outputs[i]));
    if (nd4j_run(model, w->inputs, numInputs, w->outputs, numOutputs)) {
      fprintf(stderr, "thread %d run %d: %s\n", w->id, r, nd4j_last_error());
      ++w->errors;
      continue;
    }
    for (int64_t i = 0; i < numOutputs; ++i) {
      ++w->checked;
      if (memcmp(nd4j_tensor_data(w->outputs[i]), w->expected[i],
                 nd4j_tensor_byte_size(w->outputs[i])) != 0)
        ++w->mismatches;
    }
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: stress MODEL.so THREADS RUNS\n");
    return 2;
  }
  int threads = atoi(argv[2]);
  runsPerThread = atoi(argv[3]);
  if (threads < 1 || threads > 64 || runsPerThread < 1)
    return 2;
  if (nd4j_model_open(argv[1], &model)) {
    fprintf(stderr, "%s\n", nd4j_last_error());
    return 1;
  }
  numInputs = nd4j_model_num_inputs(model);
  numOutputs = nd4j_model_num_outputs(model);
  if (numInputs > MAX_TENSORS || numOutputs > MAX_TENSORS)
    return 2;
  Worker *workers = calloc((size_t)threads, sizeof(Worker));
  for (int t = 0; t < threads; ++t) {
    workers[t].id = t;
    if (setUp(&workers[t])) {
      fprintf(stderr, "set-up: %s\n", nd4j_last_error());
      return 1;
    }
  }
  pthread_t ids[64];
  for (int t = 0; t < threads; ++t)
    pthread_create(&ids[t], NULL, work, &workers[t]);
  long checked = 0, mismatches = 0, errors = 0;
  for (int t = 0; t < threads; ++t) {
    pthread_join(ids[t], NULL);
    checked += workers[t].checked;
    mismatches += workers[t].mismatches;
    errors += workers[t].errors;
  }
  printf("%d threads x %d runs: %ld outputs checked, %ld mismatches, %ld "
         "errors\n",
         threads, runsPerThread, checked, mismatches, errors);
  for (int t = 0; t < threads; ++t)
    for (int64_t i = 0; i < numOutputs; ++i) {
      nd4j_tensor_destroy(workers[t].outputs[i]);
      free(workers[t].expected[i]);
    }
  for (int t = 0; t < threads; ++t)
    for (int64_t i = 0; i < numInputs; ++i)
      nd4j_tensor_destroy(workers[t].inputs[i]);
  free(workers);
  nd4j_model_close(model);
  return mismatches || errors ? 1 : 0;
}
