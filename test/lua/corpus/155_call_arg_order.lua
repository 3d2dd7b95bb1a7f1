local log = {}
local function v(x) log[#log + 1] = tostring(x) return x end
local function f(...) return select('#', ...) end
f(v(1), v(2), v(3))
print(table.concat(log, " ")) log = {}
local t = {v("a"), v("b"), k = v("c"), v("d")}
print(table.concat(log, " ")) log = {}
local r = v(1) + v(2) * v(3)
print(r, table.concat(log, " ")) log = {}
local s = v("x") .. v("y") .. v("z")
print(s, table.concat(log, " ")) log = {}
local tt = {}
tt[v("key")] = v("value")
print(table.concat(log, " ")) log = {}
local a, b = v(10), v(20)
print(table.concat(log, " ")) log = {}
local obj = {m = function(self, p) return p end}
local function getobj() log[#log + 1] = "obj" return obj end
getobj():m(v("arg"))
print(table.concat(log, " ")) log = {}
local cond = v(false) and v("never") or v("else")
print(cond, table.concat(log, " ")) log = {}
local cmp = v(1) < v(2)
print(cmp, table.concat(log, " ")) log = {}
print(v("p1"), v("p2"))
print(table.concat(log, " ")) log = {}
