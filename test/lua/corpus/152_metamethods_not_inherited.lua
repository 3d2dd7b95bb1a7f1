-- metamethods are looked up directly (raw) in the metatable, not through its __index
local Base = {}
Base.__index = Base
Base.__add = function(a, b) return "Base add" end
Base.__tostring = function() return "Base obj" end
local Derived = setmetatable({}, {__index = Base})
Derived.__index = Derived
local d = setmetatable({}, Derived)
print(pcall(function() return d + d end))
print((tostring(d):gsub("0x%x+", "ADDR")))
print(d.__add == Base.__add)
Derived.__add = Base.__add
print(d + d)
-- __index itself is found raw
local mtWithIndexViaIndex = setmetatable({}, {__index = {__index = {x = "found"}}})
local obj = setmetatable({}, mtWithIndexViaIndex)
print(obj.x)
-- changing a metamethod after setmetatable takes effect immediately
local mt = {}
local o = setmetatable({}, mt)
print(pcall(function() return o() end))
mt.__call = function() return "now callable" end
print(o())
mt.__call = nil
print(pcall(function() return o() end))
-- rawget on metatable shows which fields exist
print(rawget(Derived, "__add") ~= nil, rawget(Derived, "__tostring"))
-- __eq with different metatables but same function
local eq = function() return true end
local a = setmetatable({}, {__eq = eq})
local b = setmetatable({}, {__eq = eq})
print(a == b)
