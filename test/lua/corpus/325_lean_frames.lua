-- Compiled code without frame code: leaf functions whose slow paths are outlined take the
-- frame only when a slow path runs; method calls by names the string library lacks look up
-- tables only; `%` by a positive literal takes a shorter helper. Each must keep luajit's
-- results, errors and tracebacks.

-- 1. Leaf functions whose only slow paths are outlined field updates
local function bump(p, d) p.x = p.x + d; p.y = p.y - d end
local function scale(p, k) p.x = p.x * k end
local p = { x = 1, y = 2 }
for i = 1, 5 do bump(p, i) end
scale(p, 0.5)
print("plain", p.x, p.y)

-- the slow path with metamethods: __index and __newindex on a proxy
local store = { x = 10, y = 20 }
local proxy = setmetatable({}, {
  __index = function(_, k) return store[k] end,
  __newindex = function(_, k, v) store[k] = v * 2 end,
})
bump(proxy, 1)
print("proxy", store.x, store.y, rawget(proxy, "x"))

-- fields holding other kinds: __add on a table value, strings coerced
local V = {}
V.__add = function(a, b) return setmetatable({ n = a.n + (type(b) == "table" and b.n or b) }, V) end
local q = { x = setmetatable({ n = 1 }, V), y = "7" }
local ok, err = pcall(bump, q, 3)
print("mixed", ok, q.x.n, err)
local r = { x = "4", y = 9 }
bump(r, 1)
print("coerced", r.x, r.y)

-- errors from the slow path: message, pcall, and the depth left behind
local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
for i = 1, 3 do
  local ok2, e2 = pcall(bump, nil, 1)
  print("nil self", ok2, e2)
  local ok3, e3 = pcall(bump, { x = {}, y = 1 }, 1)
  print("table field", ok3, e3)
end
print("depth after errors", deep(150))

-- slow paths taken many times, with and without a value: each leaves the frame it took
local function area(r) return r.w * r.h end
local function twice(x) return x * 2 end
local function grow(r, d) r.w = r.w + d end
local sq = { w = "3", h = 2 }
local sum = 0
for i = 1, 300000 do sum = sum + area(sq) + twice("1"); grow(sq, 0) end
print("many slow paths", sum, sq.w, deep(180))
print(pcall(error))

-- xpcall's handler runs where the error was raised: its traceback shows the leaf's frame
local function handler(m) return debug.traceback("handled: " .. tostring(m), 1) end
local ok4, tb = xpcall(bump, handler, { x = false, y = 1 }, 1)
print("xpcall", ok4)
print((tb:gsub("0x%x+", "ADDR")))
local ok5, tb5 = xpcall(function() scale({ x = "z" }, 2) end, handler)
print(ok5)
print((tb5:gsub("0x%x+", "ADDR")))

-- a leaf's slow path that calls Lua (an __index function) that errors
local bad = setmetatable({}, { __index = function(_, k) error("no field " .. k) end })
print(pcall(bump, bad, 1))
print(select("#", pcall(scale, bad, 2)))

-- 2. Method calls by names the string library lacks
local Obj = {}
Obj.__index = Obj
function Obj.new(v) return setmetatable({ v = v }, Obj) end
function Obj:get() return self.v end
function Obj:len() return 42 end
local o = Obj.new(5)
print("method", o:get(), o:len())

-- string methods the program adds to the string table
function string.trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
function string.shout(s) return s:upper() .. "!" end
local s = "  hello  "
print("[" .. s:trim() .. "]", ("hey"):shout(), s:len())

-- a receiver that is sometimes a string, sometimes a table, with the same method name
local things = { Obj.new(1), "abc", Obj.new(3), "  pad " }
for i = 1, #things do
  local t = things[i]
  if type(t) == "string" then print("str", t:trim(), t:len()) else print("obj", t:get(), t:len()) end
end
string.get = function(str) return "string get: " .. str end
for i = 1, #things do print("get", things[i]:get()) end

-- the strings' __index replaced by a function, then restored
local smt = getmetatable("")
local lib = smt.__index
smt.__index = function(str, k) return function(self2, ...) return k .. "(" .. self2 .. ")" end end
print("hooked", ("x"):anything(), ("y"):upper())
smt.__index = lib
print("restored", ("x"):upper())

-- errors: a method of a number, of nil, a missing method
print(pcall(function() local n = 5; return n:foo() end))
print(pcall(function() local z; return z:foo() end))
print(pcall(function() return o:missing() end))
print(pcall(function() return ("s"):missing() end))

-- 3. `%` by positive literals over every kind of number
local vals = { 0, -0, 1, 7, 99, 100, 101, -1, -100, -101, 0.5, -0.5, 7.25, 2^31 - 1, 2^31, -2^31,
  2^53, 2^53 + 2, -2^53, 1e300, -1e300, 1/0, -1/0, 2^31 + 0.5 }
for i = 1, #vals do
  local v = vals[i]
  print("mod", v, v % 1, v % 3, v % 100, v % 1000000007, v % 2147483647)
end
local nan = 0/0
print("nan", nan % 7 ~= nan % 7)
local acc, t = 0, { n = -5 }
for i = -20, 20, 3 do
  acc = (acc * 31 + i % 7 + t.n % 4) % 1000000007
  t.n = t.n - 1.25
end
print("acc", acc, t.n)
print(pcall(function() return ("12") % 5, ("x") % 5 end))
local mt = { __mod = function(a, b) return "mod(" .. tostring(b) .. ")" end }
print(setmetatable({}, mt) % 10)

-- item keys `i % k + 1` and `i % k` from integer loop variables, negative ones included
local ring = { "a", "b", "c", "d", "e" }
local picked = {}
for i = -12, 12 do picked[#picked + 1] = ring[i % 5 + 1] .. tostring(ring[i % 5]) end
print(table.concat(picked, " "))
local big = {}
for i = 9007199254740990, 9007199254740994, 2 do big[#big + 1] = tostring(ring[i % 3 + 1]) .. (i % 7) end
print(table.concat(big, " "))
