-- Recursive Fibonacci: function-call overhead and integer-valued arithmetic.
local n = tonumber(arg and arg[1]) or 35
local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end
local total = 0
for i = n - 3, n do total = total + fib(i) end
print("fib", n, fib(n))
print("checksum", total)
