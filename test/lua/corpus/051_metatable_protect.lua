local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
local t2 = setmetatable({}, {__metatable = false})
print(getmetatable(t2))
print(pcall(setmetatable, t2, nil))
local plain = setmetatable({}, {})
print(type(getmetatable(plain)))
print(setmetatable(plain, nil) == plain, getmetatable(plain))
print(getmetatable(1), getmetatable(nil), getmetatable(print), getmetatable(true))
print(pcall(setmetatable, {}, 5))
print(pcall(setmetatable, {}))
print(pcall(setmetatable, 5, {}))
print(pcall(getmetatable))
local mtmt = {__metatable = {fake = true}}
local obj = setmetatable({}, mtmt)
print(getmetatable(obj).fake, getmetatable(obj) == mtmt)
-- string metatable is protected? check __metatable field
print(getmetatable("").__metatable)
-- setmetatable returns its first argument
local r = setmetatable({x = 1}, {})
print(r.x)
-- metatable of metatable is not consulted for metamethods
local grand = {__index = function() return "grand" end}
local mt = setmetatable({}, grand)
local child = setmetatable({}, mt)
print(child.anything, mt.__index)
