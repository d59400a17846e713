struct S {
  1: string s (a = '{
  }')
  2: i32 b
}

struct   Next   {1:i32 a}
const i32 BAD = $
