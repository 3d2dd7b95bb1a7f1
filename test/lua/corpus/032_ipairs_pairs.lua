local t = {"a", "b", "c", nil, "e"}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end print()
local u = {10, 20, 30, x = 1, y = 2}
for i, v in ipairs(u) do io.write(i, "=", v, " ") end print()
local keys = {}
for k in pairs(u) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, ","))
local sum = 0
for _, v in pairs({1, 2, 3, 4}) do sum = sum + v end
print(sum)
local cnt = 0
for _ in pairs({}) do cnt = cnt + 1 end
print(cnt)
-- ipairs on a table with a zero index
for i, v in ipairs({[0] = "zero", "one", "two"}) do io.write(i, v, " ") end print()
-- ipairs returns three values
local f, s, init = ipairs({})
print(type(f), type(s), init)
local g, s2, init2 = pairs({})
print(type(g), type(s2), init2, g == next)
-- manual iteration with the triple
local arr = {"p", "q"}
local it, st, ctl = ipairs(arr)
while true do
  local i, v = it(st, ctl)
  if i == nil then break end
  io.write(i, v, " ")
  ctl = i
end
print()
-- stops at the first nil even if later entries exist
local sparse = {}
sparse[1] = 1 sparse[2] = 2 sparse[4] = 4
local n = 0
for _ in ipairs(sparse) do n = n + 1 end
print(n)
-- ipairs with __index (luajit 2.1 ipairs does respect __index? record it)
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
local seen = {}
for i, v in ipairs(proxy) do seen[#seen + 1] = i .. ":" .. v end
print("ipairs proxy:", #seen, table.concat(seen, " "))
print(pcall(ipairs))
print(pcall(ipairs, nil))
print(pcall(pairs, 5))
-- sorted traversal of a string-keyed table
local ages = {bob = 30, alice = 25, carol = 35, dave = 28}
local names = {}
for name in pairs(ages) do names[#names + 1] = name end
table.sort(names)
for _, name in ipairs(names) do print(name, ages[name]) end
