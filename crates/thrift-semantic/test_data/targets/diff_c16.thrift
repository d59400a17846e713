// targets: thriftpy2 py@0.17
service S { oneway void f() throws (1: E e) }
exception E {}
