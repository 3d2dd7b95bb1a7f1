local s = "Hello"
print(s:upper(), s:lower(), s:len(), s:rep(2), s:sub(2), s:byte(1))
print(("x"):rep(3), ("%d-%d"):format(1, 2), ("a,b"):find(","))
print(#s:rep(3, ", "), s:reverse():upper())
local mt = getmetatable("")
print(type(mt), type(mt.__index), mt.__index == string)
print(rawequal(getmetatable("a"), getmetatable("b")))
function string.shout(str) return str:upper() .. "!" end
print(("hey"):shout(), s:shout())
string.shout = nil
print(pcall(function() return ("x"):shout() end))
local str = "chain"
print(str:upper():lower():rep(2):sub(3, 7):reverse())
print(("%s=%s"):rep(2, "&"):format("a", 1, "b", 2))
print(#"abc", -#"abc")
local n = 42
print(pcall(function() return n:rep(2) end))
print(("abc"):len() + ("de"):len())
print(("test")["upper"]("x"))
local up = ("q").upper
print(up("abc"), up == string.upper)
print(("abc").len == string.len, ("").foo)
