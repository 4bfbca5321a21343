# Runs the command in argv[1:] with stderr merged into stdout, copies its
# output and then prints "exit code: N", so a test can check nd4j-run's
# exact exit status (lit's `not` only inverts it).
import subprocess
import sys

result = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT)
sys.stdout.write(result.stdout.decode("utf-8", "replace"))
print("exit code: %d" % result.returncode)
