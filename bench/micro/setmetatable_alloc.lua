-- Objects made with setmetatable in a loop: a constructor literal given its class, and an empty
-- instance that gets its fields after setmetatable (the two usual Lua constructors), each used
-- once. What a table-model change costs allocation-heavy OOP code.
-- lua setmetatable_alloc.lua [N]
local C = {}
C.__index = C
function C.new(x, y) return setmetatable({ x = x, y = y }, C) end
function C:len2() return self.x * self.x + self.y * self.y end
local D = {}
D.__index = D
function D.new(x) local self = setmetatable({}, D); self.x = x; self.y = x + 1; return self end
local n = tonumber(arg and arg[1]) or 3000000
local s = 0
for i = 1, n do
  local p = C.new(i, i + 1)
  local q = D.new(i)
  s = (s + p:len2() + q.y) % 1000003
end
print(s)
