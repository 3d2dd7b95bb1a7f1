-- Calls of functions that always return one value, used where Lua would expand all values.
local function one(x) return x end
local function pair(x) return x, x end
local function maybe(x) if x then return x end return nil end
local function node(d) if d == 0 then return {} end return { node(d - 1), node(d - 1) } end
local function count(t) if t[1] then return 1 + count(t[1]) + count(t[2]) end return 1 end
print(count(node(6)))
local t = { one(1), one(2), one(nil) }
print(#t, t[1], t[2], t[3])
t = { one(nil) }
print(#t, t[1])
t = { 1, 2, maybe(false) }
print(#t, select('#', unpack(t)))
t = { pair(5) }
print(#t, t[1], t[2])
t = { one(1), pair(7) }
print(#t, t[3])
local a, b, c = one(3)
print(a, b, c)
local x, y = pair(4)
print(x, y)
print(one(9), one(8))
print(select('#', one(nil)), select('#', one()), select('#', maybe()))
print(math.max(one(3), one(10)))
local function args(...) return select('#', ...) end
print(args(one(nil)), args(one(1), one(nil)), args(maybe(nil)))
local s = { one("a"), one("b"), n = one(3) }
print(s[1], s[2], s.n, #s)
-- constructors of items only
local u = { 1, one(2), 3 }
print(#u, u[3])
local v = { nil, nil }
print(#v, next(v))
local w = { one(1), nil }
print(#w)
local z = { (pair(2)) }
print(#z, z[1])
local deep = { { one(1) }, { one(2), { one(3) } } }
print(deep[2][2][1], #deep, #deep[2])
