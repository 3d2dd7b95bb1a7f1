local a, b = 1, 2
a, b = b, a
print(a, b)
local x, y, z = 1, 2, 3
x, y, z = z, x, y
print(x, y, z)
local t = {}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local u = {10, 20, 30}
local k = 1
u[k], k = k + 100, 3
print(k, u[1], u[3])
local v = {1, 2, 3}
local n = 1
n, v[n] = 2, "changed"
print(n, v[1], v[2])
-- evaluation of expressions happens before assignment
local p = {1, 2}
p[1], p[2] = p[2], p[1]
print(p[1], p[2])
-- swap through table fields
local obj = {left = "L", right = "R"}
obj.left, obj.right = obj.right, obj.left
print(obj.left, obj.right)
-- more values than targets / fewer values
local m1, m2 = 1, 2, 3
print(m1, m2)
local q1, q2, q3 = 1, 2
print(q1, q2, q3)
-- chain-like assignments via functions
local log = {}
local function f(tag, v) log[#log + 1] = tag return v end
local r1, r2, r3 = f("a", 1), f("b", 2), f("c", 3)
print(r1, r2, r3, table.concat(log, ""))
-- globals and locals in the same statement
g1, local_shadow = 5, 6
print(g1, local_shadow)
g1, local_shadow = nil, nil
-- assignment to a table field through a function call result
local function get() return t end
get().field = "via call"
print(t.field)
-- nested table assignment
local nest = {a = {b = {}}}
nest.a.b.c, nest.a.d = "c", "d"
print(nest.a.b.c, nest.a.d)
-- swapping array elements in a loop (reverse)
local arr = {1, 2, 3, 4, 5, 6}
for s = 1, math.floor(#arr / 2) do
  arr[s], arr[#arr - s + 1] = arr[#arr - s + 1], arr[s]
end
print(table.concat(arr, " "))
