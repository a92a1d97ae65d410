"""Fill the fields of a PDF form from a JSON file of values."""
import json
import sys


def main() -> int:
    if len(sys.argv) != 4:
        print("usage: fill_form.py INPUT.pdf VALUES.json OUTPUT.pdf", file=sys.stderr)
        return 2
    with open(sys.argv[2], encoding="utf-8") as f:
        values = json.load(f)
    print(f"would fill {len(values)} fields of {sys.argv[1]} into {sys.argv[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
