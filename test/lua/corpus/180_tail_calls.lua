-- Proper tail calls: endless tail recursion runs in constant stack, in both modes.
local function count(n, acc) if n == 0 then return acc end return count(n - 1, acc + 1) end
print(count(1000000, 0))
-- mutual recursion through tail calls
local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(300001), is_odd(300001))
-- tail calls that return several values, and varargs passed on
local function many(n, ...) if n == 0 then return ... end return many(n - 1, ...) end
print(many(250000, "a", nil, 3))
print(select('#', many(250000)))
-- a method called in tail position
local Counter = {}
Counter.__index = Counter
function Counter:down(n) if n == 0 then return self.name end return self:down(n - 1) end
print(setmetatable({ name = "counter" }, Counter):down(300000))
-- a tail call to a library function and to a function value in a table
local function up(s) return string.upper(s) end
local t = { f = function(x) return x * 2 end }
local function viaTable(x) return t.f(x) end
print(up("tail"), viaTable(21))
-- an error deep in a tail-call chain is caught; tail calls still work afterwards
local function boom(n) if n == 0 then error("deep", 0) end return boom(n - 1) end
print(pcall(boom, 100000))
print(pcall(boom, 10))
print(count(500000, 1))
-- a tail call through pcall's function argument and a closure
local function make(k) return function(n) if n == 0 then return k end return make(k + 1)(n - 1) end end
print(make(0)(1000))
-- deep non-tail recursion still overflows
local function notTail(n) if n == 0 then return 0 end return 1 + notTail(n - 1) end
print(pcall(notTail, 1e6))
