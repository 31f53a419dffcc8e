# Shared by every area: dates.

## A date written out: day, month name, year.
date-long = { $day }. { $month } { $year }
date-month-1 = januar
date-month-2 = februar
date-month-3 = mars
date-month-4 = april
date-month-5 = mai
date-month-6 = juni
date-month-7 = juli
date-month-8 = august
date-month-9 = september
date-month-10 = oktober
date-month-11 = november
date-month-12 = desember
