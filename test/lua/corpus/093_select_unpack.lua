print(select('#'))
print(select('#', 1, 2, 3))
print(select(1, "a", "b"))
print(select(2, "a", "b"))
print(select(3, "a", "b"))
print(select(-1, "a", "b"))
print(select(-2, "a", "b"))
print(pcall(select, -3, "a", "b"))
print(select("2", "x", "y", "z"))
print(select(2.9, "x", "y", "z"))
local function last(...) return (select(select('#', ...), ...)) end
print(last(1, 2, 3), last("only"))
local function count_nils(...)
  local n = 0
  for i = 1, select('#', ...) do if select(i, ...) == nil then n = n + 1 end end
  return n
end
print(count_nils(nil, 1, nil, 2, nil))
print(unpack({1, 2, 3}))
print(unpack({1, 2, 3}, 2))
print(unpack({1, 2, 3}, 1, 5))
print(unpack({"a", "b", "c"}, 0, 1))
local packed = {n = 3, 1, nil, 3}
print(unpack(packed, 1, packed.n))
print(select('#', unpack({}, 1, 0)))
print(select('#', unpack({nil, nil}, 1, 2)))
local function apply(f, args) return f(unpack(args)) end
print(apply(string.format, {"%s-%s", "a", "b"}), apply(math.max, {4, 8, 1}))
local big = {}
for i = 1, 200 do big[i] = i end
print(select('#', unpack(big)), (select(200, unpack(big))))
print(math.max(unpack(big)))
