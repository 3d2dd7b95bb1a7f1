-- Instances and their classes: own fields over inherited ones, dead keys on either side,
-- metatables swapped or removed after fields exist, raw access and traversal of instances,
-- NaN-valued fields, __newindex with inherited keys, __index functions.
local function keys(t)
  local out = {}
  for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
  table.sort(out)
  return table.concat(out, " ")
end

local Base = { kind = "base", size = 0 }
Base.__index = Base
function Base.new(x, y) return setmetatable({ x = x, y = y }, Base) end
function Base:move(dx, dy) self.x = self.x + dx; self.y = self.y + dy end
function Base:name() return "Base" end
function Base:grow(d) self.size = self.size + d end

local Derived = setmetatable({}, { __index = Base })
Derived.__index = Derived
function Derived:name() return "Derived" end

-- a method overridden by an own field, then the field cleared
local a = Base.new(1, 2)
print(a:name(), a.kind, a.size)
a.name = function() return "own" end
print(a:name(), rawget(a, "name") ~= nil)
a.name = nil
print(a:name(), rawget(a, "name"))

-- class defaults: the first store adds an own key, later ones update it
for i = 1, 3 do a:grow(i) end
print(a.size, Base.size, rawget(a, "size"), keys(a))
a:move(10, 20)
print(a.x, a.y)

-- the same stores in a loop (compiled fast paths) with a class default of the same value
local b = Base.new(0, 0)
b.size = 0
for i = 1, 5 do b:grow(0) end
print(b.size, rawget(b, "size"))

-- a dead key in the class: instances must not see the old value
Base.kind = nil
print(a.kind, Base.kind)
Base.kind = "again"
print(a.kind)
-- a dead key in the instance: the class shows through again
a.kind = "mine"
print(a.kind)
a.kind = nil
print(a.kind, rawget(a, "kind"))

-- metatable swapped after fields exist
setmetatable(a, Derived)
print(a:name(), a.x, a.y, a.size, keys(a))
a:move(1, 1)
print(a.x, a.y)
-- removed: no more inheritance, own fields stay
setmetatable(a, nil)
print(a.name, a.move, a.x, a.size, keys(a))
-- back again
setmetatable(a, Base)
print(a:name(), a.kind)

-- an empty instance, then fields, then a swap
local e = setmetatable({}, Base)
print(e.kind, next(e), rawget(e, "kind"))
e.z = 5
setmetatable(e, Derived)
print(e:name(), e.z, keys(e))
setmetatable(e, nil)
print(e.z, e.kind, keys(e))

-- rawset/rawget/next/pairs on instances
local r = Base.new(3, 4)
rawset(r, "kind", "raw")
print(r.kind, rawget(r, "kind"), rawget(r, "move"))
local n = 0
for k in pairs(r) do n = n + 1 end
print(n, keys(r))
print(next(r, nil) ~= nil)

-- NaN-valued fields on the class and on the instance
local nan = 0 / 0
local N = { v = nan }
N.__index = N
local i1 = setmetatable({}, N)
print(i1.v ~= i1.v, rawget(i1, "v"))
i1.v = 1
print(i1.v, rawget(i1, "v"), N.v ~= N.v)
local i2 = setmetatable({ v = nan }, N)
i2.v = 2
print(i2.v, rawget(i2, "v"))
i2.v = nan
i2.v = i2.v
print(i2.v ~= i2.v, rawget(i2, "v") ~= rawget(i2, "v"))
for _ = 1, 3 do i2.v = 7 end
print(i2.v)

-- __newindex with inherited keys: only a key the table holds itself skips it
local log = {}
local W = { shared = 1 }
W.__index = W
W.__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v * 10) end
local w = setmetatable({ own = 1 }, W)
for i = 1, 3 do w.own = i; w.shared = i end
print(w.own, w.shared, rawget(w, "shared"), table.concat(log, ","))

-- __index functions, and a function after a chain of tables
local F = setmetatable({}, { __index = function(t, k) return "fn:" .. k end })
print(F.anything, rawget(F, "anything"))
local G = { __index = F }
local g = setmetatable({}, G)
print(g.thing, g.x)
g.x = 1
print(g.x)
local H = { __index = function(t, k) return k .. "!" end }
local h = setmetatable({ a = 1 }, H)
for _ = 1, 3 do h.a = h.a + 1 end
print(h.a, h.b)

-- __index changed on a metatable in use, and a table that is its own __index
local M = {}
M.__index = { hello = "first" }
local m = setmetatable({}, M)
print(m.hello)
M.__index = { hello = "second" }
print(m.hello)
M.__index = nil
print(m.hello)
local self = {}
self.__index = self
setmetatable(self, self)
print(pcall(function() return self.missing end))
self.present = 1
print(self.present)

-- a class with many methods (past the fields object's fast keys)
local Big = {}
Big.__index = Big
for i = 1, 40 do Big["m" .. i] = function(s) return i + s.base end end
local big = setmetatable({ base = 100 }, Big)
local sum = 0
for i = 1, 40 do sum = sum + big["m" .. i](big) end
print(sum, big:m7(), big:m40())

-- instances built many ways share methods
local count = 0
local objs = {}
for i = 1, 30 do
  local o
  if i % 3 == 0 then o = setmetatable({}, Derived); o.x = i; o.y = -i; o.size = 0
  elseif i % 3 == 1 then o = Base.new(i, -i)
  else o = setmetatable(Base.new(i, i), Derived) end
  objs[i] = o
end
for k = 1, 200 do
  local o = objs[k % 30 + 1]
  o:move(1, 2)
  if o:name() == "Derived" then count = count + 1 end
end
local sx = 0
for i = 1, 30 do sx = sx + objs[i].x + objs[i].y end
print(count, sx)
