local defaults = {color = "red", size = 10}
local obj = setmetatable({size = 20}, {__index = defaults})
print(obj.color, obj.size, obj.missing, rawget(obj, "color"))
-- function __index
local calls = 0
local lazy = setmetatable({}, {__index = function(t, k)
  calls = calls + 1
  local v = "computed_" .. tostring(k)
  rawset(t, k, v)
  return v
end})
print(lazy.a, lazy.a, lazy[1], calls)
-- chains
local A = {a = "from A"}
local B = setmetatable({b = "from B"}, {__index = A})
local C = setmetatable({c = "from C"}, {__index = B})
print(C.a, C.b, C.c, C.d)
-- __index on non-table: function receives key
local echo = setmetatable({}, {__index = function(_, k) return k end})
print(echo.hello, echo[42], echo[true])
-- __index returning multiple values is truncated
local multi = setmetatable({}, {__index = function() return 1, 2, 3 end})
print(multi.x)
-- __index is consulted only for absent keys
local present = setmetatable({k = false}, {__index = function() return "meta" end})
print(present.k, present.other)
-- changing the metatable's __index at runtime
local mt = {}
local dyn = setmetatable({}, mt)
print(dyn.v)
mt.__index = {v = "now"}
print(dyn.v)
mt.__index = nil
print(dyn.v)
-- __index with a string (uses string metatable? no: indexing a string value)
local strproxy = setmetatable({}, {__index = string})
print(strproxy.upper("abc"))
-- deep chain
local base = {depth = 0}
local cur = base
for i = 1, 50 do cur = setmetatable({}, {__index = cur}) end
print(cur.depth)
-- __index for arrays
local arr = setmetatable({1, 2}, {__index = function(_, i) return i * 100 end})
print(arr[1], arr[2], arr[3], #arr)
