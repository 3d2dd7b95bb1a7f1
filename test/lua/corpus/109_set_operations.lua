local Set = {}
Set.__index = Set
function Set.new(list) local s = setmetatable({items = {}}, Set) for _, v in ipairs(list or {}) do s.items[v] = true end return s end
function Set:has(v) return self.items[v] == true end
function Set:list()
  local out = {}
  for k in pairs(self.items) do out[#out + 1] = k end
  table.sort(out, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) < type(b)
  end)
  return out
end
Set.__add = function(a, b) local r = Set.new() for k in pairs(a.items) do r.items[k] = true end for k in pairs(b.items) do r.items[k] = true end return r end
Set.__mul = function(a, b) local r = Set.new() for k in pairs(a.items) do if b.items[k] then r.items[k] = true end end return r end
Set.__sub = function(a, b) local r = Set.new() for k in pairs(a.items) do if not b.items[k] then r.items[k] = true end end return r end
Set.__le = function(a, b) for k in pairs(a.items) do if not b.items[k] then return false end end return true end
Set.__lt = function(a, b) return a <= b and not (b <= a) end
Set.__eq = function(a, b) return a <= b and b <= a end
Set.__tostring = function(s)
  local parts = {}
  for _, v in ipairs(s:list()) do parts[#parts + 1] = tostring(v) end
  return "{" .. table.concat(parts, ", ") .. "}"
end
Set.__len = function(s) local n = 0 for _ in pairs(s.items) do n = n + 1 end return n end
local a = Set.new({1, 2, 3, 4})
local b = Set.new({3, 4, 5})
print(tostring(a + b), tostring(a * b), tostring(a - b), tostring(b - a))
print(a <= a + b, a < a, a * b <= b, a == Set.new({4, 3, 2, 1}), a == b)
print(a:has(1), a:has(5), (a + b):has(5))
local mixed = Set.new({"x", 10, "a", 2, true})
print(tostring(mixed))
local words = Set.new()
for w in ("a rose is a rose is a rose"):gmatch("%a+") do words.items[w] = true end
print(tostring(words), #words:list())
local empty = Set.new()
print(tostring(empty), tostring(empty + empty), empty <= a, a <= empty)
