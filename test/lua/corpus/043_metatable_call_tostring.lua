local callable = setmetatable({}, {__call = function(self, a, b) return "called with", a, b end})
print(callable(1, 2))
print(callable())
local counter = setmetatable({n = 0}, {__call = function(self) self.n = self.n + 1 return self.n end})
counter() counter()
print(counter(), counter.n)
print(pcall(callable, "x"))
local Point = {}
Point.__index = Point
Point.__tostring = function(p) return "(" .. p.x .. ", " .. p.y .. ")" end
local function new(x, y) return setmetatable({x = x, y = y}, Point) end
local p = new(1, 2)
print(p, tostring(p), "p=" .. tostring(p))
print(string.format("%s", p))
local bad = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(tostring, bad))
local bad2 = setmetatable({}, {__tostring = function() return nil end})
print(pcall(tostring, bad2))
local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR")))
print(pcall(function() return "x" .. p end))
-- __call receives itself first; nested callables
local adder = setmetatable({}, {__call = function(_, x) return function(y) return x + y end end})
print(adder(3)(4))
-- __call on a callable whose __call is itself a callable table
local inner = setmetatable({}, {__call = function(_, ...) return "inner", ... end})
local outer = setmetatable({}, {__call = inner})
print(pcall(outer, "arg"))
-- print uses __tostring
local list = setmetatable({1, 2, 3}, {__tostring = function(l) return "[" .. table.concat(l, ",") .. "]" end})
print(list)
print(tostring(list):len())
