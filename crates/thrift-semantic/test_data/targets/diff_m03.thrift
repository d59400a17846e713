// targets: thriftpy2 py@0.17
service A { void ping() }
service B extends A { void pong() }
service C extends B { void pang() }
