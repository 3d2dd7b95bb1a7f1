local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end
for v in gen(5) do io.write(v, " ") end print()
-- permutations generator
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a)
  else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
for p in permutations({1, 2, 3}) do io.write(table.concat(p), " ") end print()
-- producer / consumer
local producer = coroutine.create(function()
  for _, item in ipairs({"a", "b", "c"}) do coroutine.yield(item) end
  return nil
end)
local consumed = {}
while true do
  local ok, item = coroutine.resume(producer)
  if not item then break end
  consumed[#consumed + 1] = item
end
print(table.concat(consumed), coroutine.status(producer))
-- filter pipeline
local function filter(pred, src)
  return coroutine.wrap(function()
    for v in src do if pred(v) then coroutine.yield(v) end end
  end)
end
local function map(f, src)
  return coroutine.wrap(function() for v in src do coroutine.yield(f(v)) end end)
end
for v in map(function(x) return x * x end, filter(function(x) return x % 2 == 0 end, gen(10))) do io.write(v, " ") end
print()
-- tree traversal with coroutines
local tree = {v = 4, l = {v = 2, l = {v = 1}, r = {v = 3}}, r = {v = 6, l = {v = 5}, r = {v = 7}}}
local function walk(node)
  if node then walk(node.l) coroutine.yield(node.v) walk(node.r) end
end
local out = {}
for v in coroutine.wrap(function() walk(tree) end) do out[#out + 1] = v end
print(table.concat(out, " "))
-- fibonacci generator with state
local fib = coroutine.wrap(function()
  local a, b = 0, 1
  while true do coroutine.yield(a) a, b = b, a + b end
end)
for _ = 1, 15 do io.write(fib(), " ") end print()
-- interleaving two generators
local g1, g2 = gen(3), gen(3)
print(g1(), g2(), g1(), g2(), g1(), g2())
