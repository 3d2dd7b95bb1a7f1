-- pairs/next loops (compiled code steps them without calling next): both parts of a table,
-- fields cleared or changed during the traversal, replaced functions, errors. Hash order is
-- not luajit's: what is printed is sorted or counted.
local function keys(t, iter)
  local out = {}
  for k, v in (iter or pairs)(t) do
    out[#out + 1] = (type(k) == "table" and "tbl" or tostring(k)) .. "=" .. tostring(v)
  end
  table.sort(out)
  return table.concat(out, " ")
end

-- both parts; keys of every kind
local mixed = { 10, 20, 30, x = 1, y = 2, [true] = "t", [2.5] = "f", ["1"] = "s1", __proto__ = "p", [-1] = "neg" }
local tk = {}
mixed[tk] = "table"
print(keys(mixed))
local n = 0
for k, v in pairs(mixed) do n = n + 1 end
print(n)
-- the array part comes first, in order
for k, v in pairs({ "a", "b", "c", z = 1 }) do
  if type(k) == "number" then io.write(k, v, " ") end
end
print()
-- -0 is the key 0
local z = { [0] = "zero" }
for k, v in pairs(z) do print(k, v, 1 / k) end
-- empty tables, a table with only dead keys
print(keys({}))
local dead = { a = 1, b = 2 }
dead.a = nil; dead.b = nil
print(keys(dead), next(dead))
-- keys that moved from the hash part to the array part
local moved = {}
moved[3] = "c"; moved[2] = "b"; moved.k = "key"; moved[1] = "a"
print(keys(moved))
for k, v in pairs(moved) do io.write(tostring(k), " ") break end
print()
-- many fields (a large fields object)
local big = {}
for i = 1, 300 do big["f" .. i] = i end
local sum, count = 0, 0
for k, v in pairs(big) do sum = sum + v; count = count + 1 end
print(sum, count)

-- fields set to nil during the traversal (allowed): each visited once, cleared ones not after
local t = { a = 1, b = 2, c = 3, d = 4, e = 5, 1, 2, 3 }
local seen = 0
for k, v in pairs(t) do
  seen = seen + 1
  t[k] = nil
end
print(seen, next(t))
t = { a = 1, b = 2, c = 3, d = 4 }
local visited = {}
for k, v in pairs(t) do
  visited[#visited + 1] = k
  -- clear every other key, including ones not visited yet
  for _, other in ipairs({ "a", "b", "c", "d" }) do
    if other ~= k and not t[other .. "_kept"] then t[other] = nil end
  end
end
print(#visited)
-- the array part cleared from the end while the traversal is in it
t = { 1, 2, 3, 4, 5 }
local got = {}
for k, v in pairs(t) do
  got[#got + 1] = k .. ":" .. v
  t[#t] = nil
end
print(table.concat(got, " "), #t)
t = { 1, 2, 3, 4, 5, x = "x" }
got = {}
for k, v in pairs(t) do
  got[#got + 1] = tostring(k)
  if k == 2 then for i = 5, 1, -1 do t[i] = nil end end
end
table.sort(got)
print(table.concat(got, " "))
-- existing fields changed during the traversal
t = { a = 1, b = 2, c = 3, 4, 5 }
for k, v in pairs(t) do t[k] = v * 10 end
print(keys(t))
-- the local holding the table replaced in the body
t = { p = 1, q = 2 }
count = 0
for k, v in pairs(t) do
  count = count + 1
  t = { r = 3, s = 4, u = 5 }
end
print(count)

-- next called directly, and as the iterator
print(next({}), next({ 7 }), next({ 7 }, 1))
print(keys({ 4, 5, w = 6 }, function(x) return next, x end))
local only = { solo = "v" }
for k, v in next, only do print(k, v) end
for k, v in next, only, nil do print(k, v) end
for k, v in next, { 1, 2, 3 }, 1 do io.write(k, v, " ") end
print()
-- one variable, three variables, break, nested loops over one table
for k in pairs({ only = 1 }) do print(k) end
for k, v, extra in pairs({ only = 1 }) do print(k, v, extra) end
local sq = { a = 1, b = 2, c = 3 }
local combos = 0
for k1, v1 in pairs(sq) do
  for k2, v2 in pairs(sq) do
    for k3 in pairs(sq) do combos = combos + v1 * v2 end
  end
end
print(combos)
local firstKey
for k in pairs({ 9, 8, 7 }) do firstKey = k break end
print(firstKey)
local fns = {}
for k, v in pairs({ 1, 2, 3 }) do fns[k] = function() return k * v end end
print(fns[1](), fns[2](), fns[3]())

-- a replaced pairs, a replaced next (pairs still returns the library's next), __pairs is not 5.1
local libPairs, libNext = pairs, next
pairs = function(x) io.write("[mine] ") return libPairs(x) end
print(keys({ a = 1 }))
pairs = function(x) return function(s, k) if k == nil then return "only", s.a end end, x, nil end
print(keys({ a = 1 }))
pairs = libPairs
next = function() error("never called") end
print(keys({ a = 1, 2 }))
next = libNext
print(keys(setmetatable({ a = 1 }, { __pairs = function() error("not in 5.1") end, __index = { b = 2 } })))
local localPairs = pairs
print(keys({ q = 1 }, localPairs))

-- errors
print(pcall(function() for k in next, { a = 1 }, "nokey" do end end))
print(pcall(function() for k in next, { 1, 2 }, 5 do end end))
print(pcall(function() for k in pairs(nil) do end end))
print(pcall(function() for k in pairs("abc") do end end))
print(pcall(function() for k in pairs() do end end))
print(pcall(function() for k in next, "abc" do end end))
print(pcall(function() for k in next, nil do end end))
print(pcall(function() for k, v in pairs({ a = 1 }) do error("body " .. k) end end))
print(pcall(next, {}, "x"))
