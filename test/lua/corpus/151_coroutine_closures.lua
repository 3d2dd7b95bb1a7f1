local function make_counter_co(start)
  local count = start
  local co = coroutine.wrap(function(step)
    while true do
      count = count + step
      step = coroutine.yield(count) or step
    end
  end)
  return co, function() return count end
end
local co, peek = make_counter_co(10)
print(co(1), co(), co(5), co(), peek())
local gens = {}
for i = 1, 3 do
  gens[i] = coroutine.wrap(function()
    for j = 1, 3 do coroutine.yield(i * 10 + j) end
  end)
end
local out = {}
for _ = 1, 3 do for i = 1, 3 do out[#out + 1] = gens[i]() end end
print(table.concat(out, " "))
local shared = {}
local writer = coroutine.create(function()
  for i = 1, 3 do shared[#shared + 1] = "w" .. i coroutine.yield() end
end)
local reader = coroutine.create(function()
  for _ = 1, 3 do coroutine.yield(#shared) end
end)
local log = {}
for _ = 1, 3 do
  coroutine.resume(writer)
  local _, n = coroutine.resume(reader)
  log[#log + 1] = n
end
print(table.concat(log, ","), table.concat(shared, ","))
local function accumulate()
  local total = 0
  return coroutine.wrap(function(v)
    while true do total = total + v v = coroutine.yield(total) end
  end)
end
local acc = accumulate()
print(acc(1), acc(2), acc(3), acc(-6))
local co2 = coroutine.create(function(...)
  local args = {...}
  local function inner() return coroutine.yield(#args) end
  local r = inner()
  return r, args[1]
end)
print(coroutine.resume(co2, "x", "y"))
print(coroutine.resume(co2, "resumed"))
