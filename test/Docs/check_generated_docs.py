"""Compares each generated doc with its checked-in copy.

Argument: 'generated=checked-in;generated=checked-in;...'. Prints every stale
or missing page and exits non-zero if there is one.
"""
import filecmp
import sys

stale = []
pairs = [p for p in sys.argv[1].split(";") if p]
for pair in pairs:
    generated, checked_in = pair.split("=", 1)
    try:
        same = filecmp.cmp(generated, checked_in, shallow=False)
    except OSError as err:
        same = False
        print(f"error: {err}")
    if not same:
        stale.append(checked_in)
for path in stale:
    print(f"error: {path} is stale; run `ninja -C build nd4j-doc`")
print(f"checked {len(pairs)} generated pages")
sys.exit(1 if stale or not pairs else 0)
