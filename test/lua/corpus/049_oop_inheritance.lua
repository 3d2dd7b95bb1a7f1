local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  c.new = function(...)
    local o = setmetatable({}, c)
    if o.init then o:init(...) end
    return o
  end
  c.super = parent
  return c
end
local Shape = class()
function Shape:init(name) self.name = name end
function Shape:area() return 0 end
function Shape:describe() return string.format("%s with area %.2f", self.name, self:area()) end
local Rect = class(Shape)
function Rect:init(w, h) Shape.init(self, "rect") self.w, self.h = w, h end
function Rect:area() return self.w * self.h end
local Square = class(Rect)
function Square:init(s) Rect.init(self, s, s) self.name = "square" end
local Circle = class(Shape)
function Circle:init(r) self.super.init(self, "circle") self.r = r end
function Circle:area() return math.pi * self.r ^ 2 end
local shapes = {Shape.new("blob"), Rect.new(2, 3), Square.new(4), Circle.new(1)}
for _, s in ipairs(shapes) do print(s:describe()) end
print(Square.super == Rect, Rect.super == Shape, Shape.super)
local sq = shapes[3]
print(sq.w, sq.h, sq:area(), rawget(sq, "area"))
-- method overriding at instance level
sq.area = function() return -1 end
print(sq:describe())
sq.area = nil
print(sq:describe())
-- mixins
local Serializable = {serialize = function(self)
  local keys = {}
  for k, v in pairs(self) do if type(v) ~= "function" then keys[#keys + 1] = k .. "=" .. tostring(v) end end
  table.sort(keys)
  return "{" .. table.concat(keys, ",") .. "}"
end}
for k, v in pairs(Serializable) do Rect[k] = v end
print(Rect.new(5, 6):serialize(), Square.new(2):serialize())
print(pcall(function() return Circle.new(2):serialize() end))
