-- Fields of tables as the compiler caches them: __index chains of tables (with dead keys,
-- function __index, cycles, __index replaced), __newindex, special and integer-like keys.
local A = { a = 1, shared = "A" }
A.__index = A
local B = setmetatable({ b = 2, shared = "B" }, A)
B.__index = B
local o = setmetatable({ own = 0 }, B)
print(o.a, o.b, o.own, o.shared, o.none)
B.shared = nil            -- dead key in the middle of the chain
print(o.shared)
B.shared = "B2"
print(o.shared)
A.a = nil
print(o.a, rawget(o, "a"), rawget(B, "a"))
A.a = 10
print(o.a)
-- function __index at the end of the chain
setmetatable(A, { __index = function(t, k) return "fn:" .. k end })
print(o.zzz, o.a, B.q)
getmetatable(A).__index = nil
print(o.zzz)
-- __index replaced on a metatable in use
local C = { c = 3 }
B.__index = C
print(o.c, o.b, o.shared)
B.__index = B
print(o.c, o.b)
-- __newindex only on absent keys
local log = {}
local P = setmetatable({ x = 1 }, { __newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end })
P.x = 2; P.y = 3; P.y = 4; P.x = nil; P.x = 5
print(P.x, P.y, table.concat(log, ","))
-- cycles
local X, Y = {}, {}
setmetatable(X, { __index = Y }); setmetatable(Y, { __index = X })
print(pcall(function() return X.nope end))
-- traversal with nil assignment, special keys
local t = { __proto__ = 1, constructor = 2, toString = 3, ["1"] = 4, [1] = 5, hasOwnProperty = 6, valueOf = 7 }
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. "=" .. v end
table.sort(keys); print(table.concat(keys, " "))
local r = { a = 1, b = 2, c = 3, d = 4 }
for k in pairs(r) do r[k] = nil end
print(next(r))
local s = {}
for i = 1, 20 do s["k" .. i] = i end
for i = 1, 20, 2 do s["k" .. i] = nil end
local n = 0; for k, v in pairs(s) do n = n + v end; print(n)
for i = 21, 40 do s["k" .. i] = i end
n = 0; for k, v in pairs(s) do n = n + v end; print(n)
-- integer keys: holes, 0, negative, float, -0
local a = {}
a[0] = "z"; a[1] = "o"; a[-1] = "m"; a[1.5] = "f"; a[-0] = "mz"; a[3] = "t"; a[2] = "w"
print(a[0], a[1], a[2], a[3], a[-1], a[1.5], #a)
local q = {}
for i = 1, 5 do q[i] = i * i end
q[3] = nil
print(q[3], q[5])
q[6] = 36; q[#q + 1] = 49
print(#q == 7 or #q == 2, q[7])
-- string metatable, method on strings
local str = "abc"
print(str:upper(), ("x"):rep(3), #str)
-- metatable attached after fields exist, records changing shape in a loop
local recs = {}
for i = 1, 6 do
  local r2 = { id = i }
  if i % 2 == 0 then r2.even = true end
  if i % 3 == 0 then r2.id = nil; r2.third = i end
  recs[i] = r2
end
local Cls = { describe = function(self) return (self.id or "-") .. ":" .. tostring(self.even) .. ":" .. tostring(self.third) end }
Cls.__index = Cls
for i = 1, 6 do setmetatable(recs[i], Cls); print(recs[i]:describe()) end
