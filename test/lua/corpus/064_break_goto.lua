-- continue via goto
for i = 1, 10 do
  if i % 3 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
-- breaking out of nested loops with goto
for i = 1, 5 do
  for j = 1, 5 do
    if i * j == 6 then
      print("found", i, j)
      goto done
    end
  end
end
::done::
-- backward goto loop
local n = 0
::top::
n = n + 1
if n < 5 then goto top end
print("n", n)
-- goto in while with continue
local i = 0
while i < 6 do
  i = i + 1
  if i == 2 or i == 4 then goto skip end
  io.write(i, " ")
  ::skip::
end
print()
-- goto continue inside repeat (label before until must not see later locals)
local k = 0
repeat
  k = k + 1
  if k == 2 then goto cont end
  io.write("k", k, " ")
  ::cont::
until k >= 4
print()
-- nested blocks with same label names
do
  goto a
  print("skipped")
  ::a::
  print("in block a")
end
do
  goto a
  ::a::
  print("another a")
end
-- closures in goto loops capture fresh locals
local fns = {}
local c = 0
::again::
do
  local v = c
  fns[#fns + 1] = function() return v end
end
c = c + 1
if c < 3 then goto again end
print(fns[1](), fns[2](), fns[3]())
-- break in a numeric for inside a function
local function first_neg(t)
  local found
  for idx, v in ipairs(t) do
    if v < 0 then found = idx break end
  end
  return found
end
print(first_neg({1, 2, -3, -4}), first_neg({1}))
-- goto at end of block
for q = 1, 3 do
  do goto next_q end
  ::next_q::
end
print("goto end ok")
-- syntax errors for bad gotos
print(loadstring("goto nowhere") == nil)
print(select(2, loadstring("goto nowhere")) ~= nil)
print(loadstring("do local x ::l:: end goto l") == nil)
print(loadstring("::d:: ::d::") == nil)
print(loadstring("goto f local x ::f:: print(x)") == nil)
print(loadstring("do goto f local x ::f:: end") ~= nil)
