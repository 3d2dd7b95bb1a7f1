-- the main chunk receives the script arguments as varargs (none here)
print(select('#', ...))
local a, b = ...
print(a, b)
local t = {...}
print(#t)
local function inner(...) return select('#', ...) end
print(inner(...), inner(..., 1), inner(1, ...))
print(loadstring("return function() return ... end") == nil)
print(type(arg), arg and #arg)
