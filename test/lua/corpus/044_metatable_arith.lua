local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b)
  if type(a) == "number" then return vec(a * b.x, a * b.y) end
  if type(b) == "number" then return vec(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
V.__div = function(a, b) return vec(a.x / b, a.y / b) end
V.__mod = function(a, b) return vec(a.x % b, a.y % b) end
V.__pow = function(a, b) return vec(a.x ^ b, a.y ^ b) end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__tostring = function(a) return "<" .. a.x .. "," .. a.y .. ">" end
local a, b = vec(1, 2), vec(3, 4)
print(tostring(a + b), tostring(a - b), a * b, tostring(a * 2), tostring(3 * a))
print(tostring(b / 2), tostring(b % 3), tostring(a ^ 2), tostring(-a))
print(tostring(a + b + a), tostring(-(a - b)))
-- metamethod on right operand only
local R = setmetatable({}, {__add = function(x, y) return "R+" .. type(x) .. "," .. type(y) end})
print(1 + R, R + 1, "s" + R)
-- numbers as strings do not use metamethods
print("10" + 1)
-- missing metamethod
print(pcall(function() return a .. b end))
print(pcall(function() return {} + 1 end))
-- __unm receives operand twice in 5.1? print count of args
local U = setmetatable({}, {__unm = function(...) return select('#', ...) end})
print(-U)
-- __add returning multiple values gets truncated
local M = setmetatable({}, {__add = function() return 1, 2 end})
print(M + M)
-- first operand's metamethod is preferred
local L1 = setmetatable({}, {__add = function() return "left" end})
local L2 = setmetatable({}, {__add = function() return "right" end})
print(L1 + L2, L2 + L1)
-- arithmetic metamethods on strings via string metatable are absent
print(pcall(function() return "a" + "b" end))
