local i = 0
while i < 5 do i = i + 1 io.write(i, " ") end print()
local n = 10
while true do
  n = n - 3
  if n < 0 then break end
  io.write(n, " ")
end
print()
local j = 0
repeat j = j + 1 io.write(j, " ") until j >= 3
print()
-- repeat body runs at least once
local k = 100
repeat k = k + 1 until true
print(k)
-- until sees locals declared in the body
local count = 0
repeat
  local done = count >= 4
  count = count + 1
until done
print(count)
-- nested while with break only exiting the inner loop
local out = {}
local a = 0
while a < 3 do
  a = a + 1
  local b = 0
  while true do
    b = b + 1
    if b > a then break end
    out[#out + 1] = a .. b
  end
end
print(table.concat(out, " "))
-- while with a complex condition
local x, y = 0, 10
while x < y and y - x > 2 do x = x + 1 y = y - 1 end
print(x, y)
-- collatz
local function collatz(v)
  local steps = 0
  while v ~= 1 do
    if v % 2 == 0 then v = v / 2 else v = 3 * v + 1 end
    steps = steps + 1
  end
  return steps
end
print(collatz(27), collatz(1), collatz(97))
-- repeat with break
local r = 0
repeat
  r = r + 1
  if r == 7 then break end
until r > 100
print(r)
-- until with a closure capturing a body local
local fns = {}
local m = 0
repeat
  m = m + 1
  local cap = m
  fns[#fns + 1] = function() return cap end
until cap >= 3
print(fns[1](), fns[2](), fns[3]())
