// targets: thriftpy2 py@0.17
service S { void oneway() }
