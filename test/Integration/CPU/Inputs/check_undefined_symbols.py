# Checks that compiled model libraries need no symbol outside an allowed
# list: the C library, libm and nothing else (the model gets the thread pool
# through its context argument, not by linking to the runtime). Prints each
# library's undefined dynamic symbols that are not allowed and exits 1 if
# there are any. Usage: check_undefined_symbols.py NM LIB...
import re
import subprocess
import sys

# glibc and libm entry points generated code may call (memory, math,
# process-level helpers the dynamic linker provides).
ALLOWED = re.compile(
    r"^(memcpy|memmove|memset|malloc|free|calloc|realloc|aligned_alloc|"
    r"posix_memalign|abort|__cxa_finalize|__cxa_atexit|_ITM_\w+|__gmon_start__|"
    r"__stack_chk_fail|__tls_get_addr|"
    r"(exp|exp2|expm1|log|log2|log10|log1p|pow|sqrt|cbrt|sin|cos|tan|asin|acos|"
    r"atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|erf|erfc|tgamma|lgamma|"
    r"floor|ceil|round|roundeven|trunc|rint|nearbyint|fmod|remainder|fabs|"
    r"copysign|fmin|fmax|fma|hypot|ldexp|frexp|modf|sincos)f?)$")

nm, libs = sys.argv[1], sys.argv[2:]
bad = 0
for lib in libs:
    out = subprocess.run([nm, "-D", "--undefined-only", lib], check=True,
                         capture_output=True, text=True).stdout
    names = [line.split()[-1].split("@")[0] for line in out.splitlines()
             if line.strip()]
    extra = sorted(n for n in names if not ALLOWED.match(n))
    if extra:
        bad += 1
        print(f"{lib}: not allowed: {' '.join(extra)}")
print(f"{len(libs)} libraries, {bad} with symbols outside the allowed list")
sys.exit(1 if bad else 0)
