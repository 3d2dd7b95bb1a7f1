-- Tables that start with no items (empty constructors, records, class tables, tables whose
-- hash part has dead keys) and then get them: pushes, table.insert, stores at #t+1, and the
-- library functions on tables that never had an item.
local function show(label, t)
  local parts = {}
  for i = 1, #t do parts[#parts + 1] = tostring(t[i]) end
  print(label, #t, table.concat(parts, ","))
end

-- empty constructors, pushed onto in loops (compiled fast paths)
local made = {}
for i = 1, 5 do
  local t = {}
  for j = 1, i do t[#t + 1] = j * i end
  made[i] = t
end
for i = 1, 5 do show("push " .. i, made[i]) end

local ins = {}
for i = 1, 4 do
  local t = {}
  for j = 1, i do table.insert(t, j) end
  table.insert(t, 1, 0)
  ins[i] = t
end
for i = 1, 4 do show("insert " .. i, ins[i]) end

-- records then items
local r = { x = 1, y = 2 }
r[#r + 1] = "a"
r[#r + 1] = "b"
table.insert(r, "c")
show("record", r)
print(r.x, r.y)

local r2 = { name = "n" }
r2[1] = 10
r2[2] = 20
show("record2", r2)

-- a class table (an __index target) that gets items, and an instance that does
local Class = {}
Class.__index = Class
function Class.new() return setmetatable({}, Class) end
local obj = Class.new()
Class[#Class + 1] = "c1"
table.insert(Class, "c2")
obj[#obj + 1] = "o1"
table.insert(obj, "o2")
show("class", Class)
show("obj", obj)
print(obj[1], obj[2], rawget(obj, 3), obj[3])

-- an instance whose metatable has __newindex: only absent keys reach it
local log = {}
local Logged = setmetatable({}, { __newindex = function(t, k, v) log[#log + 1] = tostring(k); rawset(t, k, v) end })
Logged[#Logged + 1] = "x"
Logged[#Logged + 1] = "y"
Logged[1] = "z"
show("logged", Logged)
print("newindex calls", table.concat(log, ","))

-- dead keys in the hash part, no items yet
local d = { a = 1, b = 2 }
d.a = nil
d.b = nil
d[#d + 1] = "first"
table.insert(d, "second")
show("dead", d)
for k, v in pairs(d) do print("pairs dead", k, v) end

-- other keys first, then the array part
local o = {}
o[3] = "three"
o[2] = "two"
o[1] = "one"
show("migrated", o)
local o2 = {}
o2[true] = 1
o2[#o2 + 1] = "p"
show("with other", o2)
print(o2[true])

-- the library on tables that never had an item
local e = {}
print(#e, next(e), select("#", unpack(e)), table.concat(e), table.remove(e), #e)
table.sort(e)
print(#e, table.maxn(e))
for i, v in ipairs(e) do print("never", i, v) end
for k, v in pairs({ k = 1 }) do print("pairs rec", k, v) end
local emptied = { 1, 2 }
table.remove(emptied)
table.remove(emptied)
emptied[#emptied + 1] = "again"
show("emptied", emptied)
print(next({}, nil))
print(pcall(next, {}, 1))

-- many small tables, some kept and filled later
local keep = {}
for i = 1, 200 do keep[i] = {} end
for i = 1, 200, 3 do keep[i][1] = i end
local sum, n = 0, 0
for i = 1, 200 do
  local t = keep[i]
  if t[1] then sum = sum + t[1]; n = n + 1 end
  if #t ~= (t[1] and 1 or 0) then print("bad length", i) end
end
print("kept", n, sum)
