-- round-robin scheduler
local tasks = {}
local output = {}
local function spawn(name, steps)
  tasks[#tasks + 1] = {name = name, co = coroutine.create(function()
    for i = 1, steps do
      output[#output + 1] = name .. i
      coroutine.yield()
    end
    output[#output + 1] = name .. " done"
  end)}
end
spawn("A", 3)
spawn("B", 1)
spawn("C", 2)
while #tasks > 0 do
  local i = 1
  while i <= #tasks do
    local t = tasks[i]
    coroutine.resume(t.co)
    if coroutine.status(t.co) == "dead" then table.remove(tasks, i) else i = i + 1 end
  end
end
print(table.concat(output, ", "))
-- channels
local function channel()
  local queue = {}
  return {
    send = function(v) queue[#queue + 1] = v end,
    recv = function()
      while #queue == 0 do coroutine.yield("waiting") end
      return table.remove(queue, 1)
    end,
  }
end
local ch = channel()
local received = {}
local consumer = coroutine.create(function()
  for _ = 1, 3 do received[#received + 1] = ch.recv() end
  return "consumer finished"
end)
print(coroutine.resume(consumer))
ch.send("x")
print(coroutine.resume(consumer))
ch.send("y") ch.send("z")
print(coroutine.resume(consumer))
print(table.concat(received, ""), coroutine.status(consumer))
-- deep recursion of coroutines creating coroutines
local function nested(n)
  if n == 0 then return 0 end
  local co = coroutine.create(function() coroutine.yield(nested(n - 1) + 1) end)
  local _, v = coroutine.resume(co)
  return v
end
print(nested(50))
