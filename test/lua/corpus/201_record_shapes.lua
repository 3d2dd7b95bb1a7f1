-- Records whose shape changes: fields added in different orders, set to nil and back, in
-- loops; reads and writes of constant keys at the same site over many shapes; traversal
-- order after deletions and re-insertions.
local function show(t)
  local parts = {}
  for k, v in pairs(t) do parts[#parts + 1] = tostring(k) .. "=" .. tostring(v) end
  table.sort(parts) -- luajit's traversal order is its hash order
  return table.concat(parts, " ")
end

local recs = {}
for i = 1, 12 do
  local r = {}
  if i % 2 == 0 then r.a = i end
  r.b = i * 2
  if i % 3 == 0 then r.c = "c" .. i end
  if i % 4 == 0 then r.a = nil end
  recs[i] = r
end
for i = 1, 12 do print(i, show(recs[i])) end

-- one read site, many shapes
local total = 0
for round = 1, 3 do
  for i = 1, 12 do
    local r = recs[i]
    total = total + (r.a or 0) + r.b
    r.b = r.b + 1
    if r.c then r.c = r.c .. "!" end
  end
end
print("total", total, recs[3].c, recs[6].c)

-- delete during traversal, then re-insert
local t = { x = 1, y = 2, z = 3, w = 4 }
t.v = 5
for k, v in pairs(t) do if v % 2 == 0 then t[k] = nil end end
print(show(t))
t.y = 20
print(show(t))
for i = 1, 30 do t["n" .. i] = i end
for i = 1, 30 do t["n" .. i] = nil end
t.after = true
print(show(t))

-- a field holding false is present; nil is absent
local f = { flag = false }
print(f.flag, f.flag == nil, next(f))
f.flag = nil
print(next(f))

-- numbers as keys beside fields
local m = { name = "m" }
m[1] = "one"; m[2.5] = "frac"; m[-3] = "neg"; m["2"] = "str2"; m[2] = "two"
print(m[1], m[2], m["2"], m[2.5], m[-3], #m)
local ks = {}
for k in pairs(m) do ks[#ks + 1] = type(k) .. ":" .. tostring(k) end
table.sort(ks)
print(table.concat(ks, " "))

-- methods resolved through a class chain while the class changes
local Base = {}
Base.__index = Base
function Base:who() return "base" end
local Derived = setmetatable({}, Base)
Derived.__index = Derived
local obj = setmetatable({}, Derived)
local seen = {}
for i = 1, 6 do
  seen[#seen + 1] = obj:who()
  if i == 2 then function Derived:who() return "derived" end end
  if i == 4 then Derived.who = nil end
end
print(table.concat(seen, " "))
print(pcall(function() return obj:missing() end))
