// targets: thriftpy2 py@0.17
struct A { 1: optional A child }
struct B { 1: list<B> kids }
