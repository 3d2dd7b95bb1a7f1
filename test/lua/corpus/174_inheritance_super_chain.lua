local function class(name, parent)
  local c = {__name = name}
  c.__index = c
  c.__tostring = function(o) return name .. "(" .. (o.describe and o:describe() or "") .. ")" end
  setmetatable(c, {__index = parent, __call = function(cls, ...)
    local o = setmetatable({}, cls)
    if cls.init then cls.init(o, ...) end
    return o
  end})
  c.parent = parent
  return c
end
local A = class("A")
function A:init(x) self.x = x self.trail = {"A"} end
function A:describe() return "x=" .. tostring(self.x) end
function A:who() return "A" end
local B = class("B", A)
function B:init(x, y) A.init(self, x) self.y = y self.trail[#self.trail + 1] = "B" end
function B:describe() return A.describe(self) .. ",y=" .. tostring(self.y) end
function B:who() return "B>" .. A.who(self) end
local C = class("C", B)
function C:init(x, y, z) B.init(self, x, y) self.z = z self.trail[#self.trail + 1] = "C" end
function C:who() return "C>" .. B.who(self) end
local a, b, c = A(1), B(2, 3), C(4, 5, 6)
print(tostring(a), tostring(b), tostring(c))
print(a:who(), b:who(), c:who())
print(table.concat(c.trail, ">"), c.z, c.parent == B, B.parent == A)
print(c.describe == B.describe, rawget(C, "describe"))
local function chain_of(o)
  local names = {}
  local cls = getmetatable(o)
  while cls do names[#names + 1] = cls.__name cls = cls.parent end
  return table.concat(names, " < ")
end
print(chain_of(c), chain_of(b), chain_of(a))
function A:shout() return self:who():upper() .. "!" end
print(c:shout(), b:shout())
B.who = nil
print(c:who(), b:who())
