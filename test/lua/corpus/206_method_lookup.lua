-- Method calls o:m() and o.m() through every path a callee lookup takes: the table's own
-- field, a metatable's __index chain of tables, an __index function, a chain cut by a
-- function, fields set later, a method replaced and removed, strings, and the errors.
local Base = {}
Base.__index = Base
function Base.new(x) return setmetatable({ x = x }, Base) end
function Base:get() return self.x end
function Base:name() return "base" end

local Derived = setmetatable({}, { __index = Base })
Derived.__index = Derived
function Derived.new(x) return setmetatable(Base.new(x), Derived) end
function Derived:name() return "derived" end

local objs = { Base.new(1), Derived.new(2), Base.new(3) }
local out = {}
for round = 1, 3 do
  for i, o in ipairs(objs) do
    out[#out + 1] = o:name() .. o:get() .. (o.get(o) == o:get() and "=" or "!")
  end
  if round == 1 then
    -- an own field shadows the class's method
    objs[1].name = function() return "own" end
  elseif round == 2 then
    -- the class's method replaced, then the own field removed
    function Base:get() return self.x * 10 end
    objs[1].name = nil
  end
end
print(table.concat(out, " "))

-- __index functions, and a chain cut by one
local calls = 0
local Dyn = setmetatable({}, { __index = function(t, k)
  calls = calls + 1
  return function(self, a) return k .. ":" .. tostring(a) end
end })
print(Dyn:hello(1), Dyn:world(2), Dyn.hello(Dyn, 3), calls)
local Cut = setmetatable({}, { __index = Dyn })
print(Cut:again(4), calls)

-- methods added to the class after instances exist, and after a first call missed
local Late = {}
Late.__index = Late
local l = setmetatable({}, Late)
print(pcall(function() return l:soon() end))
function Late:soon() return "now" end
print(l:soon())

-- strings have methods through their metatable; other values do not
print(("abc"):upper(), ("x"):rep(3), #("abc"):rep(2))
for _, v in ipairs({ 42, true }) do
  print(pcall(function() return v:foo() end))
end
print(pcall(function() local t = {} return t:missing() end))
print(pcall(function() local t = { f = 5 } return t:f() end))
print(pcall(function() local t = setmetatable({}, { __index = { m = "not a function" } }) return t:m() end))
print(pcall(function() local n = nil return n:m() end))

-- keys that are Object.prototype's names in JS
local P = {}
P.__index = P
function P:toString() return "ts" end
function P:constructor() return "ctor" end
function P:hasOwnProperty() return "hop" end
local p = setmetatable({}, P)
print(p:toString(), p:constructor(), p:hasOwnProperty())
print(pcall(function() local q = setmetatable({}, { __index = {} }) return q:valueOf() end))
