-- debug.getlocal/setlocal in coroutines: a suspended thread's frames, and a running one's own
local function names(th, level)
  local out = {}
  local i = 1
  while true do
    local n, v
    if th then n, v = debug.getlocal(th, level, i) else n, v = debug.getlocal(level + 1, i) end
    if not n then break end
    out[#out + 1] = n .. "=" .. tostring(v)
    i = i + 1
  end
  return table.concat(out, " ")
end
local co = coroutine.create(function(a, b)
  local c = a + b
  local s = names(nil, 1)
  print(s)
  local got = coroutine.yield(c)
  local d = got
  s = names(nil, 1)
  print(s)
  coroutine.yield()
  return d
end)
print(coroutine.resume(co, 1, 2))
local s = names(co, 1)
print(s)
print(debug.setlocal(co, 1, 3, 30))
print(coroutine.resume(co, "x"))
print(debug.getlocal(co, 1, 1))
print(pcall(debug.getlocal, co, 5, 1))
local function gen()
  for i = 1, 2 do
    local sq = i * i
    coroutine.yield(sq)
  end
end
local w = coroutine.wrap(function() local tag = "w"; gen() end)
print(w())
