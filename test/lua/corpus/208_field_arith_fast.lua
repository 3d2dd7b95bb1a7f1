-- Arithmetic over fields of local tables, locals and numbers (self.x = self.x + dx,
-- local d = a.x - b.x, return t.w * t.h): compiled code takes a fast path when every field
-- is a number the table holds, and the statement's general code otherwise. Every way out of
-- the fast path must give luajit's result or error.
local function show(...) print(...) end

local P = {}
P.__index = P
function P.new(x, y) return setmetatable({ x = x, y = y }, P) end
function P:move(dx, dy) self.x = self.x + dx; self.y = self.y - dy end
function P:area() return self.x * self.y end
function P:norm2() local a = self.x * self.x; local b = self.y * self.y; return a + b end

local p = P.new(3, 4)
for _ = 1, 5 do p:move(1, 2) end
show(p.x, p.y, p:area(), p:norm2())

-- strings that look like numbers: coerced by the general code
local s = P.new("10", " 0x10 ")
s:move(1, 1)
show(s.x, s.y, math.type and "" or "", type(s.x))
show(pcall(P.move, P.new("ten", 1), 1, 1))

-- a field inherited through __index: read from the class, written to the instance
P.z = 100
local q = P.new(1, 1)
q.z = q.z + 1
show(q.z, P.z, rawget(q, "z"))
local Class = setmetatable({}, { __index = { count = 5 } })
Class.count = Class.count + 1
show(Class.count, rawget(Class, "count"))

-- a class table used as __index is linked: its own counter still counts
P.instances = 0
for _ = 1, 3 do P.instances = P.instances + 1 end
show(P.instances, p.instances)

-- __newindex for a key the table does not hold, __add and __unm on field values
local log = {}
local guarded = setmetatable({ a = 1 }, { __newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(t, k, v) end })
guarded.b = guarded.a + 1
guarded.a = guarded.a * 10
show(guarded.a, guarded.b, table.concat(log, ","))
local V = {}
V.__add = function(a, b) return "added" end
V.__unm = function(a) return "negated" end
local vec = setmetatable({}, V)
local holder = { v = vec, n = 2 }
local r1 = holder.v + holder.n
local r2 = -holder.v
holder.n = holder.n + 1
show(r1, r2, holder.n)

-- numbers at the edges: -0, inf, nan, % with signs and fractions, division by zero
local e = { a = 0, b = -1, c = 5.5, z = 0 }
local negz = e.a * e.b
show(negz, 1 / negz, e.c % -2, -e.c % 2, e.c / e.z, -e.c / e.z, (e.z / e.z) ~= (e.z / e.z))
e.a = e.a - e.c % 1.5
show(e.a, 2^53 + e.b, e.c * 1e308 * 10)

-- errors name the operand as luajit does
show(pcall(function() local t = { x = 1 } return t.x + t.y end))
show(pcall(function() local t = { x = 1 } t.x = t.x + t.nope end))
show(pcall(function() local t = { x = "a" } local n = 1 return n - t.x end))
show(pcall(function() local t = nil return t.x * 2 end))
show(pcall(function() local t = 5 local u = t.x - 1 return u end))

-- upvalues, several locals at once, and keys that are JS Object.prototype names
local scale = 3
local o = { constructor = 2, toString = 4, valueOf = 6, __proto__ = 8 }
local function f(t) return t.constructor * scale + t.toString - t.valueOf % t.__proto__ end
local a1, a2, a3 = o.constructor + 1, o.toString * scale, -o.valueOf
o.constructor = o.constructor + o.__proto__
show(f(o), a1, a2, a3, o.constructor)
scale = "2"
show(f(o))

-- a table that changes shape inside the loop, and one that gains a metatable
local m = { v = 1 }
for i = 1, 6 do
  m.v = m.v + i
  if i == 3 then m.extra = true end
  if i == 4 then setmetatable(m, { __index = { w = 10 } }) end
end
show(m.v, m.extra, m.w)
