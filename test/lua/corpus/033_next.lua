local t = {}
print(next(t))
t.a = 1
print(next(t))
print(next(t, "a"))
local arr = {"x", "y"}
print(next(arr))
print(next(arr, 1))
print(next(arr, 2))
print(pcall(next, arr, "nokey"))
print(pcall(next))
print(pcall(next, nil))
print(next({}, nil))
local function empty(tab) return next(tab) == nil end
print(empty({}), empty({1}), empty({a = false}))
local m = {a = 1, b = 2, c = 3}
local count, total = 0, 0
local k, v = next(m)
while k do
  count = count + 1
  total = total + v
  k, v = next(m, k)
end
print(count, total)
local mixed = {1, 2, 3, a = "A"}
local keys = {}
for key in next, mixed do keys[#keys + 1] = tostring(key) end
table.sort(keys)
print(table.concat(keys, " "))
local one = {false}
print(next(one))
