-- jumping into the scope of a local is an error; jumping out is fine
print(loadstring("goto l local x = 1 ::l:: print(x)") == nil)
print(loadstring("do goto l end local y ::l::") == nil)
print(loadstring("goto l do ::l:: end") == nil)
print(loadstring("local x goto l x = 1 ::l::") ~= nil)
print(loadstring("repeat goto cont local z = 1 ::cont:: until z") == nil)
print(loadstring("::a:: ::b:: goto a") ~= nil)
print(loadstring("for i = 1, 2 do ::x:: end ::x::") ~= nil)
print(loadstring("do ::x:: end do ::x:: end") ~= nil)
print(loadstring("::x:: do ::x:: end") ~= nil)
local _, msg = loadstring("goto missing", "=g")
print(msg)
local _, msg2 = loadstring("::dup:: ::dup::", "=g2")
print(msg2)
local _, msg3 = loadstring("goto l local x ::l:: print(x)", "=g3")
print(msg3)
-- jumping out of nested functions is impossible
print(loadstring("::out:: local f = function() goto out end") == nil)
-- backward jump from nested block to enclosing label
local n = 0
::again::
do
  n = n + 1
  if n < 3 then goto again end
end
print("n =", n)
-- goto out of nested loops and ifs
local found
for i = 1, 3 do
  for j = 1, 3 do
    if i + j == 5 and i * j == 6 then found = i .. "," .. j goto out end
  end
end
::out::
print("found", found)
-- continue inside while and repeat with body locals declared before the goto
local i = 0
local acc = {}
while i < 5 do
  i = i + 1
  local sq = i * i
  if sq % 2 == 0 then goto continue end
  acc[#acc + 1] = sq
  ::continue::
end
print(table.concat(acc, " "))
