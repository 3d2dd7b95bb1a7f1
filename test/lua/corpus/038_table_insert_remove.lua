local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "first")
table.insert(t, 2, "second")
print(#t, table.concat(t, ","))
table.insert(t, #t + 1, "last")
print(table.concat(t, ","))
print(table.remove(t), table.concat(t, ","))
print(table.remove(t, 1), table.concat(t, ","))
print(table.remove(t, 2), table.concat(t, ","))
print(#t)
local e = {}
print(table.remove(e), #e)
print(table.remove(e, 1))
print(select('#', table.remove({})))
print(pcall(table.insert, {}, 1, 2, 3))
print(pcall(table.insert, {}))
print(pcall(table.insert))
local r = {1, 2, 3}
print(table.remove(r, #r), table.concat(r, ","))
local q = {}
for i = 1, 5 do table.insert(q, i) end
while #q > 0 do io.write(table.remove(q, 1), " ") end print()
local s = {}
for i = 1, 5 do table.insert(s, 1, i) end
print(table.concat(s, " "))
local x = {"a", "b", "c"}
table.insert(x, 2, nil)
print(x[1], x[2], x[3], x[4])
local y = {"only"}
print(table.remove(y, 1), #y, y[1])
local z = {1, 2, 3}
print(table.remove(z, 3), table.remove(z, 2), table.remove(z, 1), #z)
local w = {n = "x"}
table.insert(w, "v")
print(w[1], w.n)
