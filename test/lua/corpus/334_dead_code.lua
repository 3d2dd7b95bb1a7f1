-- Code that never runs, which compiled code leaves out (TS would report it unreachable), and
-- code around it that does run: functions ending in an if/else that returns on every path,
-- endless loops left by return, literal true/false tests, statements after break and goto.

local function sign(x)
  if x > 0 then return 1 elseif x < 0 then return -1 else return 0 end
end
print("sign", sign(5), sign(-2), sign(0))

local function nested(x)
  do
    if x then
      do return "yes" end
    else
      return "no"
    end
  end
end
print("nested", nested(true), nested(false))

local function first_even(t)
  local i = 0
  while true do
    i = i + 1
    if t[i] == nil then return nil end
    if t[i] % 2 == 0 then return t[i] end
  end
end
print("while true", first_even({ 1, 3, 4, 5 }), first_even({ 1, 3 }))

local function count_until(n)
  local i = 0
  repeat
    i = i + 1
    if i >= n then return i end
  until false
end
print("until false", count_until(3))

local function literal_tests(x)
  local out = {}
  if false then out[#out + 1] = "never" end
  if x then out[#out + 1] = "x" elseif false then out[#out + 1] = "never" elseif true then out[#out + 1] = "else-ish" end
  if true then out[#out + 1] = "always" else out[#out + 1] = "never" end
  if false then out[#out + 1] = "never" elseif x == 2 then out[#out + 1] = "two" end
  if false then out[#out + 1] = "never" else out[#out + 1] = "else" end
  while false do out[#out + 1] = "never" end
  repeat out[#out + 1] = "once" until true
  return table.concat(out, ",")
end
print("literals", literal_tests(1), literal_tests(nil), literal_tests(2))

-- a local declared in a literal-true branch, and functions defined only in dead branches
local function scoped()
  if true then
    local inner = "inner"
    return inner
  end
end
print("scoped", scoped())
local defined = "not defined"
if false then defined = function() end end
print("dead definition", type(defined))

-- statements after a goto (luajit accepts them, not after a break; they never run)
local log = {}
for i = 1, 3 do
  log[#log + 1] = "a" .. i
  if i == 2 then break end
end
for i = 1, 3 do
  if i == 2 then goto continue end
  log[#log + 1] = "b" .. i
  ::continue::
end
do
  goto skip
  log[#log + 1] = "never"
  ::skip::
  log[#log + 1] = "after skip"
end
print("jumps", table.concat(log, " "))

-- a function whose last statement is a loop that can end, or an if without else
local function maybe(x)
  while x > 0 do
    if x == 3 then return "three" end
    x = x - 1
  end
end
print("maybe", maybe(5), maybe(2))
local function partial(x)
  if x then return "given" end
end
print("partial", partial(1), partial(nil), select("#", partial(nil)))

-- errors still point at the right lines around folded tests
print(pcall(function()
  if false then return 1 end
  local t = nil
  return t.x
end))
print(pcall(function()
  while true do
    local u = nil
    return u + 1
  end
end))

-- endless loops whose gotos stay inside them, or leave them
local function odd_above(n)
  local i = 0
  while true do
    i = i + 1
    if i % 2 == 0 then goto continue end
    if i > n then return i end
    ::continue::
  end
end
local function down_to_two(n)
  repeat
    n = n - 1
    if n == 2 then goto done end
  until false
  ::done::
  return n
end
print("loops with goto", odd_above(4), down_to_two(5))
