-- Constructors ending in a call (roverc presizes the array part when the values fit) and
-- traversals of tables whose bookkeeping roverc keeps apart (dead keys, next's position).
local function f(...) return ... end
local function dump(t)
  local keys = {}
  for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. "=" .. tostring(v) end
  table.sort(keys) -- luajit's hash order is its own
  local seq = {}
  for i, v in ipairs(t) do seq[#seq + 1] = tostring(v) end
  return "#" .. #t .. " [" .. table.concat(seq, ",") .. "] {" .. table.concat(keys, " ") .. "}"
end
print(dump({ f() }))
print(dump({ f(1, 2, 3) }))
print(dump({ f(1, nil, 3) }))
print(dump({ f(1, 2, nil) }))
print(dump({ 0, f(1, 2) }))
print(dump({ 1, nil, f(3, 4) }))
print(dump({ [1] = "a", f("b", "c") }))
print(dump({ [2] = "x", f("b", "c") }))
print(dump({ [3] = "x", f("b", "c") }))
print(dump({ x = 1, f("b", "c") }))
print(dump({ 1, 2, [2] = "two", f(3) }))
print(dump({ f(1), f(2, 3) }))
print(dump({ (f(1, 2)) }))
print(dump({ f(f(1, 2, 3)) }))
local big = { f(unpack({ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })) }
print(dump(big))
big[11] = 11
big[#big + 1] = 12
big[5] = nil
print(dump(big))

-- a tree of constructors, as binary_trees builds it
local function make(d)
  if d == 0 then return {} end
  return { make(d - 1), make(d - 1) }
end
local function count(t) if t[1] then return 1 + count(t[1]) + count(t[2]) end return 1 end
print(count(make(10)))

-- clearing while traversing, then inserting; next from a cleared key
local t = {}
for i = 1, 40 do t["k" .. i] = i end
for i = 1, 10 do t[i] = i end
t[true] = "yes"
t[1.5] = "float"
local seen = 0
for k, v in pairs(t) do
  seen = seen + 1
  t[k] = nil
end
print(seen, next(t))
for i = 1, 5 do t["n" .. i] = i end
print(dump(t))
local u = { a = 1, b = 2, c = 3 }
u.a = nil
print((pcall(next, u, "a")))
for i = 1, 30 do u["x" .. i] = i; u["x" .. i] = nil end
u.z = 26
print(dump(u))
local arr = { 1, 2, 3, 4 }
arr[4] = nil
arr[3] = nil
print(pcall(next, arr, 3), pcall(next, arr, 4))
print(pcall(next, arr, 5))
