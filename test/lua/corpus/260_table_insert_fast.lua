-- table.insert(t, v) appends in place only when that is exactly what the library does.
local function show(t) local o = {} for i = 1, #t do o[#o + 1] = tostring(t[i]) end return #t .. ":" .. table.concat(o, ",") end

local t = {}
for i = 1, 5 do table.insert(t, i * i) end
print(show(t))

-- nil value: nothing appended, no error
table.insert(t, nil)
print(show(t))

-- a value that comes from a call: one value, adjusted
local function two() return "a", "b" end
table.insert(t, (two()))
print(show(t))

-- hash keys (where the border is not in doubt: luajit's rehash can move integer keys)
local g = { 1, 2, x = "x" }
table.insert(g, 3)
print(show(g), g.x)

-- raw set: __newindex and __len are not consulted
local log = {}
local m = setmetatable({}, { __newindex = function(_, k, v) log[#log + 1] = k end, __len = function() return 100 end })
table.insert(m, "v")
table.insert(m, "w")
print(rawget(m, 1), rawget(m, 2), #log)

-- the results: none
local r = table.insert(t, 0)
print(r, select("#", table.insert(t, 0)))
print(table.insert(t, 0))

-- a replaced table.insert is called as itself
local saved = table.insert
table.insert = function(a, b) print("mine", type(a), b) end
table.insert(t, 7)
table.insert = saved
table.insert(t, 8)
print(show(t))

-- a local alias of the table library, and table as a local
do
  local table = { insert = function(a, b) print("local insert", b) end }
  table.insert(t, 9)
end

-- errors: not a table, wrong argument counts
print(pcall(function() table.insert(nil, 1) end))
print(pcall(function() table.insert("s", 1) end))
print(pcall(function() local u = 5; table.insert(u, 1) end))
print(pcall(table.insert, {}, 1, 2, 3))

-- positions: insert in the middle goes through the library
local p = { "a", "c" }
table.insert(p, 2, "b")
print(show(p))

-- in a loop, mixed with t[#t + 1]
local q = {}
for i = 1, 10 do
  if i % 2 == 0 then table.insert(q, i) else q[#q + 1] = -i end
end
print(show(q))
q[#q] = nil
table.insert(q, "end")
print(show(q))
