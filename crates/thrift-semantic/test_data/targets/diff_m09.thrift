// targets: thriftpy2 py@0.17
service Proc { void process(1: i32 x), void send_f(), void recv_f() }
