-- debug.getupvalue/setupvalue check their arguments in luajit's order, and
-- debug.setfenv/getfenv accept library functions (luajit's C functions have an environment)
print(pcall(debug.getupvalue, 5))
print(pcall(debug.getupvalue, 5, 1))
print(pcall(debug.setupvalue, print))
print(pcall(debug.setupvalue, print, 'x', 1))
print(pcall(debug.upvalueid, 5))
local t = {}
print(debug.setfenv(print, t) == print, debug.getfenv(print) == t)
print(pcall(debug.setfenv, 5, {}))
print(pcall(debug.setfenv, print))
print(debug.setfenv(print, _G) == print, debug.getfenv(print) == _G)
print('print still prints')
