// targets: thriftpy2 py@0.17
service B extends A { void g() }
service A { void f() }
