struct Config {
  1: i32 retries = 5
  2: string mode = 'fast'
  3: list<i32> ports = [80; 443;]
  4: bool debug = true
  5: i32 timeout
}
