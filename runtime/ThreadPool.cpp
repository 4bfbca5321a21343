//===- ThreadPool.cpp - the runtime's parallel_for ------------------------===//
//
// Work is handed out in chunks from an atomic counter (a few chunks per
// thread, so uneven chunks balance out) and the caller takes chunks too.
// The job lives in the pool, not on the caller's stack: a worker that wakes
// late must never touch a job that has already returned. Workers join a job
// only while it is active, and its owner waits until every worker that
// joined has left before returning.
//
//===----------------------------------------------------------------------===//

#include "runtime/ThreadPool.h"
#include "runtime/Internal.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <system_error>

using namespace nd4j::runtime;

/// Set on pool workers, and on a caller while it works on its own job:
/// parallelFor from there runs inline instead of waiting for itself.
static thread_local bool insidePool = false;

/// Chunks per participating thread.
static constexpr int64_t kChunksPerThread = 4;
/// An upper bound on any thread count, so a typo in ND4J_NUM_THREADS cannot
/// start a million threads.
static constexpr int kMaxThreads = 1024;

static int defaultThreadCount() {
  if (const char *env = std::getenv("ND4J_NUM_THREADS")) {
    char *end = nullptr;
    long value = std::strtol(env, &end, 10);
    if (end != env && *end == '\0' && value >= 1)
      return static_cast<int>(std::min<long>(value, kMaxThreads));
  }
  unsigned hardware = std::thread::hardware_concurrency();
  return hardware == 0
             ? 1
             : static_cast<int>(std::min<unsigned>(hardware, kMaxThreads));
}

ThreadPool &ThreadPool::global() {
  // Never destroyed: at exit another thread may still be inside a model, and
  // joining workers from a static destructor would race with it.
  static ThreadPool *pool = new ThreadPool();
  return *pool;
}

ThreadPool::~ThreadPool() { resize(0); }

int ThreadPool::numThreads() {
  if (int n = requested.load())
    return n;
  int n = defaultThreads.load();
  if (n == 0) {
    n = defaultThreadCount();
    defaultThreads.store(n);
  }
  return n;
}

void ThreadPool::setNumThreads(int n) {
  if (n == 0)
    defaultThreads.store(defaultThreadCount());
  requested.store(std::min(n, kMaxThreads));
}

void ThreadPool::resize(size_t numWorkers) {
  if (workers.size() == numWorkers)
    return;
  {
    std::lock_guard<std::mutex> lock(mutex);
    stopping = true;
  }
  wake.notify_all();
  for (std::thread &worker : workers)
    worker.join();
  workers.clear();
  {
    std::lock_guard<std::mutex> lock(mutex);
    stopping = false;
  }
  for (size_t i = 0; i < numWorkers; ++i) {
    try {
      workers.emplace_back([this] { workerLoop(); });
    } catch (const std::system_error &) {
      // Out of threads: work with the ones that started.
      break;
    }
  }
}

void ThreadPool::runChunks() {
  for (;;) {
    int64_t chunk = job.nextChunk.fetch_add(1);
    if (chunk >= job.numChunks)
      return;
    int64_t begin = chunk * job.chunkSize;
    int64_t end = std::min(job.n, begin + job.chunkSize);
    job.body(job.data, begin, end);
  }
}

void ThreadPool::workerLoop() {
  insidePool = true;
  uint64_t seen = 0;
  std::unique_lock<std::mutex> lock(mutex);
  for (;;) {
    wake.wait(lock, [&] { return stopping || (active && generation != seen); });
    if (stopping)
      return;
    seen = generation;
    ++busy;
    lock.unlock();
    runChunks();
    lock.lock();
    if (--busy == 0)
      idle.notify_all();
  }
}

void ThreadPool::parallelFor(int64_t n, Body body, void *data) {
  if (n <= 0 || !body)
    return;
  int threads = numThreads();
  if (threads <= 1 || n == 1 || insidePool) {
    body(data, 0, n);
    return;
  }
  std::unique_lock<std::mutex> owner(runMutex, std::try_to_lock);
  if (!owner.owns_lock()) {
    // Another thread's job has the workers; waiting for it would only add
    // latency and could deadlock if that job waits on this thread.
    body(data, 0, n);
    return;
  }
  resize(static_cast<size_t>(threads - 1));
  if (workers.empty()) {
    body(data, 0, n);
    return;
  }

  int64_t participants = static_cast<int64_t>(workers.size()) + 1;
  int64_t maxChunks = std::min(n, participants * kChunksPerThread);
  {
    std::lock_guard<std::mutex> lock(mutex);
    job.body = body;
    job.data = data;
    job.n = n;
    job.chunkSize = (n + maxChunks - 1) / maxChunks;
    job.numChunks = (n + job.chunkSize - 1) / job.chunkSize;
    job.nextChunk.store(0);
    active = true;
    ++generation;
  }
  wake.notify_all();

  insidePool = true;
  runChunks();
  insidePool = false;

  // Every chunk has been claimed; those still running belong to workers
  // counted in `busy`, and no worker can join once `active` is false.
  std::unique_lock<std::mutex> lock(mutex);
  active = false;
  idle.wait(lock, [&] { return busy == 0; });
}

//===----------------------------------------------------------------------===//
// C API
//===----------------------------------------------------------------------===//

nd4j_status nd4j_set_num_threads(int32_t n) {
  if (n < 0)
    return setError(ND4J_STATUS_INVALID_ARGUMENT,
                    "nd4j_set_num_threads: negative thread count " +
                        std::to_string(n));
  ThreadPool::global().setNumThreads(n);
  return ND4J_STATUS_OK;
}

int32_t nd4j_get_num_threads(void) { return ThreadPool::global().numThreads(); }

void nd4j_parallel_for(int64_t n,
                       void (*body)(void *data, int64_t begin, int64_t end),
                       void *data) {
  ThreadPool::global().parallelFor(n, body, data);
}

static void contextParallelFor(void *pool, int64_t n,
                               void (*body)(void *data, int64_t begin,
                                            int64_t end),
                               void *data) {
  static_cast<ThreadPool *>(pool)->parallelFor(n, body, data);
}

nd4j_model_context nd4j_default_context(void) {
  nd4j_model_context context;
  context.abi_version = ND4J_MODEL_ABI_VERSION;
  context.pool = &ThreadPool::global();
  context.parallel_for = contextParallelFor;
  return context;
}
