-- stateful iterator via closure
local function range(n)
  local i = 0
  return function() i = i + 1 if i <= n then return i end end
end
for v in range(4) do io.write(v, " ") end print()
-- stateless iterator
local function iter(t, i)
  i = i + 1
  local v = t[i]
  if v then return i, v end
end
local function myipairs(t) return iter, t, 0 end
for i, v in myipairs({"a", "b", "c"}) do io.write(i, v, " ") end print()
-- iterator returning multiple values
local function triples(n)
  local i = 0
  return function()
    i = i + 1
    if i <= n then return i, i * i, i * i * i end
  end
end
for a, b, c in triples(3) do io.write(a, ",", b, ",", c, " ") end print()
-- extra loop variables get nil
for a, b, c, d in ipairs({"x"}) do print(a, b, c, d) end
-- reverse iterator
local function reversed(t)
  local i = #t + 1
  return function() i = i - 1 if i > 0 then return i, t[i] end end
end
for i, v in reversed({"p", "q", "r"}) do io.write(i, v, " ") end print()
-- iterator with explicit state and control
local function step(state, ctl)
  if ctl < state.max then return ctl + state.step end
end
for v in step, {max = 10, step = 3}, 0 do io.write(v, " ") end print()
-- iterator stops at first nil, even if other values are non-nil
local function weird()
  local n = 0
  return function() n = n + 1 if n < 3 then return n, "x" elseif n == 3 then return nil, "y" end end
end
for a, b in weird() do io.write(a, b, " ") end print()
-- false as the first value does not end the loop? (it is not nil)
local function falsy()
  local n = 0
  return function() n = n + 1 if n == 1 then return false end if n == 2 then return 0 end end
end
for v in falsy() do io.write(tostring(v), " ") end print()
-- calling a non-function
print(pcall(function() for x in 5 do end end))
print(pcall(function() for x in nil do end end))
-- iterating a callable table
local callable = setmetatable({}, {__call = function(self, s, c) c = c + 1 if c <= 2 then return c end end})
print(pcall(function() for v in callable, nil, 0 do io.write("c", v, " ") end end))
-- words iterator
local function words(s)
  return s:gmatch("%a+")
end
local list = {}
for w in words("the quick brown fox") do list[#list + 1] = w:upper() end
print(table.concat(list, "-"))
-- fibonacci iterator
local function fibs(limit)
  local a, b = 0, 1
  return function()
    if a > limit then return nil end
    local r = a
    a, b = b, a + b
    return r
  end
end
for f in fibs(100) do io.write(f, " ") end print()
