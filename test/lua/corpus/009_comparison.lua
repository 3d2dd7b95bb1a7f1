print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 ~= 2)
print("a" < "b", "abc" < "abd", "a" < "aa", "" < " ", "B" < "a")
print("10" < "2", "10" > "2", "a\0b" < "a\0c", "a\0" > "a")
print(nil == false, 0 == false, "" == false, {} == {})
local t = {}
print(t == t, t ~= {}, print == print)
print(1 == "1", "1" == 1, nil == nil)
local function try(f, ...)
  local ok, e = pcall(f, ...)
  print(ok, e)
end
try(function() return 1 < "2" end)
try(function() return "1" < 2 end)
try(function() return {} < {} end)
try(function() return nil < 1 end)
try(function() return true < false end)
try(function() return 1 <= nil end)
try(function() return "a" >= {} end)
try(function() return print < print end)
try(function() local a = {} return a > 1 end)
print(-0 == 0, 0/0 == 0/0, 1/0 == math.huge)
print(math.huge > -math.huge, -0 < 0)
print(2^53 == 2^53 + 1, 2^53 < 2^53 + 2)
-- chained comparisons via and
local x = 5
print(1 < x and x < 10, x > 10 or x < 0)
-- string comparison is bytewise
print("\xff" > "a", "é" > "z", "Z" < "z")
local words = {"banana", "Apple", "cherry", "apple", "Banana", "10", "9", ""}
table.sort(words)
print(table.concat(words, ","))
