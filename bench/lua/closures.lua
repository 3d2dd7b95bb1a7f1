-- Closures: creating and calling many closures, upvalue updates, higher-order functions.
local n = tonumber(arg and arg[1]) or 900000
local function counter(start)
  local c = start
  return function(d) c = c + d; return c end
end
local function compose(f, g) return function(x) return f(g(x)) end end
local function map(t, f)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end
local function fold(t, f, acc)
  for i = 1, #t do acc = f(acc, t[i]) end
  return acc
end
local total = 0
for i = 1, n do
  local inc = counter(i)
  inc(1); inc(2)
  local f = compose(function(x) return x * 2 end, function(x) return x + inc(0) end)
  total = (total + f(i % 13)) % 1000000007
end
local data = {}
for i = 1, 100 do data[i] = i end
for round = 1, math.floor(n / 100) do
  local k = round % 17
  local mapped = map(data, function(x) return x * k end)
  total = (total + fold(mapped, function(a, b) return a + b end, 0)) % 1000000007
end
print("checksum", total)
