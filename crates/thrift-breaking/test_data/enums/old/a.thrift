enum Status {
  ACTIVE = 1,
  INACTIVE = 2,
  DELETED = 3,
  BANNED = 4
}
