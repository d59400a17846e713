namespace java y
typedef string UUID
