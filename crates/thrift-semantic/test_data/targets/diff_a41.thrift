// targets: thriftpy2 py@0.17
exception E {}
struct W { 1: E e }
