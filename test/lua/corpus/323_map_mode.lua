-- Tables with thousands of string keys (roverc keeps them in "map mode" past a threshold):
-- constant-key reads, writes and method calls before and after the switch, nil and reuse,
-- integer-like string keys, traversal with deletions, next from a dead key, and tables
-- that get a metatable, become an __index target or a metatable afterwards.
-- Output never depends on the hash order (luajit's differs): sums, counts, sorted lists.

local N = 5000

local function sorted(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  table.sort(ks)
  return table.concat(ks, " ")
end

local function census(t)
  local n, sum = 0, 0
  for k, v in pairs(t) do
    n = n + 1
    if type(v) == "number" then sum = sum + v end
  end
  return n, sum
end

-- constant-key sites, run before and after the table grows
local function touch(t)
  t.alpha = t.alpha + 1
  t.beta = nil
  local r = t:method(2)
  local g = t.gamma
  t.gamma = "g" .. tostring(g)
  return t.alpha, t.beta, r, t.gamma, t["delta"], t.missing
end

local big = { alpha = 1, beta = 2, gamma = 3, delta = 4 }
function big:method(x) return self.alpha * x end
print("small", touch(big))
for i = 1, N do big["key" .. i] = i end
print("grown", touch(big))
print("grown again", touch(big))
big.beta = 10 -- a dead key comes back
print("beta", big.beta, big.key17, big["key" .. N], big["key" .. (N + 1)])
print("count", census(big))

-- arithmetic over fields (one fast path for the statement) on a big table
local function move(p, dx) p.x = p.x + dx * p.scale; return p.x * 2 end
local p = { x = 1, scale = 3 }
print("move small", move(p, 2))
for i = 1, N do p["f" .. i] = -i end
print("move big", move(p, 2), move(p, -1))

-- integer-like and special string keys mixed in
local mixed = {}
for i = 1, N do mixed["m" .. i] = i end
mixed["123"] = "str123"; mixed[123] = "num123"; mixed["1e2"] = "e"; mixed["__proto__"] = "proto"
mixed["-5"] = "neg"; mixed[true] = "yes"; mixed[1] = "one"; mixed[2] = "two"; mixed[2.5] = "frac"
print("mixed", mixed["123"], mixed[123], mixed["1e2"], mixed.__proto__, mixed["-5"], mixed[true], #mixed, mixed[2.5])
mixed["__proto__"] = nil
print("mixed count", census(mixed))
table.insert(mixed, "three")
print("mixed insert", #mixed, mixed[3])
local ip = 0
for i, v in ipairs(mixed) do ip = ip + i end
print("ipairs", ip)

-- deletions during a traversal, and assignment of existing fields
local del = {}
for i = 1, N do del["d" .. i] = i end
local seen, sum = 0, 0
for k, v in pairs(del) do
  seen = seen + 1; sum = sum + v
  if v % 2 == 0 then del[k] = nil else del[k] = v * 10 end
end
print("deleting traversal", seen, sum, census(del))
-- reuse of keys set to nil, and many inserts after the deletions
for i = 2, N, 2 do del["d" .. i] = -1 end
for i = 1, N do del["e" .. i] = 1 end
print("reused", census(del))
-- churn: most keys dead, then new ones (dead keys are swept)
for k in pairs(del) do del[k] = nil end
print("emptied", census(del), next(del))
for i = 1, 100 do del["z" .. i] = i end
print("after churn", census(del))

-- next from a key set to nil
local nx = {}
for i = 1, N do nx["n" .. i] = 1 end
local k1 = next(nx)
nx[k1] = nil
local rest = 0
local k = k1
repeat
  k = next(nx, k)
  if k ~= nil then rest = rest + 1 end
until k == nil
print("next from dead key", rest)
print("next invalid", pcall(next, nx, "nope"))

-- a traversal during which the table gets a metatable
local tr = {}
for i = 1, N do tr["t" .. i] = i end
local visits, tsum = 0, 0
for k, v in pairs(tr) do
  visits = visits + 1; tsum = tsum + v
  if visits == 100 then setmetatable(tr, {}) end
  if v % 3 == 0 then tr[k] = nil end
end
print("traversal with setmetatable", visits, tsum, census(tr))

-- a big table that gets a metatable: own keys shadow the class's methods
local Class = {}
Class.__index = Class
function Class:who() return "class" end
function Class:name() return "class name" end
local obj = {}
for i = 1, N do obj["o" .. i] = i end
obj.who = function() return "own" end
local function ask(o) return o:who(), o:name(), o.o5, o.nothing end
setmetatable(obj, Class)
print("with metatable", ask(obj))
obj.who = nil
print("own method gone", ask(obj))
setmetatable(obj, nil)
obj.extra1 = 1
print("no metatable", obj.o5, obj.extra1, obj.name, census(obj))

-- a metatable with an __index function on a big table
local dflt = {}
for i = 1, N do dflt["v" .. i] = i end
setmetatable(dflt, { __index = function(t, k) return "default " .. k end })
print("__index function", dflt.v3, dflt.v9999, dflt["zz"])

-- a big table that becomes an __index target (a class with thousands of keys)
local Proto = {}
for i = 1, N do Proto["p" .. i] = i end
function Proto.hello(self) return "hello " .. self.id end
local inst = setmetatable({ id = 7 }, { __index = Proto })
print("__index target", inst.p42, inst:hello(), inst.none, Proto.p42, rawget(inst, "p42"))
Proto.p42 = 4242
Proto["p" .. (N + 1)] = "new"
print("target updated", inst.p42, inst["p" .. (N + 1)], census(Proto))

-- a big table that becomes a metatable
local meta = {}
for i = 1, N do meta["mm" .. i] = i end
meta.__index = function(t, k) return "meta " .. k end
meta.__add = function(a, b) return "added" end
local user = setmetatable({}, meta)
print("big metatable", user.anything, user + 1, getmetatable(user).mm7)

-- a big table's __newindex is not consulted (no metatable), rawset/rawget agree
local raw = {}
for i = 1, N do rawset(raw, "r" .. i, i) end
raw.r10 = nil
print("raw", rawget(raw, "r11"), raw.r10, rawget(raw, "r10"), census(raw))
