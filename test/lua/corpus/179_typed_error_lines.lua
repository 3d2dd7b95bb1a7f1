-- Error positions next to typed code (which writes no line of its own).
local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(ok, err)
end
try(function()
  local n = 0
  for i = 1, 3 do
    n = n + i
  end
  local t = nil
  n = n * 2
  return t.x
end)
try(function()
  local t = { { v = 1 }, { v = 2 } }
  local i = 1
  while t[i].v do
    i = i + 1
  end
end)
try(function()
  local a = 1
  if a > 2 then
    a = 0
  elseif
    a.b then
    a = 3
  end
end)
try(function()
  local x = 5
  repeat
    x = x - 1
  until x.y
end)
try(function()
  local s = "x"
  local n = 3
  n = n + 1
  return s + n
end)
try(function(lim)
  for i = 1, lim do end
end)
try(function()
  local function inner(k) return k.field end
  local v = 1
  v = v + 1
  return inner(v)
end)
print(select('#', pcall(error)))
local depth = 0
local function rec(k) depth = depth + 1 return rec(k + 1) + 1 end
print(pcall(rec, 1))
print(depth > 1000)
