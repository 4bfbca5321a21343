//===- ThreadPoolTest.cpp - the runtime's parallel_for --------------------===//
//
// nd4j_parallel_for must call every index exactly once whatever the thread
// count and n, return only when all chunks are done, run nested and
// concurrent calls without deadlocking, and honour the thread count set by
// nd4j_set_num_threads and ND4J_NUM_THREADS.
//
//===----------------------------------------------------------------------===//

#include "nd4j-mlir/Runtime/nd4j_runtime.h"

#include "gtest/gtest.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace {

/// Counts calls per index, and the threads and chunks that made them.
struct Coverage {
  explicit Coverage(int64_t n) : counts(static_cast<size_t>(n)) {}
  std::vector<std::atomic<int>> counts;
  std::mutex mutex;
  std::set<std::thread::id> threads;
  std::atomic<int64_t> chunks{0};
  std::chrono::microseconds delay{0};

  static void body(void *data, int64_t begin, int64_t end) {
    auto *self = static_cast<Coverage *>(data);
    ++self->chunks;
    {
      std::lock_guard<std::mutex> lock(self->mutex);
      self->threads.insert(std::this_thread::get_id());
    }
    for (int64_t i = begin; i < end; ++i)
      ++self->counts[static_cast<size_t>(i)];
    if (self->delay.count())
      std::this_thread::sleep_for(self->delay);
  }

  bool eachOnce() const {
    for (const std::atomic<int> &count : counts)
      if (count.load() != 1)
        return false;
    return true;
  }
};

/// Restores the default thread count after each test.
class ThreadPoolTest : public ::testing::Test {
protected:
  void TearDown() override {
    unsetenv("ND4J_NUM_THREADS");
    ASSERT_EQ(nd4j_set_num_threads(0), ND4J_STATUS_OK);
  }
};

TEST_F(ThreadPoolTest, EveryIndexExactlyOnce) {
  for (int threads : {1, 2, 3, 8}) {
    ASSERT_EQ(nd4j_set_num_threads(threads), ND4J_STATUS_OK);
    for (int64_t n : {1, 2, 7, 64, 1000, 100003}) {
      Coverage coverage(n);
      nd4j_parallel_for(n, Coverage::body, &coverage);
      EXPECT_TRUE(coverage.eachOnce()) << threads << " threads, n = " << n;
      EXPECT_LE(coverage.threads.size(), static_cast<size_t>(threads));
    }
  }
}

TEST_F(ThreadPoolTest, EmptyRangeCallsNothing) {
  ASSERT_EQ(nd4j_set_num_threads(4), ND4J_STATUS_OK);
  Coverage coverage(0);
  nd4j_parallel_for(0, Coverage::body, &coverage);
  nd4j_parallel_for(-5, Coverage::body, &coverage);
  EXPECT_EQ(coverage.chunks.load(), 0);
  nd4j_parallel_for(10, nullptr, nullptr); // ignored, not a crash
}

TEST_F(ThreadPoolTest, CallerParticipatesAndWorkersHelp) {
  ASSERT_EQ(nd4j_set_num_threads(3), ND4J_STATUS_OK);
  Coverage coverage(48);
  coverage.delay = std::chrono::milliseconds(2);
  nd4j_parallel_for(48, Coverage::body, &coverage);
  EXPECT_TRUE(coverage.eachOnce());
  // Chunks are claimed from a counter: the caller takes the first ones
  // while the workers wake up, and each chunk sleeps long enough for them
  // to join.
  EXPECT_EQ(coverage.threads.count(std::this_thread::get_id()), 1u);
  EXPECT_GE(coverage.threads.size(), 2u);
  EXPECT_GT(coverage.chunks.load(), 1);
}

TEST_F(ThreadPoolTest, OneThreadRunsInlineAsOneChunk) {
  ASSERT_EQ(nd4j_set_num_threads(1), ND4J_STATUS_OK);
  EXPECT_EQ(nd4j_get_num_threads(), 1);
  Coverage coverage(1000);
  nd4j_parallel_for(1000, Coverage::body, &coverage);
  EXPECT_TRUE(coverage.eachOnce());
  EXPECT_EQ(coverage.chunks.load(), 1);
  EXPECT_EQ(coverage.threads,
            std::set<std::thread::id>{std::this_thread::get_id()});
}

