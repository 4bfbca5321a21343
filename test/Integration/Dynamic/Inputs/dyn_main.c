/*===- dyn_main.c - call an ABI 2 library through its generated header ----===//
 *
 * The dynamic-batch MLP of make_dynamic_models.py (y = softmax(tanh(x w +
 * b)), x [N, 6]) called at batches 1 and 5 with nd4j_model_run_v2: the
 * model returns buffers it allocated and their shapes; each row must sum to
 * 1 and equal the row of the same sample in the other batch. The outputs
 * are released with nd4j_model_free.
 *
 *===----------------------------------------------------------------------===*/
#include "mlp.h"

#include <math.h>
#include <stdio.h>

static float sample(int n, int k) { return (float)sin(0.7 * n + 0.3 * k); }

static float *run(int batch, int64_t shape[2], void **alloc) {
  static float x[5 * 6];
  for (int n = 0; n < batch; ++n)
    for (int k = 0; k < 6; ++k)
      x[n * 6 + k] = sample(n, k);
  int64_t xShape[2] = {batch, 6};
  void *ins[] = {x};
  const int64_t *inShapes[] = {xShape};
  void *outs[1] = {0};
  void *allocs[1] = {0};
  int64_t *outShapes[] = {shape};
  if (nd4j_model_run_v2(ins, inShapes, outs, allocs, outShapes, 0) != 0)
    return 0;
  *alloc = allocs[0];
  return (float *)outs[0];
}

int main(void) {
  static const long xs[] = MLP_INPUT0_SHAPE;
  printf("input %s[%ld,%ld] count %ld\n", MLP_INPUT0_NAME, xs[0], xs[1],
         (long)MLP_INPUT0_COUNT);
  int64_t s1[2] = {0, 0}, s5[2] = {0, 0};
  void *a1 = 0, *a5 = 0;
  float *y1 = run(1, s1, &a1);
  float *y5 = run(5, s5, &a5);
  if (!y1 || !y5) {
    printf("run failed\n");
    return 1;
  }
  printf("shapes [%ld,%ld] [%ld,%ld]\n", (long)s1[0], (long)s1[1],
         (long)s5[0], (long)s5[1]);
  double worst = 0;
  for (int n = 0; n < 5; ++n) {
    double sum = 0;
    for (int j = 0; j < 5; ++j)
      sum += y5[n * 5 + j];
    worst = fmax(worst, fabs(sum - 1));
  }
  for (int j = 0; j < 5; ++j)
    worst = fmax(worst, fabs(y1[j] - y5[j]));
  printf("worst %g %s\n", worst, worst < 1e-5 ? "OK" : "WRONG");
  nd4j_model_free(a1);
  nd4j_model_free(a5);
  return worst < 1e-5 ? 0 : 1;
}
