// targets: thriftpy2 py@0.17
service A { void f() }
service B extends A { void f() }
