local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2(), c2())
local function pair()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local get, set = pair()
print(get()) set(42) print(get())
local get2, set2 = pair()
set2("other")
print(get(), get2())
-- closures capturing parameters
local function adder(x) return function(y) return x + y end end
local add5, add10 = adder(5), adder(10)
print(add5(1), add10(1), adder(0)(0))
-- nested closures three levels deep
local function outer()
  local a = 1
  return function()
    local b = 2
    return function()
      a = a + 1
      b = b + 1
      return a + b
    end
  end
end
local mid = outer()
local in1 = mid()
local in2 = mid()
print(in1(), in1(), in2(), in1())
-- upvalue modified after closure creation
local x = 1
local function readx() return x end
x = 2
print(readx())
-- closure over loop-external variable
local fns = {}
local shared = 0
for i = 1, 3 do fns[i] = function() shared = shared + i return shared end end
print(fns[1](), fns[2](), fns[3](), shared)
-- function composition
local function compose(f, g) return function(...) return f(g(...)) end end
local inc = function(v) return v + 1 end
local dbl = function(v) return v * 2 end
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
-- memoize using closures
local function memo(f)
  local cache = {}
  return function(k)
    local v = cache[k]
    if v == nil then v = f(k) cache[k] = v end
    return v
  end
end
local calls = 0
local sq = memo(function(k) calls = calls + 1 return k * k end)
print(sq(4), sq(4), sq(5), calls)
