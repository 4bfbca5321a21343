/*===- use_runtime.c - a C program using the installed runtime ---*- C -*-===//
 *
 * Compiled as C99 against the installed headers and library by
 * install.test: it proves the public header is valid C and that the
 * installed files are enough to load and run a model. It runs the fake
 * model add.so (sum = x + y over f32[2,3]) given as argv[1].
 *
 *===----------------------------------------------------------------------===*/

#include "nd4j-mlir/Runtime/nd4j_runtime.h"

#include <stdio.h>

static int check(nd4j_status status, const char *what) {
  if (status != ND4J_STATUS_OK)
    fprintf(stderr, "%s: %s: %s\n", what, nd4j_status_string(status),
            nd4j_last_error());
  return status != ND4J_STATUS_OK;
}

int main(int argc, char **argv) {
  nd4j_model *model = NULL;
  if (argc != 2 || check(nd4j_model_open(argv[1], &model), "open"))
    return 1;
  for (int64_t i = 0; i < nd4j_model_num_inputs(model); ++i)
    printf("input %s %s rank %d\n", nd4j_model_input_name(model, i),
           nd4j_dtype_name(nd4j_model_input_dtype(model, i)),
           (int)nd4j_model_input_rank(model, i));

  float x[6] = {1, 2, 3, 4, 5, 6}, y[6] = {10, 20, 30, 40, 50, 60};
  int64_t shape[2] = {2, 3};
  nd4j_tensor *inputs[2] = {NULL, NULL};
  nd4j_tensor *outputs[1] = {NULL};
  if (check(nd4j_tensor_wrap(ND4J_DTYPE_F32, 2, shape, x, &inputs[0]), "x") ||
      check(nd4j_tensor_wrap(ND4J_DTYPE_F32, 2, shape, y, &inputs[1]), "y") ||
      check(nd4j_run(model, inputs, 2, outputs, 1), "run"))
    return 1;
  const float *sum = (const float *)nd4j_tensor_data(outputs[0]);
  printf("sum:");
  for (int i = 0; i < 6; ++i)
    printf(" %g", sum[i]);
  printf("\n");

  /* A tensor of the wrong shape is an error with a message. */
  int64_t wrong[1] = {6};
  nd4j_tensor *flat = NULL;
  check(nd4j_tensor_wrap(ND4J_DTYPE_F32, 1, wrong, x, &flat), "flat");
  inputs[1] = flat;
  if (nd4j_run(model, inputs, 2, outputs, 1) == ND4J_STATUS_MISMATCH)
    printf("error: %s\n", nd4j_last_error());

  nd4j_tensor_destroy(flat);
  nd4j_tensor_destroy(outputs[0]);
  nd4j_tensor_destroy(inputs[0]);
  nd4j_model_close(model);
  return 0;
}
