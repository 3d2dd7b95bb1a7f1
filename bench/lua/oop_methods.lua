-- OOP: classes with __index metatables, inheritance and method calls.
local n = tonumber(arg and arg[1]) or 6000000
local Shape = {}
Shape.__index = Shape
function Shape.new(x, y) return setmetatable({ x = x, y = y }, Shape) end
function Shape:move(dx, dy) self.x = self.x + dx; self.y = self.y + dy end
function Shape:area() return 0 end
function Shape:score() return self:area() + self.x - self.y end

local Rect = setmetatable({}, { __index = Shape })
Rect.__index = Rect
function Rect.new(x, y, w, h)
  local r = Shape.new(x, y); r.w = w; r.h = h
  return setmetatable(r, Rect)
end
function Rect:area() return self.w * self.h end

local Square = setmetatable({}, { __index = Rect })
Square.__index = Square
function Square.new(x, y, s) return setmetatable(Rect.new(x, y, s, s), Square) end
function Square:grow(d) self.w = self.w + d; self.h = self.h + d end

local Counter = {}
Counter.__index = Counter
function Counter.new() return setmetatable({ count = 0 }, Counter) end
function Counter:add(v) self.count = (self.count + v) % 1000000007 end

local shapes = {}
for i = 1, 100 do
  local k = i % 3
  if k == 0 then shapes[i] = Shape.new(i, -i)
  elseif k == 1 then shapes[i] = Rect.new(i, i, i % 7 + 1, i % 5 + 1)
  else shapes[i] = Square.new(-i, i, i % 9 + 1) end
end
local c = Counter.new()
for i = 1, n do
  local s = shapes[i % 100 + 1]
  s:move(1, -1)
  if s.grow and i % 1000 == 0 then s:grow(1) end
  c:add(s:score())
end
print("checksum", c.count)
