enum Status {
  ACTIVE = 1,
  INACTIVE = 5,
  REMOVED = 3,
  PENDING = 6
}
