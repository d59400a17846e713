// targets: thriftpy2 py@0.17
exception E { 1: string message }
service S { oneway void f() throws (1: E e) }
