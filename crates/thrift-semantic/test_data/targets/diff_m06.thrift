// targets: thriftpy2 py@0.17
enum Status { OK = 200, NOT_FOUND = 404 }
struct R { 1: Status s = Status.OK }
const map<Status, string> NAMES = {Status.OK: "ok"}
