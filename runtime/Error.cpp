//===- Error.cpp - status strings and the thread-local last error ---------===//
//
// The message of the most recent failure lives in a thread_local string so
// that concurrent callers each see their own error, as with errno.
//
//===----------------------------------------------------------------------===//

#include "runtime/Internal.h"

using namespace nd4j::runtime;

static thread_local std::string lastError;

nd4j_status nd4j::runtime::setError(nd4j_status status, std::string message) {
  lastError = std::move(message);
  return status;
}

const char *nd4j_last_error(void) { return lastError.c_str(); }

const char *nd4j_status_string(nd4j_status status) {
  switch (status) {
  case ND4J_STATUS_OK:
    return "ok";
  case ND4J_STATUS_INVALID_ARGUMENT:
    return "invalid argument";
  case ND4J_STATUS_LOAD_FAILED:
    return "load failed";
  case ND4J_STATUS_MISSING_SYMBOL:
    return "missing symbol";
  case ND4J_STATUS_BAD_SIGNATURE:
    return "bad signature";
  case ND4J_STATUS_UNSUPPORTED_ABI:
    return "unsupported ABI version";
  case ND4J_STATUS_MISMATCH:
    return "tensor mismatch";
  case ND4J_STATUS_OUT_OF_MEMORY:
    return "out of memory";
  case ND4J_STATUS_RUN_FAILED:
    return "model run failed";
  case ND4J_STATUS_UNSUPPORTED_CPU:
    return "unsupported CPU";
  }
  return "unknown status";
}
