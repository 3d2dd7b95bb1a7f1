local strs = {"b", "a", "B", "A", "aa", "a\0", "a\0b", "", " ", "~", "\127", "\128", "\255", "10", "9", "-1", "_"}
table.sort(strs)
local shown = {}
for i, s in ipairs(strs) do shown[i] = string.format("%q", s) end
print(table.concat(shown, " "))
print("a" < "a\0", "a\0" < "a\1", "\255" > "\127", "Z" < "_", "_" < "a")
print("abc" <= "abc", "abc" >= "abd", "" <= "", "" < "\0")
print(("x"):rep(3) == "xxx", "abc" == "ab" .. "c", "a\0b" ~= "a\0c")
local function cmp_ci(a, b) return a:lower() < b:lower() end
local names = {"bob", "Alice", "carol", "Bob", "alice", "Carol"}
table.sort(names, function(a, b)
  if a:lower() ~= b:lower() then return a:lower() < b:lower() end
  return a < b
end)
print(table.concat(names, " "))
print(cmp_ci("ABC", "abd"), cmp_ci("b", "A"))
local nums_as_strings = {"100", "20", "3", "1000", "25"}
table.sort(nums_as_strings)
print(table.concat(nums_as_strings, " "))
table.sort(nums_as_strings, function(a, b) return tonumber(a) < tonumber(b) end)
print(table.concat(nums_as_strings, " "))
local mixed_len = {"ccc", "a", "bb", "dddd", "", "e"}
table.sort(mixed_len, function(a, b) if #a ~= #b then return #a > #b end return a < b end)
print(table.concat(mixed_len, ","))
