-- ipairs/pairs loops in coroutines (compiled code runs generator twins there), with yields in
-- the body and the table changed between resumes; iterators that yield.
local function walk(t)
  local total = 0
  for i, v in ipairs(t) do
    coroutine.yield("i" .. i .. "=" .. v)
    total = total + v
  end
  local n = 0
  for k, v in pairs(t) do
    n = n + 1
    coroutine.yield("k" .. tostring(k))
  end
  return "done " .. total .. " " .. n
end
local data = { 1, 2, 3 }
local co = coroutine.create(walk)
local out = {}
while true do
  local ok, msg = coroutine.resume(co, data)
  if not ok then print("error", msg) break end
  out[#out + 1] = msg
  if msg == "i1=1" then data[4] = 4 end
  if msg == "i3=3" then data[2] = 20 end
  if msg == "k1" then data[3] = nil end
  if coroutine.status(co) == "dead" then break end
end
print(table.concat(out, " "))
-- the same function outside a coroutine: the yield fails
print(pcall(walk, { 5 }))

-- an iterator that yields (coroutine.wrap as the generator)
local gen = coroutine.wrap(function()
  for i, v in ipairs({ "a", "b", "c" }) do coroutine.yield(i, v) end
end)
for i, v in gen do io.write(i, v, " ") end
print()
-- yields across a pairs loop inside a wrapped producer, sorted by the consumer
local producer = coroutine.wrap(function()
  for k, v in pairs({ x = 1, y = 2, z = 3, 4 }) do coroutine.yield(k, v) end
  return nil
end)
local got = {}
for k, v in producer do got[#got + 1] = tostring(k) .. v end
table.sort(got)
print(table.concat(got, " "))
-- errors inside a coroutine
local bad = coroutine.create(function()
  for k in next, { a = 1 }, "missing" do end
end)
print(coroutine.resume(bad))
bad = coroutine.create(function()
  for i, v in ipairs({ 1, 2 }) do coroutine.yield(i) error("stop at " .. i) end
end)
print(coroutine.resume(bad))
print(coroutine.resume(bad))
