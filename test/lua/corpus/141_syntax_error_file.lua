-- a compile error: nothing is printed to stdout
print("this file never runs")
local x = = 1
