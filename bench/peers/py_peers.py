"""Python peers for bench/peers.sh: thriftpy2 and thrift_parser (ANTLR 4,
the parser behind PyPI's thrift-fmt).

    python py_peers.py TOOL check LIST            # print the files TOOL accepts
    python py_peers.py TOOL time LIST [--iters N] [--warmup N]
                                                  # time parsing them, print JSON
    python py_peers.py TOOL once LIST             # parse them once (for a cold-process timing)

LIST holds one path a line; a path may be followed by a tab and the `-I`
folders (separated by spaces) that its includes are searched in (thriftpy2
resolves includes, like the Apache compiler; thrift_parser does not).
Timing is in-process, after untimed warm-up passes (1 unless --warmup): it
shows parsing speed, not interpreter start-up (peers.sh times a cold
process separately).
"""

import json
import os
import statistics
import sys
import time


def read_list(path):
    items = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                continue
            file, _, dirs = line.partition("\t")
            items.append((file, dirs.split() if dirs else []))
    return items


def make_thriftpy2():
    import ply.lex
    import ply.yacc
    from thriftpy2.parser import parser as tp

    # Build the PLY lexer and parser tables once, as a long-running process
    # would (`thriftpy2.load` rebuilds them on every call; set
    # PEERS_THRIFTPY2_FRESH=1 to measure that).
    lexer = parser = None
    if not os.environ.get("PEERS_THRIFTPY2_FRESH"):
        from thriftpy2.parser import lexer as tl
        lexer = ply.lex.lex(module=tl)
        parser = ply.yacc.yacc(module=tp, debug=False, write_tables=False)

    def parse(file, dirs, text):
        tp.parse(file, include_dirs=list(dirs), enable_cache=False,
                 lexer=lexer, parser=parser)

    return parse


def make_antlr():
    from antlr4 import CommonTokenStream, InputStream
    from antlr4.error.ErrorListener import ErrorListener
    from thrift_parser.ThriftLexer import ThriftLexer
    from thrift_parser.ThriftParser import ThriftParser

    class Count(ErrorListener):
        def __init__(self):
            self.errors = 0

        def syntaxError(self, recognizer, offending, line, column, msg, e):
            self.errors += 1

    def parse(file, dirs, text):
        listener = Count()
        lexer = ThriftLexer(InputStream(text))
        lexer.removeErrorListeners()
        lexer.addErrorListener(listener)
        parser = ThriftParser(CommonTokenStream(lexer))
        parser.removeErrorListeners()
        parser.addErrorListener(listener)
        parser.document()
        if listener.errors:
            raise SyntaxError(f"{listener.errors} syntax errors")

    return parse


TOOLS = {"thriftpy2": make_thriftpy2, "antlr": make_antlr}


def main(argv):
    tool, mode, list_path = argv[1], argv[2], argv[3]
    iters, warmup = 5, 1
    if "--iters" in argv:
        iters = int(argv[argv.index("--iters") + 1])
    if "--warmup" in argv:
        warmup = int(argv[argv.index("--warmup") + 1])
    sys.setrecursionlimit(20000)
    parse = TOOLS[tool]()
    items = [(f, d, open(f, encoding="utf-8").read()) for f, d in read_list(list_path)]
    if mode == "check":
        for file, dirs, text in items:
            try:
                parse(file, dirs, text)
            except Exception as e:  # noqa: BLE001 (any failure is a rejection)
                print(f"{tool}: rejects {file}: {type(e).__name__}: {str(e)[:160]}",
                      file=sys.stderr)
                continue
            print(file)
        return
    if mode == "once":
        for file, dirs, text in items:
            parse(file, dirs, text)
        return
    for _ in range(warmup):
        for file, dirs, text in items:
            parse(file, dirs, text)
    samples = []
    for _ in range(iters):
        start = time.perf_counter()
        for file, dirs, text in items:
            parse(file, dirs, text)
        samples.append(time.perf_counter() - start)
    print(json.dumps({
        "files": len(items),
        "bytes": sum(len(t.encode("utf-8")) for _, _, t in items),
        "median_s": statistics.median(samples),
        "best_s": min(samples),
        "runs": iters,
    }))


if __name__ == "__main__":
    main(sys.argv)
