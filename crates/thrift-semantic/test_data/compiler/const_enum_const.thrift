enum Day { MON, THU }
const Day myDay = Day.THU
const Day D2 = myDay
