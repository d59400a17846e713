namespace java x
typedef string UUID
