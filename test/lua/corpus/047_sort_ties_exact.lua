-- exact output order of table.sort when the comparator has ties
-- (table.sort is not stable; this records luajit's exact permutation)
local recs = {}
local names = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}
for i, n in ipairs(names) do recs[i] = {name = n, key = (i * 7) % 4} end
table.sort(recs, function(x, y) return x.key < y.key end)
for _, r in ipairs(recs) do io.write(r.name, r.key, " ") end print()
local pairs_list = {}
for i = 1, 20 do pairs_list[i] = {id = i, grp = i % 3} end
table.sort(pairs_list, function(x, y) return x.grp > y.grp end)
for _, r in ipairs(pairs_list) do io.write(r.id, ":", r.grp, " ") end print()
local words = {"bb", "a", "ccc", "dd", "e", "fff", "gg", "h"}
table.sort(words, function(x, y) return #x < #y end)
print(table.concat(words, " "))
local t = {}
for i = 1, 15 do t[i] = {v = i % 2, i = i} end
table.sort(t, function(x, y) return x.v < y.v end)
for _, r in ipairs(t) do io.write(r.i, " ") end print()
