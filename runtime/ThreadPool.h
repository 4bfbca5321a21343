//===- ThreadPool.h - the runtime's parallel_for ---------------*- C++ -*-===//
//
// A fixed set of std::thread workers that split [0, n) into chunks with the
// calling thread. One parallel_for runs at a time; nested calls and calls
// that find the pool busy run inline, so generated code can call it from
// anywhere without deadlocking.
//
//===----------------------------------------------------------------------===//

#ifndef ND4J_RUNTIME_THREADPOOL_H
#define ND4J_RUNTIME_THREADPOOL_H

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace nd4j {
namespace runtime {

class ThreadPool {
public:
  using Body = void (*)(void *data, int64_t begin, int64_t end);

  /// The process-wide pool behind the C API; workers start on first use.
  static ThreadPool &global();

  ~ThreadPool();

  /// Threads parallelFor uses, the caller included (>= 1).
  int numThreads();
  /// n >= 1 sets the count; 0 restores the default (re-reading
  /// ND4J_NUM_THREADS).
  void setNumThreads(int n);
  void parallelFor(int64_t n, Body body, void *data);

private:
  struct Job {
    Body body = nullptr;
    void *data = nullptr;
    int64_t n = 0;
    int64_t chunkSize = 0;
    int64_t numChunks = 0;
    std::atomic<int64_t> nextChunk{0};
  };

  void resize(size_t numWorkers);
  void workerLoop();
  void runChunks();

  std::atomic<int> requested{0}; // 0: the default
  std::atomic<int> defaultThreads{0};

  // Held by the thread that owns the current job, so only one job runs
  // and workers are only resized between jobs.
  std::mutex runMutex;
  std::vector<std::thread> workers;

  // Guards the fields below; workers sleep on `wake`, the job's owner on
  // `idle`.
  std::mutex mutex;
  std::condition_variable wake;
  std::condition_variable idle;
  uint64_t generation = 0;
  bool active = false;
  bool stopping = false;
  int busy = 0;
  Job job;
};

} // namespace runtime
} // namespace nd4j

#endif // ND4J_RUNTIME_THREADPOOL_H
