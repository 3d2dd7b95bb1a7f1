-- Typed locals: numbers, strings, booleans and known functions compiled to plain JS.
local sum, n = 0, 10
for i = 1, n do sum = sum + i * 2 - 1 end
print("sum", sum, sum / 3, sum % 7, sum ^ 0.5, -sum)
local s = "ab"
for i = 1, 3 do s = s .. "c" end
print(s, #s, s < "abd", s >= "abc", s == "abccc", s ~= "x")
local flag = true
for _ = 1, 3 do flag = not flag end
print("flag", flag, flag == false)
-- float and negative steps, a step that is not a literal
for x = 1, 2, 0.25 do io.write(x, " ") end print()
for x = 10, 1, -3 do io.write(x, " ") end print()
local step = 2
for x = 1, 7, step do io.write(x, " ") end print()
for x = 1.5, -1 do io.write("never") end print("empty")
-- the loop variable assigned in the body affects only that iteration
for i = 1, 3 do i = i * 10 io.write(i, " ") end print()
-- closures capture one binding per iteration
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
-- known local functions: one result, several results, none
local function sq(x) return x * x end
local function two(a) return a, a + 1 end
local function none() end
local function maybe(c) if c then return 1 end end
print(sq(3), two(5), (two(5)), none(), maybe(true), maybe(false))
print(sq(sq(2)), two(sq(2)))
local t = { two(1) }
print(#t, t[1], t[2])
-- a local holding a function that is later replaced is called through the runtime
local g = function() return "first" end
local r1 = g()
g = function() return "second" end
print(r1, g())
-- numbers and strings mixed: coercion goes through the runtime
local m = "10"
print(m + 1, 10 .. "", 1 == 1.0, "1" == 1)
-- while and repeat with typed conditions
local k = 0
while k < 5 do k = k + 1 end
repeat k = k - 2 until k <= 0
print("k", k)
-- goto blocks with typed locals
do
  local i = 1
  ::top::
  local doubled = i * 2
  io.write(doubled, " ")
  i = i + 1
  if i <= 3 then goto top end
  print()
end
-- NaN, infinities and -0 through typed arithmetic
local z = 0
local nan = z / z
print(nan ~= nan, 1 / z, -1 / z, z * -1, 5 % -3, -5 % 3, 5.5 % 2, 2 ^ -1)
print(3 == 3.000000000001, 1 < 2, "a\0b" < "a\0c")