struct Nested {
  std::vector<std::atomic<int>> counts;
  explicit Nested(size_t n) : counts(n) {}
  static void outer(void *data, int64_t begin, int64_t end) {
    auto *self = static_cast<Nested *>(data);
    for (int64_t i = begin; i < end; ++i) {
      // Each outer index runs an inner loop over its own row of 16.
      std::pair<Nested *, int64_t> row{self, i};
      nd4j_parallel_for(16, inner, &row);
    }
  }
  static void inner(void *data, int64_t begin, int64_t end) {
    auto *row = static_cast<std::pair<Nested *, int64_t> *>(data);
    for (int64_t j = begin; j < end; ++j)
      ++row->first->counts[static_cast<size_t>(row->second * 16 + j)];
  }
};

TEST_F(ThreadPoolTest, NestedCallsRunInline) {
  ASSERT_EQ(nd4j_set_num_threads(4), ND4J_STATUS_OK);
  Nested nested(64 * 16);
  nd4j_parallel_for(64, Nested::outer, &nested);
  for (size_t i = 0; i < nested.counts.size(); ++i)
    ASSERT_EQ(nested.counts[i].load(), 1) << i;
}

TEST_F(ThreadPoolTest, ConcurrentCallersDoNotDeadlock) {
  ASSERT_EQ(nd4j_set_num_threads(3), ND4J_STATUS_OK);
  std::atomic<int> bad{0};
  std::vector<std::thread> callers;
  for (int t = 0; t < 4; ++t)
    callers.emplace_back([&] {
      for (int iteration = 0; iteration < 200; ++iteration) {
        Coverage coverage(257);
        nd4j_parallel_for(257, Coverage::body, &coverage);
        bad += !coverage.eachOnce();
      }
    });
  for (std::thread &caller : callers)
    caller.join();
  EXPECT_EQ(bad.load(), 0);
}

TEST_F(ThreadPoolTest, ResizeBetweenCalls) {
  for (int threads : {4, 2, 6, 1, 3}) {
    ASSERT_EQ(nd4j_set_num_threads(threads), ND4J_STATUS_OK);
    EXPECT_EQ(nd4j_get_num_threads(), threads);
    Coverage coverage(5000);
    nd4j_parallel_for(5000, Coverage::body, &coverage);
    EXPECT_TRUE(coverage.eachOnce()) << threads;
    EXPECT_LE(coverage.threads.size(), static_cast<size_t>(threads));
  }
}

TEST_F(ThreadPoolTest, ThreadCountSetting) {
  EXPECT_EQ(nd4j_set_num_threads(-1), ND4J_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(std::string(nd4j_last_error()).find("negative thread count -1"),
            std::string::npos);
  ASSERT_EQ(nd4j_set_num_threads(5), ND4J_STATUS_OK);
  EXPECT_EQ(nd4j_get_num_threads(), 5);

  // 0 restores the default, re-reading ND4J_NUM_THREADS.
  setenv("ND4J_NUM_THREADS", "3", 1);
  ASSERT_EQ(nd4j_set_num_threads(0), ND4J_STATUS_OK);
  EXPECT_EQ(nd4j_get_num_threads(), 3);

  unsigned hardware = std::thread::hardware_concurrency();
  int expected = hardware ? static_cast<int>(hardware) : 1;
  for (const char *bad : {"0", "-2", "four", "3x", ""}) {
    setenv("ND4J_NUM_THREADS", bad, 1);
    ASSERT_EQ(nd4j_set_num_threads(0), ND4J_STATUS_OK);
    EXPECT_EQ(nd4j_get_num_threads(), expected) << "'" << bad << "'";
  }
  unsetenv("ND4J_NUM_THREADS");
  ASSERT_EQ(nd4j_set_num_threads(0), ND4J_STATUS_OK);
  EXPECT_EQ(nd4j_get_num_threads(), expected);
}

} // namespace
