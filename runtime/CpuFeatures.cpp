//===- CpuFeatures.cpp - the host CPU's instruction-set features ----------===//
//
// cpuid leaves 1, 7 (subleaves 0 and 1) and 0x80000001, with the OS-enabled
// register state from xgetbv. Bit positions are Intel's SDM / AMD's APM.
//
//===----------------------------------------------------------------------===//

#include "runtime/CpuFeatures.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#define ND4J_X86 1
#endif

using namespace nd4j::runtime;

namespace {

enum Reg { EAX, EBX, ECX, EDX };
enum State { NONE, AVX_STATE, AVX512_STATE, AMX_STATE };

struct Feature {
  const char *name;
  uint32_t leaf, subleaf;
  Reg reg;
  unsigned bit;
  State state;
};

const Feature kFeatures[] = {
    {"sse3", 1, 0, ECX, 0, NONE},
    {"pclmul", 1, 0, ECX, 1, NONE},
    {"ssse3", 1, 0, ECX, 9, NONE},
    {"fma", 1, 0, ECX, 12, AVX_STATE},
    {"cx16", 1, 0, ECX, 13, NONE},
    {"sse4.1", 1, 0, ECX, 19, NONE},
    {"sse4.2", 1, 0, ECX, 20, NONE},
    {"movbe", 1, 0, ECX, 22, NONE},
    {"popcnt", 1, 0, ECX, 23, NONE},
    {"aes", 1, 0, ECX, 25, NONE},
    {"xsave", 1, 0, ECX, 26, NONE},
    {"avx", 1, 0, ECX, 28, AVX_STATE},
    {"f16c", 1, 0, ECX, 29, AVX_STATE},
    {"rdrnd", 1, 0, ECX, 30, NONE},
    {"sse", 1, 0, EDX, 25, NONE},
    {"sse2", 1, 0, EDX, 26, NONE},
    {"bmi", 7, 0, EBX, 3, NONE},
    {"avx2", 7, 0, EBX, 5, AVX_STATE},
    {"bmi2", 7, 0, EBX, 8, NONE},
    {"avx512f", 7, 0, EBX, 16, AVX512_STATE},
    {"avx512dq", 7, 0, EBX, 17, AVX512_STATE},
    {"adx", 7, 0, EBX, 19, NONE},
    {"avx512ifma", 7, 0, EBX, 21, AVX512_STATE},
    {"avx512cd", 7, 0, EBX, 28, AVX512_STATE},
    {"sha", 7, 0, EBX, 29, NONE},
    {"avx512bw", 7, 0, EBX, 30, AVX512_STATE},
    {"avx512vl", 7, 0, EBX, 31, AVX512_STATE},
    {"avx512vbmi", 7, 0, ECX, 1, AVX512_STATE},
    {"avx512vbmi2", 7, 0, ECX, 6, AVX512_STATE},
    {"gfni", 7, 0, ECX, 8, NONE},
    {"vaes", 7, 0, ECX, 9, AVX_STATE},
    {"vpclmulqdq", 7, 0, ECX, 10, AVX_STATE},
    {"avx512vnni", 7, 0, ECX, 11, AVX512_STATE},
    {"avx512bitalg", 7, 0, ECX, 12, AVX512_STATE},
    {"avx512vpopcntdq", 7, 0, ECX, 14, AVX512_STATE},
    {"amx-bf16", 7, 0, EDX, 22, AMX_STATE},
    {"avx512fp16", 7, 0, EDX, 23, AVX512_STATE},
    {"amx-tile", 7, 0, EDX, 24, AMX_STATE},
    {"amx-int8", 7, 0, EDX, 25, AMX_STATE},
    {"avxvnni", 7, 1, EAX, 4, AVX_STATE},
    {"avx512bf16", 7, 1, EAX, 5, AVX512_STATE},
    {"lzcnt", 0x80000001, 0, ECX, 5, NONE},
    {"sse4a", 0x80000001, 0, ECX, 6, NONE},
    {"prfchw", 0x80000001, 0, ECX, 8, NONE},
    {"fma4", 0x80000001, 0, ECX, 16, AVX_STATE},
};

const Feature *findFeature(const std::string &name) {
  for (const Feature &f : kFeatures)
    if (name == f.name)
      return &f;
  return nullptr;
}

#ifdef ND4J_X86
bool hostHas(const Feature &f) {
  unsigned regs[4] = {0, 0, 0, 0};
  unsigned maxLeaf = __get_cpuid_max(f.leaf & 0x80000000u, nullptr);
  if (maxLeaf < f.leaf)
    return false;
  __cpuid_count(f.leaf, f.subleaf, regs[EAX], regs[EBX], regs[ECX], regs[EDX]);
  if (!((regs[f.reg] >> f.bit) & 1))
    return false;
  if (f.state == NONE)
    return true;
  // The OS must save the registers: OSXSAVE, then XCR0's state bits.
  unsigned a, b, c, d;
  __cpuid(1, a, b, c, d);
  if (!((c >> 27) & 1))
    return false;
  uint32_t lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  uint64_t xcr0 = (static_cast<uint64_t>(hi) << 32) | lo;
  switch (f.state) {
  case AVX_STATE:
    return (xcr0 & 0x6) == 0x6;
  case AVX512_STATE:
    return (xcr0 & 0xe6) == 0xe6;
  case AMX_STATE:
    return (xcr0 & 0x60000) == 0x60000;
  case NONE:
    break;
  }
  return true;
}
#else
bool hostHas(const Feature &) { return false; }
#endif

bool disabledByEnvironment(const std::string &name) {
  const char *list = std::getenv("ND4J_CPU_FEATURES_DISABLE");
  if (!list)
    return false;
  std::string s(list);
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string::npos)
      end = s.size();
    if (s.compare(start, end - start, name) == 0 && end - start == name.size())
      return true;
    start = end + 1;
  }
  return false;
}

} // namespace

bool nd4j::runtime::isKnownCpuFeature(const std::string &feature) {
  return findFeature(feature) != nullptr;
}

std::vector<std::string>
nd4j::runtime::missingCpuFeatures(const std::vector<std::string> &required) {
  std::vector<std::string> missing;
  for (const std::string &name : required) {
    const Feature *f = findFeature(name);
    if (!f || !hostHas(*f) || disabledByEnvironment(name))
      missing.push_back(name);
  }
  return missing;
}
