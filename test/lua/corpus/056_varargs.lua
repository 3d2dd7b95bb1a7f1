local function count(...) return select('#', ...) end
print(count(), count(nil), count(nil, nil), count(1, nil, 3, nil))
local function pass(...) return ... end
print(pass(1, 2, 3))
print(pass())
print((pass(1, 2, 3)))
local function tbl(...) return {...} end
print(#tbl(1, 2, 3), #tbl())
local function first(...) local a = ... return a end
print(first(9, 8, 7))
local function two(...) local a, b = ... return a, b end
print(two(1), two(1, 2, 3))
print(select(2, "a", "b", "c"))
print(select(-1, "a", "b", "c"))
print(select(-2, "a", "b", "c"))
print(select(3, "a", "b", "c"))
print(select(4, "a", "b", "c"))
print(pcall(select, 0, "a"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, "x"))
print(select('#', select(2, 1, 2, 3)))
print(select(2.7, "a", "b", "c"))
local function middle(...) return ..., "end" end
print(middle(1, 2, 3))
local function wrap(...) return {n = select('#', ...), ...} end
local w = wrap(nil, 2, nil)
print(w.n, w[1], w[2], w[3])
local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + (select(i, ...) or 0) end
  return s
end
print(sum(1, 2, 3, nil, 5))
local function vararg_in_closure(...)
  local args = {...}
  return function() return unpack(args) end
end
print(vararg_in_closure("x", "y")())
local function forward(f, ...) return f(...) end
print(forward(math.max, 3, 9, 2), forward(string.rep, "ab", 2))
local function tail(...) return select('#', ...), ... end
print(tail(nil, nil))
-- ... in the middle of a list is truncated to one value
print(pass(1, 2), pass(3, 4))
print(#{pass(1, 2), pass(3, 4)}, ({pass(1, 2), pass(3, 4)})[3])
