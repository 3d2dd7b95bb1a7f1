local function enumerate(iter, s, c)
  local i = 0
  return function()
    local vals = {iter(s, c)}
    c = vals[1]
    if c == nil then return nil end
    i = i + 1
    return i, unpack(vals)
  end
end
for i, k, v in enumerate(ipairs({"a", "b"})) do io.write(i, ":", k, "=", v, " ") end print()
local function take(n, iter, s, c)
  local count = 0
  return function()
    count = count + 1
    if count > n then return nil end
    c = iter(s, c)
    return c
  end
end
local function naturals() return function(_, c) return (c or 0) + 1 end, nil, nil end
for v in take(5, naturals()) do io.write(v, " ") end print()
local function chain(...)
  local lists, li, i = {...}, 1, 0
  return function()
    while lists[li] do
      i = i + 1
      if lists[li][i] ~= nil then return lists[li][i] end
      li, i = li + 1, 0
    end
  end
end
for v in chain({1, 2}, {}, {3}, {4, 5}) do io.write(v, " ") end print()
local function chars(s) local i = 0 return function() i = i + 1 if i <= #s then return s:sub(i, i), i end end end
for ch, pos in chars("hey") do io.write(pos, ch, " ") end print()
local function sorted_pairs(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local i = 0
  return function() i = i + 1 local k = keys[i] if k ~= nil then return k, t[k] end end
end
for k, v in sorted_pairs({z = 1, a = 2, m = 3, [5] = "five"}) do io.write(tostring(k), "=", v, " ") end print()
local function cycle(t, times)
  local n = 0
  return function() n = n + 1 if n <= #t * times then return t[(n - 1) % #t + 1] end end
end
for v in cycle({"x", "y", "z"}, 2) do io.write(v) end print()
local function window(t, size)
  local i = 0
  return function()
    i = i + 1
    if i + size - 1 <= #t then return unpack(t, i, i + size - 1) end
  end
end
for a, b, c in window({1, 2, 3, 4, 5}, 3) do io.write("(", a, b, c, ")") end print()
