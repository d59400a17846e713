// targets: thriftpy2 py@0.17
struct Node { 1: optional Node next_node }
