-- Library calls in loops (compiled code calls math's functions, table.insert and
-- string.format in place while they are the library's own), and every way they can change
-- while a loop runs: replaced before it, by the loop's own stores, by a function it calls,
-- through a computed key, the global `math` itself; arguments of other types, errors, and
-- results of replacements used in arithmetic.

local function sum_sqrt(n)
  local s = 0
  for i = 1, n do s = s + math.sqrt(i) * 2 end
  return s
end
print("sqrt", sum_sqrt(10))

-- every math function of one number, in a loop and in arithmetic
local acc = 0
for i = 1, 5 do
  local x = i * 0.7
  acc = acc + math.abs(-x) + math.floor(x) + math.ceil(x) + math.sqrt(x) + math.exp(x / 10)
    + math.sin(x) + math.cos(x) + math.tan(x / 4) + math.log10(x) + math.sinh(x / 5) + math.cosh(x / 5) + math.tanh(x)
    + math.asin(x / 10) + math.acos(x / 10) + math.atan(x)
end
print("all", string.format("%.10f", acc))

-- strings that coerce, and values that do not
local k = 0
for _, v in ipairs({ "16", 25, "0x10" }) do k = k + math.sqrt(v) end
print("coerced", k)
print(pcall(function() local t = 0; for i = 1, 3 do t = t + math.sqrt(i == 2 and {} or i) end return t end))
print(pcall(function() for i = 1, 2 do local y = 3 * math.floor(i == 2 and "x" or i) end end))

-- replaced before the loop: the replacement is called
local calls = 0
local real_sqrt, real_floor = math.sqrt, math.floor
math.sqrt = function(x) calls = calls + 1; return x end
print("replaced", sum_sqrt(4), calls)
math.sqrt = real_sqrt

-- replaced by a function that gives a string or a table: arithmetic on them
math.sqrt = function(x) return tostring(x) end
print("string result", sum_sqrt(3))
math.sqrt = function() return {} end
print(pcall(sum_sqrt, 2))
math.sqrt = real_sqrt

-- replaced by the loop itself: a store of that name
local seen = {}
for i = 1, 4 do
  seen[#seen + 1] = math.sqrt(i * i)
  if i == 2 then math.sqrt = function(x) return -x end end
end
print("own store", table.concat(seen, " "))
math.sqrt = real_sqrt

-- a field store of the library table's name
local lib = math
local out = {}
for i = 1, 3 do
  out[i] = math.floor(i + 0.5)
  if i == 1 then lib.floor = function() return "floor?" end end
end
print("field store", out[1], out[2], out[3])
math.floor = nil
print(pcall(function() for i = 1, 2 do local v = math.floor(i) end end))
math.floor = real_floor

-- a computed key
local names = { "sqrt", "abs" }
local got = {}
for i = 1, 2 do
  got[i] = math.sqrt(16)
  math[names[i]] = function() return "via key " .. i end
end
print("computed key", got[1], got[2])
math.sqrt = real_sqrt
math.abs = function(x) return x < 0 and -x or x end

-- a call in the loop may replace it
local function spoil() math.sqrt = function() return 0 end end
local r = {}
for i = 1, 3 do
  r[i] = math.sqrt(9)
  if i == 1 then spoil() end
end
print("by a call", r[1], r[2], r[3])
math.sqrt = real_sqrt

-- the global table's field replaced: math itself
local saved = math
local m = {}
for i = 1, 2 do
  m[i] = math.sqrt(4)
  if i == 1 then math = { sqrt = function() return "other" end } end
end
print("global replaced", m[1], m[2])
math = saved
math = nil
print(pcall(function() for i = 1, 2 do local v = math.sqrt(i) end end))
math = saved

-- table.insert and string.format in loops
local t = {}
for i = 1, 5 do table.insert(t, string.format("%d:%s", i, i * 2)) end
print(table.concat(t, ","))
local real_insert, real_format = table.insert, string.format
table.insert = function(tt, v) rawset(tt, #tt + 1, "[" .. v .. "]") end
string.format = function(f, ...) return "fmt(" .. f .. ")" end
local u = {}
for i = 1, 3 do table.insert(u, string.format("%d", i)) end
print(table.concat(u, ","))
table.insert, string.format = real_insert, real_format
local w = {}
for i = 1, 3 do
  table.insert(w, string.format("%s|%d", i % 2 == 0 and "even" or "odd", i))
  if i == 2 then string.format = function() return "late" end end
end
print(table.concat(w, ","))
string.format = real_format
print(pcall(function() local q = {} for i = 1, 2 do table.insert(q, string.format("%d", i == 2 and "z" or i)) end end))

-- nested loops and while/repeat
local n2, i2 = 0, 0
while i2 < 4 do
  i2 = i2 + 1
  local j = 0
  repeat j = j + 1; n2 = n2 + math.floor(math.sqrt(i2 * j)) until j >= i2
end
print("nested", n2)

-- errors raised in a loop carry the right line
local ok, err = pcall(function()
  for i = 1, 3 do
    local y = 2 * math.sqrt(i < 3 and i or nil)
  end
end)
print(ok, err)
