local mt = getmetatable("")
print(type(mt), mt.__index == string)
-- adding to string table is visible through methods
string.trim = function(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
print("[" .. ("  hi  "):trim() .. "]")
-- __index override on strings: allow s[i]
local oldindex = mt.__index
mt.__index = function(s, k)
  if type(k) == "number" then return oldindex.sub(s, k, k) end
  return oldindex[k]
end
local s = "hello"
print(s[1], s[5], s[10] == "", s:upper())
mt.__index = oldindex
print(s.len == string.len, s[1])
-- __add on strings via metatable
mt.__add = function(a, b) return "add:" .. a .. b end
print(pcall(function() return "abc" + "def" end))
print("1" + "2")
mt.__add = nil
-- __call on strings
mt.__call = function(str, ...) return str .. "(" .. table.concat({...}, ",") .. ")" end
print(("f")(1, 2))
mt.__call = nil
print(pcall(function() return ("g")() end))
print(getmetatable("a") == getmetatable("b"))
string.trim = nil
print(pcall(setmetatable, "x", {}))
