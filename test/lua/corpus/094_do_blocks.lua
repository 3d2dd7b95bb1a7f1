local log = {}
do
  local a = 1
  log[#log + 1] = "a=" .. a
  do
    local a = a + 1
    log[#log + 1] = "inner a=" .. a
  end
  log[#log + 1] = "a again=" .. a
end
print(table.concat(log, ", "))
-- return inside a do block must be last statement
local function early(x)
  do
    if x then return "early" end
  end
  return "late"
end
print(early(true), early(false))
-- do ... end as an expression separator
local t = {}
do t.x = 1 end
do local t = {} t.x = 2 end
print(t.x)
-- semicolons
local s = 1; local u = 2; print(s + u);
-- return with parentheses and semicolons
local function r() return 1; end
print(r())
-- empty statements and blocks
do end
while false do end
repeat until true
for i = 1, 0 do end
if false then end
print("empty blocks ok")
-- ambiguous syntax resolved with a semicolon
local f = function() return "f" end
local v = f
local _ = (function() print("iife") end)()
print(v())
-- nested functions in blocks
do
  local function inner() return "inner fn" end
  print(inner())
end
-- Lua 5.1 syntax: empty statements are not allowed
print(loadstring("local a = 1;;") == nil, loadstring(";") == nil, loadstring("local a = 1;") ~= nil)
print(loadstring("return 1;") ~= nil, loadstring("return;") ~= nil, loadstring("do end;") ~= nil)
print(loadstring("break") == nil, loadstring("return 1 print(2)") == nil)
print(loadstring("f() = 1") == nil, loadstring("x") == nil, loadstring("(x)") == nil)
