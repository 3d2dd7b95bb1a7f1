-- Arithmetic whose leftmost operand is a call, over fields of local tables:
-- `return self:area() + self.x - self.y`. The call runs first, then the fields are read, as in
-- Lua; its value may be a number, several values, nil, a string or a table with __add.
local t = { x = 1, y = 2 }
local function bump(o) o.x = o.x + 10; return 100 end
local function many() return 1, 2, 3 end
local function none() end
local function str() return "5" end
local A = setmetatable({}, { __add = function(a, b) return "A+" .. tostring(b) end, __sub = function(a, b) return "A-" end })
local function obj() return A end

local function f1(o) return bump(o) + o.x - o.y end
local function f2(o) local v = many() * o.x + o.y; return v end
local function f3(o) o.y = str() + o.y; return o.y end
local function f4(o) return obj() + o.x end
local function f5(o) local r = none() + o.x; return r end
local function f6(o) return -many() + o.y end

print(f1(t), t.x, t.y)
print(f2(t))
print(f3(t), t.y)
print(f4(t))
print(pcall(f5, t))
print(f6(t))

-- the fast path many times over, then a table the guard refuses
local P = {}
P.__index = P
function P:area() return self.w * self.h end
function P:score() return self:area() + self.x - self.y end
local ps = {}
for i = 1, 50 do ps[i] = setmetatable({ w = i, h = 2, x = i % 7, y = i % 3 }, P) end
local sum = 0
for round = 1, 20 do
  for i = 1, #ps do sum = sum + ps[i]:score() end
end
print(sum)
ps[3].x = "4"
print(ps[3]:score())
ps[4].x = nil
print(pcall(P.score, ps[4]))
local Q = setmetatable({}, { __index = P })
Q.__index = Q
function Q:area() return "big" end
local q = setmetatable({ w = 1, h = 1, x = 1, y = 1 }, Q)
print(pcall(q.score, q))
