// targets: thriftpy2 py@0.17
enum None { A = 1 }
