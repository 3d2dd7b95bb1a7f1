-- Locals of one name in blocks apart share their JS name in compiled code; locals of one name
-- where one block encloses the other, or a function defined inside an outer local's block, do
-- not. Every case where sharing would be wrong: shadowing, use before an inner redeclaration,
-- closures over each, goto blocks, repeat-until, inner functions with locals of an outer name.

local out = {}
local function put(...) out[#out + 1] = table.concat({ ... }, " ") end

-- two loops one after the other, each with closures over its own i
local fs = {}
for i = 1, 2 do fs[#fs + 1] = function() return "a" .. i end end
for i = 10, 11 do fs[#fs + 1] = function() return "b" .. i end end
for _, f in ipairs(fs) do put(f()) end

-- sibling blocks, the outer name used before and after an inner block redeclares it
local x = "outer"
do
  put("before", x)
  local x = "inner1"
  put("in", x)
end
do
  local x = "inner2"
  local g = function() return x end
  x = "inner2b"
  put("in2", g())
end
put("after", x)

-- an inner function defined before and after an outer local of its parameter's name
local function early(y) return "early " .. tostring(y) end
local y = "outer y"
local function late(z) return y .. "/" .. z end
local function shadow(y) return "shadow " .. y end
put(early(1), late("z"), shadow("s"), y)

-- nested functions, each with a local of one name
local function level1()
  local v = 1
  local function level2()
    local w = v + 1
    do local v = 100; w = w + v end
    local function level3() local v = w * 2; return v end
    return level3()
  end
  return level2() + v
end
put("levels", level1())

-- goto blocks with locals of one name in sibling blocks
do
  local n = 0
  ::top::
  do local k = n * 2; put("k", k) end
  n = n + 1
  if n < 3 then goto top end
  do local k = "done"; put("k", k) end
end
for round = 1, 2 do
  local acc = {}
  for j = 1, 3 do
    local v = j * round
    if v == 4 then goto continue end
    acc[#acc + 1] = v
    ::continue::
  end
  put("round", round, table.concat(acc, ","))
end

-- repeat-until: the body's locals are seen by the condition
local r = 0
repeat local t = r * r; r = r + 1 until t >= 4
repeat local t = r + 100; r = r + 1 until t > 104
put("repeat", r)

-- while loops with one name in each, and a closure kept across iterations
local keep = {}
local w1 = 0
while w1 < 2 do local c = w1; keep[#keep + 1] = function() return c end; w1 = w1 + 1 end
while w1 < 4 do local c = -w1; keep[#keep + 1] = function() return c end; w1 = w1 + 1 end
local got = {}
for _, f in ipairs(keep) do got[#got + 1] = f() end
put("while", table.concat(got, ","))

-- generic for variables of one name, and an error naming the right local
for k, v in pairs({ a = 1 }) do put("pairs", k, v) end
for k, v in ipairs({ "p", "q" }) do put("ipairs", k, v) end
local ok, err = pcall(function()
  do local s = 1 end
  do local s = nil; return s.field end
end)
put(tostring(ok), err)

-- JS words and runtime names as Lua names, in blocks apart
do local rt = "rt1"; put(rt) end
do local rt = "rt2"; put(rt) end
do local new = 1; local class = 2; put(new + class) end

print(table.concat(out, "\n"))
