local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
local classes = {"%a", "%c", "%d", "%l", "%p", "%s", "%u", "%w", "%x", "%z",
  "%A", "%C", "%D", "%L", "%P", "%S", "%U", "%W", "%X", "%Z", "."}
for _, c in ipairs(classes) do
  local matched = all:gsub("[^" .. c .. "]", "")
  local n = #matched
  local printable = matched:gsub("[^\32-\126]", "")
  if #printable > 60 then printable = printable:sub(1, 60) .. "..." end
  print(c, n, printable)
end
print(("a1!B2@ c3#"):gsub("%w", "w"))
print(("a1!B2@ c3#"):gsub("%p", "p"))
print(("a1!B2@ c3#"):gsub("%s", "s"))
print(("tab\there\nnl"):gsub("%s", "_"))
print(("\0\1a"):gsub("%c", "C"))
print(("0x1F 0xzz"):gsub("%x+", "H"))
print(("%a"):match("%%a"), ("a.b"):match("%."), ("a-b"):match("%-"))
print(("x"):match("%x"), ("g"):match("%x"), ("F"):match("%x"))
