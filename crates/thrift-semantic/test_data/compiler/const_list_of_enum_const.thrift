enum Day { MON, THU }
const Day myDay = Day.THU
const list<Day> L = [myDay]
