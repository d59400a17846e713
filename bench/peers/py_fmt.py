"""PyPI thrift-fmt (0.3.0: the ANTLR 4 parser of thrift_parser, then its
own formatter) in-process, for bench/fmt-peers.sh.

    python py_fmt.py check LIST              # print the files it accepts
    python py_fmt.py time LIST [--iters N] [--warmup N]
                                             # time formatting them, print JSON
    python py_fmt.py once LIST               # format them once

LIST holds one path a line (anything after a tab is ignored).

What is timed is what `thrift-fmt FILE` does for each file, minus
interpreter start-up and file reading: `ThriftData.from_str(text)` (lex and
parse), `ThriftFormatter(data)` with the CLI's default `Option()` (indent 4,
patch separators and `required`, align `=`), `.format()`. Timing is after
untimed warm-up passes (1 unless --warmup); fmt-peers.sh times cold
processes separately.

A file is accepted when ANTLR reports no syntax error on it (the CLI prints
such errors and formats whatever it recovered) and formatting raises
nothing (with Python's default recursion limit, as in the CLI). `check`
also reports on stderr the accepted files whose output ANTLR cannot parse
again.
"""

import json
import statistics
import sys
import time


def read_list(path):
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t")[0] for line in fh if line.strip()]


def make_format():
    from thrift_fmt.core import Option, ThriftFormatter
    from thrift_parser import ThriftData

    def fmt(text):
        formatter = ThriftFormatter(ThriftData.from_str(text))
        formatter.option(Option())
        return formatter.format()

    return fmt


def syntax_errors(text):
    """Lexer and parser errors on `text`, as thrift_parser parses it."""
    from antlr4 import CommonTokenStream, InputStream, ParserRuleContext
    from antlr4.error.ErrorListener import ErrorListener
    from thrift_parser.ThriftLexer import ThriftLexer
    from thrift_parser.ThriftParser import ThriftParser

    class Count(ErrorListener):
        def __init__(self):
            self.errors = 0

        def syntaxError(self, recognizer, offending, line, column, msg, e):
            self.errors += 1

    listener = Count()
    lexer = ThriftLexer(InputStream(text))
    lexer.removeErrorListeners()
    lexer.addErrorListener(listener)
    parser = ThriftParser(CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(listener)
    parser.enterRule(ParserRuleContext(), 0, 0)  # as thrift_parser.parse does
    parser.document()
    return listener.errors


def check(fmt, paths):
    broken_output = 0
    for path in paths:
        try:
            text = open(path, encoding="utf-8").read()
            errors = syntax_errors(text)
            if errors:
                raise SyntaxError(f"{errors} syntax errors")
            out = fmt(text)
        except Exception as e:  # noqa: BLE001 (any failure is a rejection)
            print(f"thrift-fmt: rejects {path}: {type(e).__name__}: {str(e)[:160]}",
                  file=sys.stderr)
            continue
        try:
            if syntax_errors(out):
                broken_output += 1
                print(f"thrift-fmt: output does not parse again: {path}", file=sys.stderr)
        except Exception:  # noqa: BLE001
            broken_output += 1
        print(path)
    print(f"thrift-fmt: accepted files whose output does not parse again: {broken_output}",
          file=sys.stderr)


def main(argv):
    mode, list_path = argv[1], argv[2]
    iters, warmup = 5, 1
    if "--iters" in argv:
        iters = int(argv[argv.index("--iters") + 1])
    if "--warmup" in argv:
        warmup = int(argv[argv.index("--warmup") + 1])
    fmt = make_format()
    paths = read_list(list_path)
    if mode == "check":
        check(fmt, paths)
        return
    texts = [open(p, encoding="utf-8").read() for p in paths]
    if mode == "once":
        for text in texts:
            fmt(text)
        return
    for _ in range(warmup):
        for text in texts:
            fmt(text)
    samples = []
    for _ in range(iters):
        start = time.perf_counter()
        for text in texts:
            fmt(text)
        samples.append(time.perf_counter() - start)
    print(json.dumps({
        "files": len(texts),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "median_s": statistics.median(samples),
        "best_s": min(samples),
        "runs": iters,
    }))


if __name__ == "__main__":
    main(sys.argv)
