-- load/loadstring as LuaJIT 2.1 has them: load(chunk [, chunkname [, mode [, env]]]) for
-- strings, numbers and reader functions; loadstring takes the same arguments.
print(load("return x", "n", "t", {x = 5})())
print(loadstring("return x", "n", "t", {x = 6})())
print(type(load("return x", "n", "t", 5)), load("return x", "n", "t", nil)())
print(load("return 1", "=name", "b"))
print(load("\27Lua", "=name", "t"))
print(load("\27Lua", "=name"))
print(load("return 1", "=name", "bt")(), load("return 2", "=name", 't')())
local parts = {"return ", "1 + ", "2"}
local i = 0
print(load(function() i = i + 1 return parts[i] end)())
i = 0
print(loadstring(function() i = i + 1 return parts[i] end)())
print(type(load(function() return nil end)))
print(pcall(load, function() return {} end))
print(pcall(load, function() error("r") end))
print(select("#", load(function() error({}) end)), type(select(2, load(function() error({}) end))))
print(load("x x", 12))
print(load("x x", "@file.lua"))
print(load("x x", "=stdin"))
print(load("x x"))
print(pcall(load, "x", {}))
print(pcall(load))
print(pcall(loadstring))
print(pcall(load, nil))
print(pcall(load, true))
print(load("return ...", nil)(1, 2))
print(pcall(load, "return 1", "n", {}))
print(select('#', load("return 1", "n", nil, nil)))
print(load(42)) -- a number is a chunk's text
print(load("return 1.5")(), loadstring("return 0x10")())
print(load("1"), loadstring("-1"), load("1.5"))
local env = {print = print}
local f = load("y = 7 print(y)", "=env", "t", env)
f()
print(y, env.y)
print(getfenv(f) == env)
