local s = "Hello, World"
print(s:byte(), s:byte(1), s:byte(-1), s:byte(100), s:byte(0))
print(s:byte(1, 5))
print(s:byte(-3, -1))
print(s:byte(5, 1))
print(select('#', s:byte(5, 1)), select('#', s:byte(20)))
print(string.char(), string.char(72, 105), string.char(0):byte())
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, "65"))
local subs = {
  {1, 5}, {-5, -1}, {0, 3}, {-100, 3}, {8}, {-5}, {5, 4}, {12, 100},
  {13, 13}, {0}, {-1, 0}, {3, -3}, {100}, {-100, -50}, {2, 2}, {1, -1},
}
for _, p in ipairs(subs) do
  print(p[1], p[2], "[" .. s:sub(p[1], p[2]) .. "]")
end
print(("abc"):sub(2.5 + 0.5), pcall(string.sub))
print(string.sub("abc", "2"), string.sub(123456, 2, 4))
local ok, e = pcall(function() local x = string.sub() return x end)
print(ok, e)
print(("x"):byte(1, 10))
local bytes = {("Lua"):byte(1, -1)}
print(#bytes, string.char(unpack(bytes)))
local t = {}
for i = 32, 126 do t[#t + 1] = string.char(i) end
print(table.concat(t))
print(#table.concat(t))
