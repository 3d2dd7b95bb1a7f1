local mt = {}
mt.__eq = function(a, b) return a.v == b.v end
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function W(v) return setmetatable({v = v}, mt) end
local a, b, c = W(1), W(2), W(1)
print(a == c, a ~= c, a == b, a < b, a <= c, a > b, a >= c, b > a)
print(a == 1, 1 == a)
-- __eq is only used when both are tables (same metamethod in 5.1)
local other = setmetatable({v = 1}, {__eq = function() return true end})
print(a == other, other == a)
-- __le falls back to not __lt(b, a) when absent
local lt_only = {__lt = function(x, y) return x.v < y.v end}
local x, y = setmetatable({v = 1}, lt_only), setmetatable({v = 2}, lt_only)
print(x < y, y < x, pcall(function() return x <= y end))
-- mixing types errors even with metamethods
print(pcall(function() return a < 1 end))
print(pcall(function() return 1 < a end))
-- __eq results are converted to boolean
local truthy = setmetatable({}, {__eq = function() return "yes" end})
local truthy2 = setmetatable({}, getmetatable(truthy))
print(truthy == truthy2, truthy ~= truthy2)
-- __lt result coerced to boolean
local lt = {__lt = function() return 1 end, __le = function() return nil end}
local p, q = setmetatable({}, lt), setmetatable({}, lt)
print(p < q, p <= q, p > q, p >= q)
-- sort using __lt
local items = {W(3), W(1), W(2)}
table.sort(items)
print(items[1].v, items[2].v, items[3].v)
-- identical references skip __eq
local calls = 0
local counted = setmetatable({}, {__eq = function() calls = calls + 1 return false end})
print(counted == counted, calls)
-- different metatables with different __eq functions
local e1 = setmetatable({}, {__eq = function() return true end})
local e2 = setmetatable({}, {__eq = function() return true end})
print(e1 == e2)
