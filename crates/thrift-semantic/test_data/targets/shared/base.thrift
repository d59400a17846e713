namespace java com.example.shared
struct Stamp {
  1: i64 seconds
}
service BaseService {
  void ping()
}
const i32 LIMIT = 5
