-- the hidden locals of for loops: "(for index)", "(for limit)", "(for step)",
-- "(for generator)", "(for state)", "(for control)", numbered before the loop variables
local function show(v)
  local t = type(v)
  if t == "function" or t == "table" or t == "thread" then return t end
  return tostring(v)
end
local function dump()
  local i = 1
  local out = {}
  while true do
    local n, v = debug.getlocal(2, i)
    if not n then break end
    out[#out + 1] = n .. "=" .. show(v)
    i = i + 1
  end
  return table.concat(out, " ")
end
local t = {"a", "b"}
for i, v in ipairs(t) do
  local s = dump()
  print(s)
end
local function iter(st, c) if c < 2 then return c + 1, st end end
for x, y in iter, "st", 0 do
  local s = dump()
  print(s)
end
-- setlocal on the hidden locals changes the loop, on the loop variable it does not
for k = 10, 1, -4 do
  local s = dump()
  print(s)
  print(debug.setlocal(1, 5, -100))
end
for k = 1, 2 do
  print(debug.setlocal(1, 8, 5))
  local s = dump()
  print(s)
end
for k = 1, 2 do
  print(debug.setlocal(1, 6, 4))
  local s = dump()
  print(s)
end
local step = 0.5
for k = 1, 2, step do
  local s = dump()
  print(s)
end
for x in iter, "st", 0 do
  print(x, debug.setlocal(1, 7, 1))
end
function other(st, c) if c < 4 then return c + 2, "other" end end
for x, y in iter, "st", 0 do
  print(x, y, debug.setlocal(1, 6, other))
end
-- nested loops, and a function's own loops
local function nested(n)
  for a = 1, n do
    for b = a, n do
      local s = dump()
      if b == n then print(s) end
    end
  end
  local r = 0
  while r < 1 do
    r = r + 1
    for _, w in ipairs({"z"}) do
      local s = dump()
      print(s)
    end
  end
end
nested(2)
-- inside a coroutine
local co = coroutine.wrap(function(lim)
  for q = 1, lim do
    local s = dump()
    coroutine.yield(s)
  end
end)
print(co(2))
print(co())
-- after a loop its hidden locals are gone
do
  for k = 1, 1 do end
  local after = 1
  local s = dump()
  print(s)
end
