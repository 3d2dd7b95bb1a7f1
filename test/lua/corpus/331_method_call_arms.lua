-- o:m(args) with simple arguments: every way the method can be found (own field, class
-- through __index, __index function, __call, dead keys), and every way it can fail.
local Base = {}
Base.__index = Base
function Base:name() return "base" end
function Base:add(a, b) return a + b, self.tag end

local Derived = setmetatable({}, { __index = Base })
Derived.__index = Derived
function Derived:name() return "derived" end

local function new(class, tag) return setmetatable({ tag = tag }, class) end

local b, d = new(Base, "b"), new(Derived, "d")
print(b:name(), d:name(), b:add(1, 2), d:add(3, 4))

-- an own function field shadows the class's
d.name = function(self) return "own " .. self.tag end
print(d:name())
-- a dead own key: the class's again
d.name = nil
print(d:name())

-- the class table itself (its fields inherit Base's): Derived:add is Base.add
Derived.tag = "class"
print(Derived:add(5, 6))

-- an own field that is a callable table, and one from the class
local callable = setmetatable({}, { __call = function(self, o, x) return "called", x end })
d.go = callable
print(d:go(7))
Derived.run = callable
print(b.run, d:run(8))

-- __index a function: the runtime's walk
local dyn = setmetatable({}, { __index = function(t, k) return function(self, x) return k, x end end })
print(dyn:anything(9), dyn:other(10))

-- a string receiver and a method the string library lacks, then has
local s = "abc"
local ok, err = pcall(function() return s:nosuch(1) end)
print(ok, err)
function string.twice(str) return str .. str end
print(s:twice())

-- methods changing between calls of one site
local function call_all(list)
  local out = {}
  for i = 1, #list do out[#out + 1] = tostring((list[i]:name())) end
  return table.concat(out, " ")
end
local objs = { new(Base, 1), new(Derived, 2), setmetatable({ name = function() return "plain" end }, nil) }
print(call_all(objs))
Base.name = function() return "renamed" end
print(call_all(objs))
objs[2].name = function() return "late own" end
print(call_all(objs))

-- failures: nil receiver, a missing method, a non-function method, a number receiver
local function try(f, ...) print(pcall(f, ...)) end
try(function(o) return o:name() end, nil)
try(function(o) return o:missing(1) end, b)
Base.value = 42
try(function(o) return o:value() end, b)
try(function(o) return o:name() end, 5)
try(function(o) return o:name(o) end, true)

-- a method that errors: the position is the method's, the traceback goes through the call
function Base:fail(x) error("failed with " .. tostring(x)) end
try(function(o) return o:fail(3) end, d)
print(select("#", d:add(1, 1)), (d:add(2, 2)))

-- arguments that run code: the method is found before they run and called after them
local obj = new(Base, "o")
local function swap() obj.name = function() return "swapped" end return 1 end
print(obj:name(swap()), obj:name(swap()))
Base.greet = function(self, x) return "greet " .. tostring(x) end
local function change() Base.greet = function() return "changed" end return 2 end
print(obj:greet(change()))
print(obj:greet(change()))
local function two() return 10, 20 end
print(obj:add(two()))
print(obj:add(1, two()))
-- a method that is not there: the arguments still run, then the call fails
local ran = 0
local function bump() ran = ran + 1 return ran end
print(pcall(function() return obj:nosuch(bump()) end))
print(pcall(function() return obj:value(bump()) end))
print(pcall(function() local str = "s" return str:nosuch(bump()) end))
print(pcall(function() return (nil):name(bump()) end))
print(pcall(function() local x = obj:nosuch(bump()) return x end))
print(pcall(function() local str = "s" local x = str:nosuch(bump()) return x end))
print("ran", ran)
-- the same in a coroutine
local co = coroutine.wrap(function()
  local r1 = obj:add(two())
  coroutine.yield(r1)
  local ok, err = pcall(function() return obj:nosuch(bump()) end)
  coroutine.yield(ok, err, ran)
  return obj:greet(coroutine.yield("last"))
end)
print(co())
print(co())
print(co())
print(co("resumed"))
