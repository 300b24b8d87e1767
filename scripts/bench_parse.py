"""The pandas side of `cargo xtask bench parse`.

Reads every table of a tables.jsonl file with `pandas.read_html` (lxml), which only parses
the HTML into a DataFrame (no PK understanding, no unit normalisation), and prints one
JSON line with the seconds spent (imports and file reading excluded) and the table count.
"""

import argparse
import io
import json
import time

import pandas as pd


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tables", required=True)
    args = parser.parse_args()
    htmls = [json.loads(line)["table_html"] for line in open(args.tables, encoding="utf-8") if line.strip()]
    start = time.perf_counter()
    parsed = 0
    for html in htmls:
        parsed += len(pd.read_html(io.StringIO(html), flavor="lxml"))
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "tables": len(htmls), "frames": parsed}))


if __name__ == "__main__":
    main()
