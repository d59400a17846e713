struct Config {
  1: i32 retries = 3
  2: string mode = "fast"
  3: list<i32> ports = [80, 443]
  4: bool debug
  5: i32 timeout = 10
}
