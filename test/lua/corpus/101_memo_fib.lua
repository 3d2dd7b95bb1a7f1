local calls = 0
local memo = {}
local function fib(n)
  calls = calls + 1
  if n <= 2 then return 1 end
  local v = memo[n]
  if v then return v end
  v = fib(n - 1) + fib(n - 2)
  memo[n] = v
  return v
end
print(fib(10), fib(50), fib(78), calls)
print(fib(80), fib(90))
local function fib_iter(n)
  local a, b = 0, 1
  for _ = 1, n do a, b = b, a + b end
  return a
end
for i = 0, 20 do io.write(fib_iter(i), " ") end print()
print(fib_iter(78) == fib(78), fib_iter(100))
local function memoize(f)
  local cache = setmetatable({}, {__mode = "k"})
  return function(n)
    local r = cache[n]
    if r == nil then r = f(n) cache[n] = r end
    return r
  end
end
local slow_calls = 0
local sq = memoize(function(n) slow_calls = slow_calls + 1 return n * n end)
for _ = 1, 3 do for i = 1, 5 do sq(i) end end
print(slow_calls)
local lucas
lucas = memoize(function(n) if n == 0 then return 2 elseif n == 1 then return 1 end return lucas(n - 1) + lucas(n - 2) end)
print(lucas(30), lucas(60))
