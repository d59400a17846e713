// targets: thriftpy2 py@0.17
typedef MyStruct name
