enum Day { MON, THU }
typedef Day D
const Day myDay = Day.THU
const D D2 = myDay
