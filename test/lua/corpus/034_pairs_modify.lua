-- clearing fields during traversal is allowed
local t = {}
for i = 1, 20 do t["k" .. i] = i end
local removed = 0
for k, v in pairs(t) do
  if v % 2 == 0 then t[k] = nil removed = removed + 1 end
end
local left = {}
for k in pairs(t) do left[#left + 1] = k end
table.sort(left)
print(removed, #left, table.concat(left, ","))
-- clear everything while iterating
for k in pairs(t) do t[k] = nil end
print(next(t))
-- modifying existing fields while iterating
local u = {a = 1, b = 2, c = 3}
for k, v in pairs(u) do u[k] = v * 10 end
print(u.a, u.b, u.c)
-- array part cleared during traversal
local arr = {1, 2, 3, 4, 5, 6}
for i, v in pairs(arr) do if v % 3 == 0 then arr[i] = nil end end
local s = {}
for i = 1, 6 do s[#s + 1] = tostring(arr[i]) end
print(table.concat(s, " "))
-- counting with pairs
local function count(tab) local n = 0 for _ in pairs(tab) do n = n + 1 end return n end
print(count({1, 2, nil, 4}), count({a = 1, b = nil, c = 3}), count({[1] = 1, [100] = 100}))
-- sum of values independent of order
local vals = {x = 1.5, y = 2.5, [1] = 3, [2] = 4, [true] = 5}
local sum = 0
for _, v in pairs(vals) do sum = sum + v end
print(sum)
