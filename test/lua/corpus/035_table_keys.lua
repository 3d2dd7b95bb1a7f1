local t = {}
t[1] = "int"
t["1"] = "str"
t[1.5] = "float"
t[true] = "true"
t[false] = "false"
t["__proto__"] = "proto"
t["constructor"] = "ctor"
t["toString"] = "tostr"
t["hasOwnProperty"] = "hop"
t["valueOf"] = "vo"
t["length"] = "len"
t[""] = "empty"
t[" "] = "space"
t["nil"] = "nilstr"
local tk = {}
t[tk] = "table key"
local fk = function() end
t[fk] = "func key"
t[2^53] = "big"
t[-0] = "negzero"
print(t[1], t["1"], t[1.5], t[true], t[false])
print(t.__proto__, t.constructor, t.toString, t.hasOwnProperty, t.valueOf, t.length)
print(t[""], t[" "], t["nil"], t[tk], t[fk], t[2^53], t[0])
print(t[{}], t[2], t["2"], t[1.0], t.prototype)
local e = {}
print(e.__proto__, e.constructor, e.toString, e.length, e.__index)
e.__proto__ = {x = 1}
print(e.x, type(e.__proto__))
local c = 0
for _ in pairs(t) do c = c + 1 end
print("count", c)
local strs = {}
for k, v in pairs(t) do
  if type(k) == "string" then strs[#strs + 1] = string.format("%q=%s", k, v) end
end
table.sort(strs)
print(table.concat(strs, " "))
t[1] = nil
print(t[1], t["1"])
local n = {}
n[0.1 + 0.2] = "a"
n[0.3] = "b"
print(n[0.1 + 0.2], n[0.3])
local o = {}
o[2^31] = 1 o[-2^31] = 2 o[2^32 + 1] = 3 o[1e300] = 4 o[-1e-300] = 5
print(o[2^31], o[-2^31], o[2^32 + 1], o[1e300], o[-1e-300])
print(pcall(function() local x = {} x[nil] = 1 end))
print(({})[nil])
print(rawget({}, nil))
local co = coroutine.create(function() end)
local ct = {[co] = "thread key"}
print(ct[co])
