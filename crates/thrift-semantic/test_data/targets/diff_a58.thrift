// targets: thriftpy2 py@0.17
struct B { 1: map<string, list<string>> m = {"a": ["b"]} }
