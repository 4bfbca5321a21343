/*===- mlp_main.c - call a compiled MLP through its generated header ------===//
 *
 * Checks the header's macros and the library's numbers against a naive C
 * implementation of the same MLP (test/Integration/CPU/mlp.onnxtxt).
 *
 *===----------------------------------------------------------------------===*/
#include "mlp.h"

#include <math.h>
#include <stdio.h>

static const float w1[3][4] = {{0.1f, -0.2f, 0.3f, 0.4f},
                               {-0.5f, 0.6f, 0.7f, -0.8f},
                               {0.9f, 1.0f, -1.1f, 1.2f}};
static const float b1[4] = {0.01f, -0.02f, 0.03f, -0.04f};
static const float w2[4][2] = {
    {0.5f, -0.25f}, {0.125f, 0.75f}, {-0.5f, 0.25f}, {1.0f, -1.0f}};
static const float b2[2] = {0.1f, -0.1f};

int main(void) {
  static const long xs[] = MLP_INPUT0_SHAPE, ys[] = MLP_OUTPUT0_SHAPE;
  printf("inputs %d outputs %d %s[%ld,%ld] %s[%ld,%ld]\n", MLP_NUM_INPUTS,
         MLP_NUM_OUTPUTS, MLP_INPUT0_NAME, xs[0], xs[1], MLP_OUTPUT0_NAME,
         ys[0], ys[1]);
  mlp_input0_t x[MLP_INPUT0_COUNT] = {1.0f, -2.0f, 0.5f, 0.25f, 3.0f, -1.5f};
  mlp_output0_t y[MLP_OUTPUT0_COUNT];
  void *ins[] = {x}, *outs[] = {y};
  if (nd4j_model_run(ins, outs, 0) != 0) {
    printf("run failed\n");
    return 1;
  }
  double maxErr = 0;
  for (int n = 0; n < 2; ++n) {
    float h[4];
    for (int j = 0; j < 4; ++j) {
      float s = b1[j];
      for (int k = 0; k < 3; ++k)
        s += x[n * 3 + k] * w1[k][j];
      h[j] = s > 0 ? s : 0;
    }
    for (int j = 0; j < 2; ++j) {
      float s = b2[j];
      for (int k = 0; k < 4; ++k)
        s += h[k] * w2[k][j];
      double want = 1.0 / (1.0 + exp(-s));
      double err = fabs(want - y[n * 2 + j]);
      if (err > maxErr)
        maxErr = err;
    }
  }
  printf("max abs error %g %s\n", maxErr, maxErr < 1e-5 ? "OK" : "WRONG");
  return maxErr < 1e-5 ? 0 : 1;
}
