-- type() of every kind of value
print(type(nil), type(true), type(false))
print(type(0), type(1.5), type(-3), type(1/0), type(0/0))
print(type(""), type("abc"), type("1"))
print(type({}), type(print), type(function() end))
print(type(coroutine.create(function() end)))
print(type(type), type(type(1)))
local t = {}
print(type(t) == "table", type(nil) == "nil")
-- nil and false are the only falsy values
local vals = {0, "", "0", false, {}, -0}
for i = 1, 6 do
  local v = vals[i]
  if v then print(i, "truthy") else print(i, "falsy") end
end
if nil then print("nil truthy") else print("nil falsy") end
-- not / and / or
print(not nil, not false, not 0, not "")
print(nil and 1, false and 1, 0 and 1, "" and "x")
print(nil or 1, false or nil, 0 or 1, nil or false)
print(1 and 2 or 3, nil and 2 or 3, false or false and 1)
print(type(nil and nil), type(false or nil))
-- select('#') with nils
print(select('#', nil, nil), select('#'), select('#', false))
-- type errors
print(pcall(type))
local ok, e = pcall(function() local x = type() return x end)
print(ok, e)
print(tostring(nil), tostring(true), tostring(false))
print(tostring(12), tostring(-0.5), tostring("s"))
