-- An assignment's table and key: luajit reads a local of the running function when it stores
-- (after the values ran), and everything else (upvalues, globals, fields, computed keys) before.
local t = {}
local function f() t = { name = "new" } return 1 end
t.x = f()
print(t.x, t.name)

local u = { name = "old" }
local old = u
local function g() u = { name = "new" } return 2 end
u.y = g()
print(u.y, old.y)

-- a key local that the value's call changes
local k = "a"
local w = {}
local function h() k = "b" return 3 end
w[k] = h()
print(w.a, w.b)

-- a number key local, and both table and key
local i, arr = 1, { 0, 0, 0 }
local arrOld = arr
local function bump() i = i + 1; arr = { 9, 9, 9 } return 7 end
arr[i] = bump()
print(table.concat(arr, ","), table.concat(arrOld, ","))

-- several targets: each local base read at its store
local p = {}
local pold = p
local function m() p = {} return 5, 6 end
p.a, p.b = m()
print(p.a, p.b, pold.a, pold.b)

-- a target to the right assigns the local: luajit copies it first (the old table)
local q = {}
local qold = q
q.x, q = 1, { fresh = true }
print(q.x, q.fresh, qold.x)
local r = {}
local rold = r
r, r.x = { fresh = true }, 2
print(r.x, r.fresh, rold.x)
local j, list = 1, {}
list[j], j = "first", 2
print(list[1], list[2], j)

-- a global, an upvalue and a field as the table: read before the value
G = {}
local gold = G
local function gg() G = {} return 7 end
G.z = gg()
print(G.z, gold.z)
local up = {}
local upold = up
local function setup() up = {} return 8 end
local function store() up.v = setup() end
store()
print(up.v, upold.v)
local nest = { inner = {} }
local innerOld = nest.inner
local function nn() nest.inner = {} return 9 end
nest.inner.v = nn()
print(nest.inner.v, innerOld.v)

-- arithmetic on the stored value, with the call first
local s = { y = 10 }
local sold = s
local function swap() s = { y = 100 } return 1 end
s.x = swap() + s.y
print(s.x, sold.x)
local us = { y = 10 }
local usold = us
local function swapUp() us = { y = 100 } return 1 end
local function storeUp() us.x = swapUp() + us.y end
storeUp()
print(us.x, usold.x)

-- __newindex sees the table the store reads
local log = {}
local proxy = setmetatable({}, { __newindex = function(tb, key, v) log[#log + 1] = tostring(tb == proxy) .. key .. v end })
local other = proxy
local function reset() proxy = {} return "v" end
other.z = "w"
proxy.k = reset()
print(table.concat(log, " "), proxy.k)

-- errors name the local as it is at the store
local bad = {}
local function unset() bad = nil return 1 end
print(pcall(function() bad.x = unset() end))
local bad2 = {}
print(pcall(function() local function unset2() bad2 = nil return 1 end bad2.x = unset2() end))
