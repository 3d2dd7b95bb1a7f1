local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local words = {"pear", "Apple", "fig", "banana", "apple", "Fig"}
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) return a:lower() < b:lower() or (a:lower() == b:lower() and a < b) end)
print(table.concat(words, " "))
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(table.concat(words, " "))
local recs = {
  {name = "ann", age = 30}, {name = "bob", age = 25}, {name = "cid", age = 30},
  {name = "dan", age = 25}, {name = "eve", age = 35},
}
table.sort(recs, function(a, b)
  if a.age ~= b.age then return a.age < b.age end
  return a.name < b.name
end)
for _, r in ipairs(recs) do io.write(r.name, ":", r.age, " ") end print()
local floats = {3.5, -1, 2.25, 1e10, -1e10, 0}
table.sort(floats)
print(table.concat(floats, " "))
local one = {1}
table.sort(one)
print(one[1])
local empty = {}
table.sort(empty)
print(#empty)
print(pcall(table.sort, {1, "a", 2}))
print(pcall(table.sort, {{}, {}}))
local big = {}
for i = 1, 200 do big[i] = (i * 37) % 101 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print("sorted", ok, big[1], big[200])
local strs = {}
for i = 1, 30 do strs[i] = tostring(i) end
table.sort(strs)
print(table.concat(strs, ","))
-- sorting with ties: all equal keys
local same = {3, 3, 3, 3}
table.sort(same, function(a, b) return a < b end)
print(table.concat(same, ","))
-- sort descending with duplicates
local dup = {2, 1, 2, 3, 1, 3}
table.sort(dup, function(a, b) return a > b end)
print(table.concat(dup, ","))
print(pcall(table.sort))
