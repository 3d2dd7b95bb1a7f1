local function make()
  local count = 0
  local function inc() count = count + 1 end
  local function dec() count = count - 1 end
  local function get() return count end
  return inc, dec, get
end
local inc, dec, get = make()
inc() inc() inc() dec()
print(get())
-- upvalue shared between sibling closures created at different times
local function bank()
  local balance = 100
  local ops = {}
  ops.deposit = function(n) balance = balance + n return balance end
  ops.withdraw = function(n)
    if n > balance then error("insufficient funds") end
    balance = balance - n
    return balance
  end
  ops.balance = function() return balance end
  return ops
end
local acct = bank()
print(acct.deposit(50), acct.withdraw(30), acct.balance())
local ok, err = pcall(acct.withdraw, 1000)
print(ok, (err:gsub("^.-:%d+: ", "")))
print(acct.balance())
-- upvalue of upvalue
local function level1()
  local v = "L1"
  return function()
    return function() v = v .. "!" return v end
  end
end
local l2 = level1()
local a, b = l2(), l2()
print(a(), b(), a())
-- closed upvalue after the scope ends
local closures = {}
do
  local x = 0
  closures.inc = function() x = x + 1 return x end
  closures.get = function() return x end
  x = 10
end
print(closures.inc(), closures.get())
-- recursive local function as upvalue
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10), fact(20))
local fib
fib = function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
-- parameters are upvalues too
local function param(p)
  local set = function(v) p = v end
  local get = function() return p end
  return set, get
end
local s, g = param("init")
print(g()) s("changed") print(g())
