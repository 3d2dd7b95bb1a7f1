local S = {}
S.__concat = function(a, b)
  local av = type(a) == "table" and a.s or tostring(a)
  local bv = type(b) == "table" and b.s or tostring(b)
  return setmetatable({s = av .. bv}, S)
end
local function str(s) return setmetatable({s = s}, S) end
local r = str("a") .. str("b")
print(r.s)
print((str("x") .. "y").s, ("y" .. str("x")).s, (1 .. str("n")).s)
print(("p" .. "q" .. str("r") .. "s").s)
local order = {}
local T = {__concat = function(a, b)
  local an = type(a) == "table" and a.n or a
  local bn = type(b) == "table" and b.n or b
  order[#order + 1] = an .. "+" .. bn
  return an .. bn
end}
local t1, t2 = setmetatable({n = "1"}, T), setmetatable({n = "2"}, T)
print(t1 .. t2 .. "3")
print(table.concat(order, " | "))
print(pcall(function() return {} .. "x" end))
print(pcall(function() return "x" .. true end))
-- __len on tables: luajit 2.1 (without 5.2 compat) ignores it
local L = setmetatable({1, 2, 3}, {__len = function() return 42 end})
print(#L)
-- __len on a userdata-like proxy: not applicable; length of strings ignores metatable
print(#"abc")
print(pcall(function() return #nil end))
print(pcall(function() return #5 end))
print(pcall(function() local n = true return #n end))
