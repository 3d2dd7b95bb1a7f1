local mt = {
  __index = function(t, k) error("no field " .. k) end,
  __add = function() error("cannot add", 0) end,
  __tostring = function() error("tostring failed", 0) end,
  __call = function(self, x) return x.field end,
  __eq = function() error({eq = true}) end,
  __lt = function() error("lt failed", 0) end,
}
local obj = setmetatable({}, mt)
print(pcall(function() return obj.foo end))
print(pcall(function() return obj + 1 end))
print(pcall(tostring, obj))
print(pcall(obj, nil))
local obj2 = setmetatable({}, mt)
local ok, e = pcall(function() return obj == obj2 end)
print(ok, type(e), e.eq)
print(pcall(function() return obj < obj2 end))
print(pcall(print, obj))
-- __newindex erroring
local ro = setmetatable({}, {__newindex = function(t, k) error("readonly " .. k, 2) end})
print(pcall(function() ro.x = 1 end))
-- error inside __index chain function called via method
local proxy = setmetatable({}, {__index = function(_, k) return function() error("method " .. k .. " failed", 0) end end})
print(pcall(function() return proxy:anything() end))
-- error in __concat
local c = setmetatable({}, {__concat = function(a, b) error("concat err", 0) end})
print(pcall(function() return c .. "x" end))
-- error in comparator during sort
print(pcall(table.sort, {3, 2, 1}, function(a, b) error("cmp err", 0) end))
-- error in gsub callback
print(pcall(string.gsub, "abc", "%w", function(ch) if ch == "b" then error("bad char " .. ch, 0) end end))
-- invalid order function
print(pcall(table.sort, {1, 2, 3, 4, 5}, function(a, b) return true end))
