-- Loops whose body tests a local that does not change while they run (the compiler may
-- hoist the test out of the loop), and loops where the test must stay inside.
local function sum(t, squares)
  local s = 0
  for i = 1, #t do
    if squares then s = s + t[i] * t[i] else s = s + t[i] end
  end
  return s
end
print(sum({ 1, 2, 3 }, true), sum({ 1, 2, 3 }, false), sum({ 1, 2, 3 }, nil), sum({ 1, 2, 3 }, 0))

-- `not v`, no else branch, statements around the test, break in a branch
local function scan(t, stop)
  local seen = {}
  for i = 1, #t do
    seen[#seen + 1] = t[i]
    if not stop then seen[#seen + 1] = "+" end
    if stop then if t[i] == 0 then break end end
  end
  return table.concat(seen, " ")
end
print(scan({ 3, 0, 5 }, true))
print(scan({ 3, 0, 5 }, false))

-- while and repeat, a branch that declares locals, the until test reading a body local
local function walk(n, verbose)
  local out, i = {}, 0
  while i < n do
    i = i + 1
    if verbose then local label = "step" .. i; out[#out + 1] = label else out[#out + 1] = i end
  end
  local k = 0
  repeat
    local done = k >= 2
    if verbose then out[#out + 1] = "r" .. k end
    k = k + 1
  until done
  return table.concat(out, ",")
end
print(walk(3, true))
print(walk(3, false))

-- an upvalue test, and generic for
local flag = true
local function keys(t)
  local n = 0
  for _, v in ipairs(t) do
    if flag then n = n + v else n = n - v end
  end
  return n
end
print(keys({ 4, 5 }))

-- the tested local changes in the loop: the test stays per iteration
local function toggles(n)
  local on, out = false, {}
  for i = 1, n do
    if on then out[#out + 1] = "on" .. i else out[#out + 1] = "off" .. i end
    on = not on
  end
  return table.concat(out, " ")
end
print(toggles(4))

-- a local declared in the loop body is a new value each iteration
local function perIteration(t)
  local out = {}
  for i = 1, #t do
    local even = t[i] % 2 == 0
    if even then out[#out + 1] = "e" else out[#out + 1] = "o" end
  end
  return table.concat(out)
end
print(perIteration({ 1, 2, 4, 7 }))

-- a function called in the loop cannot change a local nothing assigns; one that assigns it keeps the test
local mode = "a"
local function setMode(m) mode = m end
local function run(n)
  local out = {}
  for i = 1, n do
    if mode == "a" then out[#out + 1] = "A" else out[#out + 1] = "B" end
    if i == 2 then setMode("b") end
  end
  return table.concat(out)
end
print(run(4))

-- errors keep their lines inside either copy
print(pcall(function(bad)
  local t = { 1, 2 }
  for i = 1, 3 do
    if bad then t[i] = t[i] + 1 else t[i] = t[i] * 2 end
  end
end, true))
print(pcall(function(bad)
  local t = { 1, 2 }
  for i = 1, 3 do
    if bad then t[i] = t[i] + 1 else t[i] = t[i] * 2 end
  end
end, false))
