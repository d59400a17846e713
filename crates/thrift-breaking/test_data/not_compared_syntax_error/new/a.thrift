// A typo in the new version: compared as it reads, every field after
// it would look deleted. Nothing is compared; the error is reported.
struct User {
  1: i64 id,,
  2 string name
  3: string email
  4: i32 age
  5: bool admin
  6: list<string> tags
}
