-- Recursive functions whose only calls are calls of themselves (fib-like): the frames an
-- error, a traceback, a stack overflow and debug.getinfo see through them (the corpus's guard
-- for any cheaper frame protocol for such functions, see docs/VALUE_MODEL.md).
local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end
print(fib(20), fib(0), fib(1))

-- an arithmetic error deep in the recursion (slow path), caught and reported
local function down(n, bad)
  if n == 0 then return bad + 1 end
  local r = down(n - 1, bad)
  return r + 1
end
print(pcall(down, 50, {}))
print(pcall(down, 3, "x"))
print((select(2, xpcall(down, debug.traceback, 4, {})):gsub("0x%x+", "0x?")))

-- fewer arguments than parameters; extra arguments from a call by value
local function pad(a, b, c)
  if a == 0 then return tostring(b) .. "/" .. tostring(c) end
  local r = pad(a - 1)
  return r
end
print(pad(3, "b", "c"), pad(0, "b", "c"))
print(pcall(pad, 2, "b", "c", "extra", 99, {}))
local co = coroutine.wrap(pad)
print(co(2, 1, 2, coroutine.running(), 7))

-- stack overflow, and the stack is whole again after it
local function forever(n)
  return 1 + forever(n + 1)
end
local ok, err = pcall(forever, 1)
print(ok, err)
print(pcall(down, 2, {}))
print(fib(10))

-- deep but finite
local function depth(n)
  if n == 0 then return 0 end
  return 1 + depth(n - 1)
end
print(depth(20000))

-- a metamethod run from inside the recursion sees its frames
local mt = {}
mt.__add = function(a, b)
  local info = debug.getinfo(3, "nSl")
  print("add from", info.short_src, info.currentline, info.name, info.namewhat)
  print((debug.traceback("in __add", 2):gsub("0x%x+", "0x?")))
  return 100
end
local obj = setmetatable({}, mt)
local function sum(n, acc)
  if n == 0 then return acc + 1 end
  local r = sum(n - 1, acc)
  return r
end
print(sum(3, obj))

-- __index and __lt metamethods through the slow paths, and errors raised in them
local idx = setmetatable({}, { __index = function(t, k) return k * 2 end })
local function walk(n, t)
  if n == 0 then return t[21] end
  return walk(n - 1, t) + 0
end
print(walk(5, idx))
local cmp = setmetatable({}, { __lt = function() error("no order here") end })
local function less(n, x)
  if x < n then return 0 end
  return less(n - 1, x)
end
print(pcall(less, 3, cmp))

-- inside a coroutine
local co2 = coroutine.create(function()
  print(fib(12))
  print(pcall(down, 5, false))
  coroutine.yield(depth(100))
  return down(2, nil)
end)
print(coroutine.resume(co2))
print(coroutine.resume(co2))

-- uncaught, with luajit's traceback
down(3, {})
