-- table.insert / table.remove with unusual positions (luajit 2.1 does not range-check)
local function show(t, lo, hi)
  local parts = {}
  for i = lo, hi do parts[#parts + 1] = tostring(t[i]) end
  return table.concat(parts, ",")
end
local t = {1, 2, 3}
print(pcall(table.insert, t, 0, "zero"))
print(show(t, -1, 5))
local u = {1, 2, 3}
print(pcall(table.insert, u, 5, "five"))
print(show(u, 1, 6))
local v = {1, 2, 3}
print(pcall(table.insert, v, 4, "four"))
print(show(v, 1, 5), #v)
local w = {1, 2, 3}
print(pcall(table.insert, w, "2", "str pos"))
print(show(w, 1, 5), #w)
local r = {1, 2, 3}
print(pcall(table.remove, r, 5))
print(show(r, 1, 4), #r)
print(table.remove(r, #r + 1), #r)
local e = {}
print(table.remove(e, 0), table.remove(e, #e), #e)
local f = {[0] = "z"}
print(table.remove(f, 0), f[0])
local g = {"a", "b", "c"}
table.insert(g, 1.0, "x")
print(table.concat(g, ","))
print(pcall(table.insert, g, 1.5, "y"))
print(show(g, 1, 6))
local h = {"a", "b", "c"}
print(table.remove(h, 1.0), table.concat(h, ","))
